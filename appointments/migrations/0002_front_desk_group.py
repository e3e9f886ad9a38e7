from functools import partial

from django.db import migrations

from clinic_site.roles import FRONT_DESK, make_role


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(partial(make_role, role=FRONT_DESK), migrations.RunPython.noop),
    ]
