from functools import partial

from django.db import migrations

from clinic_site.roles import EDITORS, make_role

CATEGORIES = [
    # name, slug, position, counts for related posts, description
    ("Blog", "blog", 0, True, "Everyday questions about bones, joints and muscles."),
    ("Featured", "featured", 1, False, "Articles our physicians especially recommend."),
    ("News", "news", 2, False, "What is new at the clinic."),
]


def create_categories(apps, schema_editor):
    Category = apps.get_model("blog", "Category")
    for name, slug, position, relates, description in CATEGORIES:
        Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "position": position,
                "relates_articles": relates,
                "description": description,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(create_categories, migrations.RunPython.noop),
        migrations.RunPython(partial(make_role, role=EDITORS), migrations.RunPython.noop),
    ]
