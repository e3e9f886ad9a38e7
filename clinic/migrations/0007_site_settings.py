"""The site settings: one record, filled in from CLINIC_NAME and CLINIC_PHONE (the
environment's first-run defaults); editors edit it in the admin from then on."""

from functools import partial

import django.core.validators
from django.conf import settings
from django.db import migrations, models

import clinic.images
import clinic.models
from clinic_site.roles import EDITORS, make_role


def create_from_environment(apps, schema_editor):
    SiteSettings = apps.get_model("clinic", "SiteSettings")
    SiteSettings.objects.get_or_create(
        pk=1, defaults={"name": settings.CLINIC_NAME, "phone": settings.CLINIC_PHONE}
    )


class Migration(migrations.Migration):

    dependencies = [
        ('clinic', '0006_directory'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text='Shown in the header, page titles, emails and search results.', max_length=100, verbose_name='clinic name')),
                ('description', models.CharField(blank=True, help_text='One sentence about the clinic, shown by search engines under the home page and in link previews.', max_length=160, verbose_name='short description')),
                ('logo', models.ImageField(blank=True, height_field='logo_height', help_text='PNG, JPEG or WebP (no SVG), shown in the header instead of the name. The browser icon is made from it: a square logo makes the clearest one.', upload_to=clinic.images.RandomName('site'), validators=[clinic.images.validate_image], width_field='logo_width')),
                ('logo_width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('logo_height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('phone', models.CharField(help_text='The number for appointments, in the header of every page.', max_length=30, validators=[clinic.models.validate_phone], verbose_name='main phone')),
                ('emergency_notice', models.CharField(default='In a medical emergency, call 911.', help_text='Shown at the top of the footer on every page.', max_length=200)),
                ('footer_text', models.TextField(blank=True, default='Articles on this site are for general information and do not replace advice from your own doctor.', help_text='The small print at the bottom of every page.', max_length=600)),
                ('facebook', models.URLField(blank=True, validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='Facebook page')),
                ('instagram', models.URLField(blank=True, validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='Instagram profile')),
                ('youtube', models.URLField(blank=True, validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='YouTube channel')),
                ('linkedin', models.URLField(blank=True, validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='LinkedIn page')),
                ('x', models.URLField(blank=True, validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='X (Twitter) profile')),
                ('share_image', models.ImageField(blank=True, help_text='Shown in link previews of the home page and of every page without a picture of its own; 1200 x 630 pixels suits most networks.', upload_to=clinic.images.RandomName('site'), validators=[clinic.images.validate_image], verbose_name='default share image')),
                ('share_image_alt', models.CharField(blank=True, help_text='What the share image shows, for people who cannot see it.', max_length=250, verbose_name='share image description')),
            ],
            options={
                'verbose_name': 'site settings',
                'verbose_name_plural': 'site settings',
                'constraints': [models.CheckConstraint(condition=models.Q(('pk', 1)), name='site_settings_one_row')],
            },
        ),
        migrations.RunPython(create_from_environment, migrations.RunPython.noop),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
