from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, make_role


class Migration(migrations.Migration):
    """Editors may hand-pick related articles (the inline needs RelatedPick rights)."""

    dependencies = [("blog", "0004_wordpress_origin")]

    operations = [
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
