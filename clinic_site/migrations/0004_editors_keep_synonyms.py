"""Editors keep the search's synonym list."""

from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, make_role


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0003_default_menus_and_editors"),
        ("search", "0001_synonyms"),
    ]

    operations = [
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
