"""Locations and people take tables of their own name, and their content types (with
permissions, history and admin log entries) follow them to this app."""

from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, FRONT_DESK, make_role

MOVES = [  # (old app, old model) -> new model in clinic
    (("appointments", "location"), "location"),
    (("blog", "author"), "person"),
]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for (old_app, old_model), new_model in MOVES:
        old = ContentType.objects.filter(app_label=old_app, model=old_model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label="clinic", model=new_model).delete()
        old.app_label, old.model = "clinic", new_model
        old.save()
        for permission in Permission.objects.filter(content_type=old):
            permission.codename = permission.codename.replace(old_model, new_model)
            permission.name = permission.name.replace(old_model, new_model)
            permission.save()
    # blog.Redirect's rows moved to clinic.Redirect in 0001; its rights go with it.
    ContentType.objects.filter(app_label="blog", model="redirect").delete()
    ContentType.objects.clear_cache()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("blog", "0006_people_and_redirects_move_to_clinic"),
        ("appointments", "0003_location_moves_to_clinic"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
        migrations.AlterModelTable(name="location", table=None),
        migrations.AlterModelTable(name="person", table=None),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
        migrations.RunPython(partial(make_role, role=FRONT_DESK), migrations.RunPython.noop),
    ]
