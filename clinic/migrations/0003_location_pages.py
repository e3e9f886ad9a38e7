"""Locations gain what their pages show: an address of their own (filled in 0004 and
unique from 0005), a description, parking and access notes, a note under the hours,
weekly hours by day and holiday closures."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0002_own_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="location",
            name="slug",
            field=models.SlugField(default="", help_text="The last part of the location's address on the site.", max_length=120),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="location",
            name="description",
            field=models.CharField(blank=True, help_text="A sentence or two for the location's page, e.g. what is on site.", max_length=300),
        ),
        migrations.AddField(
            model_name="location",
            name="hours_note",
            field=models.TextField(blank=True, help_text="Shown under the opening hours, e.g. “X-ray closes at 4:30 pm”. Hours written before they were kept by day are here when they could not be read: enter them by day below, then shorten this note."),
        ),
        migrations.AddField(
            model_name="location",
            name="parking",
            field=models.TextField(blank=True, help_text="Where to park, public transport, step-free entrance, floor.", verbose_name="parking and access"),
        ),
        migrations.CreateModel(
            name="OpeningHours",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("weekday", models.PositiveSmallIntegerField(choices=[(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"), (5, "Saturday"), (6, "Sunday")], verbose_name="day")),
                ("opens", models.TimeField()),
                ("closes", models.TimeField()),
                ("location", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="opening_hours", to="clinic.location")),
            ],
            options={
                "verbose_name_plural": "opening hours",
                "ordering": ["weekday", "opens"],
                "constraints": [models.CheckConstraint(condition=models.Q(("opens__lt", models.F("closes"))), name="opening_hours_opens_before_closing")],
            },
        ),
        migrations.CreateModel(
            name="Closure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("starts_on", models.DateField(verbose_name="closed from")),
                ("ends_on", models.DateField(blank=True, help_text="The last day closed. Leave empty for a single day.", null=True, verbose_name="closed until")),
                ("label", models.CharField(help_text="Shown to visitors, e.g. “Thanksgiving”.", max_length=120)),
                ("location", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="closures", to="clinic.location")),
            ],
            options={
                "verbose_name": "holiday closure",
                "ordering": ["starts_on"],
                "constraints": [models.CheckConstraint(condition=models.Q(("ends_on", None), ("ends_on__gte", models.F("starts_on")), _connector="OR"), name="closure_ends_after_it_starts")],
            },
        ),
    ]
