"""Each location gets a slug from its name, and its free-text hours become rows by
day where they can be read; lines that cannot be read are kept as the hours note.
Going back writes the rows out as text again, the note after them."""

from django.db import migrations
from django.utils.text import slugify

from clinic import hours


def unique_slug(name, taken):
    base = slugify(name)[:110] or "location"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def hours_by_day(apps, schema_editor):
    Location = apps.get_model("clinic", "Location")
    OpeningHours = apps.get_model("clinic", "OpeningHours")
    taken = set()
    for location in Location.objects.order_by("pk"):
        reading = hours.read(location.hours)
        location.slug = unique_slug(location.name, taken)
        location.hours_note = "\n".join(reading.unread)
        location.save(update_fields=["slug", "hours_note"])
        OpeningHours.objects.bulk_create(
            OpeningHours(location=location, weekday=day, opens=opens, closes=closes)
            for day, opens, closes in reading.spans
        )


def hours_as_text(apps, schema_editor):
    Location = apps.get_model("clinic", "Location")
    for location in Location.objects.prefetch_related("opening_hours"):
        lines = hours.summary(location.opening_hours.all())
        location.hours = "\n".join([*lines, location.hours_note]).strip()
        location.save(update_fields=["hours"])


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0003_location_pages"),
    ]

    operations = [
        migrations.RunPython(hours_by_day, hours_as_text),
    ]
