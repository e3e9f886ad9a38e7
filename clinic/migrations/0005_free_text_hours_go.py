"""The free-text hours go (0004 kept what it could not read as the hours note);
location slugs become unique; editors may now edit locations' public details and
their hours and closures, and the front desk may see them."""

from functools import partial

from django.db import migrations, models

from clinic_site.roles import EDITORS, FRONT_DESK, make_role


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0004_hours_by_day"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="location",
            name="hours",
        ),
        migrations.AlterField(
            model_name="location",
            name="slug",
            field=models.SlugField(help_text="The last part of the location's address on the site.", max_length=120, unique=True),
        ),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
        migrations.RunPython(partial(make_role, role=FRONT_DESK), migrations.RunPython.noop),
    ]
