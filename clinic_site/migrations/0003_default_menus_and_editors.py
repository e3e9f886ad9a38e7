"""Menus a new site starts with (editors change them in the admin), and the editors'
right to do so."""

from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, make_role

DEFAULT_MENUS = {
    "header": ["clinic:physician_list", "clinic:location_list", "blog:article_list"],
    "footer": [
        "appointments:request",
        "clinic:physician_list",
        "clinic:location_list",
        "blog:article_list",
    ],
}


def create_default_menus(apps, schema_editor):
    MenuItem = apps.get_model("clinic_site", "MenuItem")
    if MenuItem.objects.exists():
        return
    MenuItem.objects.bulk_create(
        MenuItem(menu=menu, section=section, position=10 * n)
        for menu, sections in DEFAULT_MENUS.items()
        for n, section in enumerate(sections, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0002_menus"),
        ("clinic", "0007_site_settings"),
    ]

    operations = [
        migrations.RunPython(create_default_menus, migrations.RunPython.noop),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
