"""The physicians directory: who sees patients, their specialties and locations, the
directory's order, and photos with their size and renditions. Editors keep it."""

from functools import partial

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import migrations, models
from PIL import Image

import clinic.images
from clinic_site.roles import EDITORS, make_role


def mark_clinicians(apps, schema_editor):
    """People patients can ask for, and people who reviewed articles, see patients."""
    Person = apps.get_model("clinic", "Person")
    Person.objects.filter(
        models.Q(takes_appointments=True) | models.Q(reviewed_articles__isnull=False)
    ).update(clinician=True)


def measure_photos(apps, schema_editor):
    """Photos uploaded before: their size, and their renditions.

    A photo whose file is missing or broken is forgotten: Django would try to measure
    it each time the person is loaded, and fail on every page that shows them.
    """
    Person = apps.get_model("clinic", "Person")
    # Names only: loading a Person here would make Django measure its photo unguarded.
    unmeasured = Person.objects.exclude(photo="").filter(photo_width=None)
    for pk, name in unmeasured.values_list("pk", "photo"):
        try:
            with default_storage.open(name) as stored:
                width, height = Image.open(stored).size
            clinic.images.make_renditions(name, clinic.images.PORTRAIT_WIDTHS)
        except (OSError, ValueError):
            Person.objects.filter(pk=pk).update(photo="")
            continue
        Person.objects.filter(pk=pk).update(photo_width=width, photo_height=height)


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0005_free_text_hours_go'),
        ('blog', '0006_people_and_redirects_move_to_clinic'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Specialty',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='In words patients use, e.g. "Sports medicine" or "Hand and wrist".', max_length=80, unique=True)),
            ],
            options={
                'verbose_name_plural': 'specialties',
                'ordering': ['name'],
            },
        ),
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': ['position', 'name'], 'verbose_name_plural': 'people'},
        ),
        migrations.AddField(
            model_name='person',
            name='accepts_new_patients',
            field=models.BooleanField(default=True, help_text='Shown in the directory and on the profile of clinicians.'),
        ),
        migrations.AddField(
            model_name='person',
            name='addressed_as',
            field=models.CharField(blank=True, help_text='How patients address them, e.g. "Dr. Castellan". The name if empty.', max_length=80),
        ),
        migrations.AddField(
            model_name='person',
            name='clinician',
            field=models.BooleanField(default=False, help_text='A physician or therapist: listed in the physicians directory, with a profile. People who only write (editors, writers) get an author page.', verbose_name='sees patients'),
        ),
        migrations.AddField(
            model_name='person',
            name='locations',
            field=models.ManyToManyField(blank=True, help_text='The locations where they see patients.', related_name='people', to='clinic.location'),
        ),
        migrations.AddField(
            model_name='person',
            name='photo_height',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='photo_width',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='person',
            name='position',
            field=models.PositiveSmallIntegerField(default=0, help_text='Order in the physicians directory: smaller numbers come first.'),
        ),
        migrations.AlterField(
            model_name='person',
            name='photo',
            field=models.ImageField(blank=True, height_field='photo_height', help_text='A portrait, shown in a circle: keep the face in the middle. JPEG, PNG or WebP, up to 10 MB. Location data in photos is removed.', upload_to=clinic.images.RandomName('authors'), validators=[clinic.images.validate_image], width_field='photo_width'),
        ),
        migrations.AlterField(
            model_name='person',
            name='slug',
            field=models.SlugField(help_text="The last part of the profile's web address, as in /physicians/nora-castellan/.", max_length=120, unique=True),
        ),
        migrations.AlterField(
            model_name='person',
            name='takes_appointments',
            field=models.BooleanField(default=False, help_text='Patients can ask for them on the appointment request form, and their profile has a button for it. Only for people who see patients.'),
        ),
        migrations.AddField(
            model_name='person',
            name='specialties',
            field=models.ManyToManyField(blank=True, related_name='people', to='clinic.specialty'),
        ),
        migrations.RunPython(mark_clinicians, migrations.RunPython.noop),
        migrations.RunPython(measure_photos, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('clinician', True), ('takes_appointments', False), _connector='OR'), name='appointments_only_with_clinicians'),
        ),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
