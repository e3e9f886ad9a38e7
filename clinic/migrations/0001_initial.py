"""Locations and people move here from appointments and blog, keeping their tables
(state only: 0002 renames the tables); old addresses become a table of their own,
able to lead to anything published, filled from blog's."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import clinic.images


def copy_article_redirects(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OldRedirect = apps.get_model("blog", "Redirect")
    Redirect = apps.get_model("clinic", "Redirect")
    if not OldRedirect.objects.exists():
        return
    article_type, _ = ContentType.objects.get_or_create(app_label="blog", model="article")
    rows = OldRedirect.objects.values_list("old_path", "article_id").iterator()
    Redirect.objects.bulk_create(
        (
            Redirect(old_path=path, content_type=article_type, object_id=article_id)
            for path, article_id in rows
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("appointments", "0002_front_desk_group"),
        ("blog", "0005_editors_choose_related_picks"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Location",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=120)),
                        ("street_address", models.CharField(max_length=200)),
                        ("city", models.CharField(max_length=100)),
                        ("region", models.CharField(max_length=50, verbose_name="state")),
                        ("postal_code", models.CharField(max_length=20, verbose_name="ZIP code")),
                        ("phone", models.CharField(max_length=30)),
                        ("hours", models.TextField(blank=True, help_text="One line per day or range, e.g. “Mon–Fri 8:00 am – 5:00 pm”.")),
                        ("active", models.BooleanField(default=True, help_text="Inactive locations are hidden from the site and the form.")),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={"ordering": ["position", "name"], "db_table": "appointments_location"},
                ),
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="As it appears in the byline.", max_length=120)),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        ("credentials", models.CharField(blank=True, help_text='Degrees and titles after the name, e.g. "MD, FAAOS".', max_length=80)),
                        ("role", models.CharField(blank=True, help_text='For example "Orthopedic surgeon, sports medicine".', max_length=120)),
                        ("bio", models.TextField(blank=True, help_text="A short paragraph for readers.")),
                        ("photo", models.ImageField(blank=True, upload_to=clinic.images.RandomName("authors"), validators=[clinic.images.validate_image])),
                        ("takes_appointments", models.BooleanField(default=False, help_text="A physician patients can ask for on the appointment request form.")),
                        ("user", models.OneToOneField(blank=True, help_text="The staff account of this person, if they have one.", null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"ordering": ["name"], "verbose_name_plural": "people", "db_table": "blog_author"},
                ),
            ],
            database_operations=[],
        ),
        migrations.CreateModel(
            name="Redirect",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("old_path", models.CharField(max_length=500, unique=True)),
                ("object_id", models.PositiveBigIntegerField()),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
            ],
            options={
                "indexes": [models.Index(fields=["content_type", "object_id"], name="redirect_target_idx")],
            },
        ),
        migrations.RunPython(copy_article_redirects, migrations.RunPython.noop),
    ]
