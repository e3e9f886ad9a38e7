"""Editors read the comments kept from WordPress (and delete them with articles)."""

from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, make_role


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0004_editors_keep_synonyms"),
        ("wordpress", "0001_imported_and_comments"),
    ]

    operations = [
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
