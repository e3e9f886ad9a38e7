"""Locations from a database as main left it (free-text hours) upgrade to hours by day,
keeping what could not be read as a note; going back writes the text again."""

from datetime import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from clinic.models import Location
from clinic.tests.test_migrations import migrate

BEFORE_HOURS_BY_DAY = [("clinic", "0002_own_tables")]
ADDRESS = {
    "street_address": "88 Millbrook Avenue",
    "city": "Cambridge",
    "region": "MA",
    "postal_code": "02139",
    "phone": "(617) 555-0110",
}
OLD_HOURS = {  # name: free text, as main's demo and editors wrote it
    "Riverside Bone & Joint: Cambridge": "Mon–Fri 8:00 am – 5:00 pm\n"
    "Sat 9:00 am – 12:00 pm",
    "Riverside Bone & Joint: Waltham": "Mon–Thu 7:30 am – 6:00 pm\n"
    "Fri 7:30 am – 4:00 pm",
    "Somerville": "Monday-Friday 9am-1pm, 2pm-6pm\nSaturday & Sunday: Closed\n"
    "Evening clinic on the first Tuesday of the month",
    "Medford": "By appointment only",
    "Medford ": "",  # the same name twice: two slugs all the same
}


def latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def old_locations(committed_db):
    """Locations with free-text hours; the tests then migrate to the latest schema
    (and it is the latest again afterwards, whatever happened)."""
    apps = migrate(BEFORE_HOURS_BY_DAY)
    OldLocation = apps.get_model("clinic", "Location")
    for name, text in OLD_HOURS.items():
        OldLocation.objects.create(name=name, hours=text, **ADDRESS)
    yield
    latest()


def hours_of(name) -> list[tuple]:
    location = Location.objects.get(name=name)
    return list(location.opening_hours.values_list("weekday", "opens", "closes"))


def test_the_demo_locations_hours_become_rows_by_day(old_locations):
    latest()
    assert hours_of("Riverside Bone & Joint: Cambridge") == [
        *[(day, time(8), time(17)) for day in range(5)],
        (5, time(9), time(12)),
    ]
    assert hours_of("Riverside Bone & Joint: Waltham") == [
        *[(day, time(7, 30), time(18)) for day in range(4)],
        (4, time(7, 30), time(16)),
    ]
    demo = Location.objects.filter(name__startswith="Riverside")
    assert list(demo.values_list("hours_note", flat=True)) == ["", ""]


def test_lines_that_cannot_be_read_are_kept_as_the_hours_note(old_locations):
    latest()
    somerville = Location.objects.get(name="Somerville")
    assert hours_of("Somerville") == [
        (day, opens, closes)
        for day in range(5)
        for opens, closes in [(time(9), time(13)), (time(14), time(18))]
    ]
    assert somerville.hours_note == "Evening clinic on the first Tuesday of the month"
    medford = Location.objects.get(name="Medford")
    assert medford.hours_note == "By appointment only" and not hours_of("Medford")


def test_each_location_gets_its_own_slug_from_its_name(old_locations):
    latest()
    assert sorted(Location.objects.values_list("slug", flat=True)) == [
        "medford",
        "medford-2",
        "riverside-bone-joint-cambridge",
        "riverside-bone-joint-waltham",
        "somerville",
    ]


def test_going_back_writes_the_hours_as_text_again(old_locations):
    latest()
    apps = migrate(BEFORE_HOURS_BY_DAY)
    OldLocation = apps.get_model("clinic", "Location")
    texts = dict(OldLocation.objects.values_list("name", "hours"))
    assert (
        texts["Riverside Bone & Joint: Cambridge"]
        == OLD_HOURS["Riverside Bone & Joint: Cambridge"]
    )
    assert texts["Somerville"] == (
        "Mon–Fri 9:00 am – 1:00 pm, 2:00 pm – 6:00 pm\n"
        "Evening clinic on the first Tuesday of the month"
    )
    assert texts["Medford"] == "By appointment only"
