import datetime

from django.db import migrations

UTC = datetime.UTC
EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime.datetime(2199, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
BOUNDS = {
    "published_at": (EARLIEST, LATEST),
    "reviewed_on": (EARLIEST.date(), LATEST.date()),
    "created_at": (EARLIEST, LATEST),
    "updated_at": (EARLIEST, LATEST),
}


def move_dates_into_range(apps, schema_editor):
    """Dates stored before the rule (by an old import, say) move to the nearest bound.

    That keeps their order against any date in range: a public article stays public,
    a scheduled one stays scheduled, and an editor can see what to correct.
    """
    Article = apps.get_model("blog", "Article")
    for field, (earliest, latest) in BOUNDS.items():
        Article.objects.filter(**{f"{field}__lt": earliest}).update(**{field: earliest})
        Article.objects.filter(**{f"{field}__gt": latest}).update(**{field: latest})


class Migration(migrations.Migration):
    """Article dates from 1900 to 2199 (clinic/dates.py says why): the stored ones.

    Apart from the constraint (0007): on PostgreSQL a table with rows updated in a
    transaction cannot be altered in the same one.
    """

    dependencies = [
        ("blog", "0006_people_and_redirects_move_to_clinic"),
        ("clinic", "0002_own_tables"),  # its rename of blog_author comes first
    ]

    operations = [
        migrations.RunPython(move_dates_into_range, migrations.RunPython.noop),
    ]
