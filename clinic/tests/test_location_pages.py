"""/locations/ and a page per location: when it is open, how to get there, a visit."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from clinic.models import Location
from conftest import breadcrumb_trail, json_ld

A_MONDAY = date(2026, 11, 23)


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): timezone.now() answers this moment (an aware datetime)."""

    def set_clock(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_clock


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


@pytest.fixture
def make_location(db):
    """A location open Monday to Friday 8-5 and Saturday 9-12, with a closure ahead."""
    numbers = iter(range(1, 1000))

    def make(**fields):
        n = next(numbers)
        defaults = {
            "name": f"Office {n}",
            "slug": f"office-{n}",
            "street_address": f"{n} Main Street",
            "city": "Cambridge",
            "region": "MA",
            "postal_code": "02139",
            "phone": "(617) 555-0110",
        }
        location = Location.objects.create(**(defaults | fields))
        for day in range(5):
            location.opening_hours.create(weekday=day, opens=time(8), closes=time(17))
        location.opening_hours.create(weekday=5, opens=time(9), closes=time(12))
        location.closures.create(
            label="Staff training", starts_on=timezone.localdate() + timedelta(days=3)
        )
        return location

    return make


def test_the_list_shows_each_active_location_with_phone_link_and_todays_hours(
    client, make_location, clock
):
    clock(at_noon(A_MONDAY))
    cambridge = make_location(name="Cambridge", phone="(617) 555-0110")
    make_location(name="Old office", active=False)
    page = client.get("/locations/").content.decode()
    assert f'<a href="{cambridge.get_absolute_url()}">Cambridge</a>' in page
    assert cambridge.street_address in page
    assert '<a href="tel:+16175550110">(617) 555-0110</a>' in page
    assert "Open today: 8:00 am – 5:00 pm" in page
    assert "Old office" not in page.split("<footer")[0]


def test_the_list_says_closed_today_on_a_day_without_hours(
    client, make_location, clock
):
    clock(at_noon(A_MONDAY + timedelta(days=6)))  # a Sunday
    make_location()
    assert "Closed today" in client.get("/locations/").content.decode()


def test_a_closure_today_says_closed_today_and_why(client, make_location, clock):
    clock(at_noon(A_MONDAY))
    location = make_location()
    location.closures.create(label="Thanksgiving", starts_on=A_MONDAY - timedelta(1))
    location.closures.create(
        label="Power outage", starts_on=A_MONDAY, ends_on=A_MONDAY + timedelta(1)
    )
    assert "Closed today: Power outage" in client.get("/locations/").content.decode()


def test_today_is_the_clinics_day_not_the_servers(client, make_location, clock):
    # 11:30 pm on Friday in Boston is already Saturday in UTC: Friday's hours.
    clock(datetime(2026, 11, 28, 4, 30, tzinfo=UTC))
    location = make_location()
    assert "Open today: 8:00 am – 5:00 pm" in client.get("/locations/").content.decode()
    page = client.get(location.get_absolute_url()).content.decode()
    assert '<tr class="today">\n        <th scope="row">Friday (today)</th>' in page


def test_a_location_page_has_the_week_closures_ahead_parking_and_directions(
    client, make_location, clock
):
    clock(at_noon(A_MONDAY))
    location = make_location(
        name="Cambridge",
        street_address="88 Millbrook Avenue, Suite 210",
        parking="Garage next door.\nStep-free entrance.",
        hours_note="X-ray closes at 4:30 pm.",
        description="X-ray on site.",
    )
    location.closures.create(label="Long past", starts_on=A_MONDAY - timedelta(9))
    location.closures.create(
        label="Winter holidays",
        starts_on=date(2026, 12, 24),
        ends_on=date(2026, 12, 26),
    )
    page = client.get(location.get_absolute_url()).content.decode()
    assert "<h1>Cambridge</h1>" in page and "X-ray on site." in page
    days = re.findall(r'<th scope="row">(\w+)[^<]*</th>\s*<td>([^<]*)</td>', page)
    assert days == [
        *[(day, "8:00 am – 5:00 pm") for day in ["Monday", "Tuesday", "Wednesday"]],
        *[(day, "8:00 am – 5:00 pm") for day in ["Thursday", "Friday"]],
        ("Saturday", "9:00 am – 12:00 pm"),
        ("Sunday", "Closed"),
    ]
    assert "X-ray closes at 4:30 pm." in page
    assert "Staff training: closed" in page
    assert (
        'Winter holidays: closed <time datetime="2026-12-24">Thursday, December 24'
        '</time> to <time datetime="2026-12-26">Saturday, December 26</time>'
    ) in page
    assert "Long past" not in page
    assert "Garage next door.<br>Step-free entrance." in page
    assert (
        '<a href="https://www.google.com/maps/dir/?api=1&amp;destination='
        "88+Millbrook+Avenue%2C+Suite+210%2C+Cambridge%2C+MA+02139"
    ) in page


def test_the_request_link_opens_the_form_with_the_location_chosen(
    client, make_location
):
    make_location()
    location = make_location(slug="waltham")
    page = client.get(location.get_absolute_url()).content.decode()
    link = re.search(r'<a class="button button-primary" href="([^"]+)">', page)
    assert link[1] == "/appointments/request/?location=waltham"
    form = client.get(link[1]).content.decode()
    assert f'<option value="{location.pk}" selected>' in form


def test_a_location_page_describes_a_medical_clinic_with_its_hours(
    client, make_location, clock
):
    clock(at_noon(A_MONDAY))
    location = make_location(name="Cambridge", phone="(617) 555-0110")
    page = client.get(location.get_absolute_url()).content.decode()
    clinic = json_ld(page)[0]
    assert clinic["@context"] == "https://schema.org"
    assert clinic["@type"] == "MedicalClinic" and clinic["name"] == "Cambridge"
    assert clinic["url"].endswith("/locations/office-1/")
    assert clinic["telephone"] == "(617) 555-0110"
    assert clinic["address"]["streetAddress"] == location.street_address
    assert "geo" not in clinic
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            "opens": "08:00",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["Saturday"],
            "opens": "09:00",
            "closes": "12:00",
        },
    ]
    [closure] = clinic["specialOpeningHoursSpecification"]
    assert closure["opens"] == closure["closes"] == "00:00"
    assert closure["validFrom"] == closure["validThrough"] == "2026-11-26"


def test_the_trail_ends_on_the_location_as_shown_and_as_structured_data(
    client, make_location, settings
):
    location = make_location(name="Cambridge")
    page = client.get(location.get_absolute_url()).content.decode()
    shown = [("Home", "/"), ("Locations", "/locations/"), ("Cambridge", None)]
    assert breadcrumb_trail(page) == shown
    trail = json_ld(page)[-1]["itemListElement"]
    assert [(item["name"], item["item"]) for item in trail] == [
        ("Home", settings.SITE_URL + "/"),
        ("Locations", settings.SITE_URL + "/locations/"),
        ("Cambridge", settings.SITE_URL + location.get_absolute_url()),
    ]


def test_the_clinic_on_every_article_carries_each_locations_hours(
    client, make_location, make_article
):
    location = make_location()
    page = client.get(make_article().get_absolute_url()).content.decode()
    publisher = json_ld(page)[0]["mainEntity"]["publisher"]
    [office] = publisher["subOrganization"]
    assert office["url"].endswith(location.get_absolute_url())
    assert office["openingHoursSpecification"][1]["dayOfWeek"] == ["Saturday"]


def test_the_footer_shows_each_locations_hours_and_links_to_its_page(
    client, make_location, make_article
):
    location = make_location(name="Cambridge")
    page = client.get(make_article().get_absolute_url()).content.decode()
    footer = page.split('<footer class="site-footer">')[1]
    assert f'<a href="{location.get_absolute_url()}">Cambridge</a>' in footer
    assert "<li>Mon–Fri 8:00 am – 5:00 pm</li><li>Sat 9:00 am – 12:00 pm</li>" in (
        footer
    )


@pytest.mark.parametrize("slug", ["closed-office", "no-such-office"])
def test_an_inactive_or_unknown_location_is_404(client, make_location, slug):
    make_location(slug="closed-office", active=False)
    assert client.get(f"/locations/{slug}/").status_code == 404


def test_the_physicians_who_practise_there_are_listed(client, make_location, author):
    location = make_location()
    author.locations.add(location)
    page = client.get(location.get_absolute_url()).content.decode()
    assert f'<a href="{author.get_absolute_url()}">{author.byline}</a>' in page


# Queries: the same few however many locations, hours and closures there are.


def build_locations(make_location, size) -> list[Location]:
    locations = [make_location() for _ in range(size)]
    for location in locations:
        location.closures.create(
            label="Holiday",
            starts_on=timezone.localdate() + timedelta(days=20),
            ends_on=timezone.localdate() + timedelta(days=22),
        )
        location.opening_hours.create(weekday=6, opens=time(10), closes=time(11))
    return locations


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(
    ("page", "expected"),
    [("list", 10), ("detail", 11)],
)
def test_query_count_does_not_grow_with_locations(
    client, make_location, django_assert_num_queries, size, page, expected
):
    # Locations, their hours, their closures ahead (the detail: one location, and
    # the clinicians there); the chrome's site settings, categories, locations and
    # their hours, menus and legal pages; the next scheduled article.
    locations = build_locations(make_location, size)
    url = "/locations/" if page == "list" else locations[-1].get_absolute_url()
    cache.clear()
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


# The page cache keeps them, and anything changed shows at the next request.


@pytest.mark.parametrize("page", ["list", "detail"])
def test_a_kept_location_page_makes_no_query(
    client, make_location, django_assert_num_queries, page
):
    location = make_location()
    url = "/locations/" if page == "list" else location.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def rename(location):
    location.name = "Renamed office"
    location.save()


def change_hours(location):
    row = location.opening_hours.get(weekday=5)
    row.closes = time(13)
    row.save()


def add_closure(location):
    location.closures.create(label="Snow day", starts_on=timezone.localdate())


def remove_saturday(location):
    location.opening_hours.get(weekday=5).delete()


@pytest.mark.parametrize(
    ("change", "shown", "gone"),
    [
        (rename, "Renamed office", "Office 1"),
        (change_hours, "Sat 9:00 am – 1:00 pm", "Sat 9:00 am – 12:00 pm"),
        (remove_saturday, "Mon–Fri 8:00 am – 5:00 pm", "Sat 9:00 am – 12:00 pm"),
        (add_closure, "Snow day", "Open today"),
    ],
    ids=["location", "hours", "hours-deleted", "closure"],
)
@pytest.mark.parametrize("page", ["list", "detail"])
def test_a_change_shows_at_the_next_request(
    make_location, clock, change, shown, gone, page
):
    clock(at_noon(A_MONDAY))
    anonymous = Client()
    location = make_location()
    url = "/locations/" if page == "list" else location.get_absolute_url()
    assert gone in anonymous.get(url).content.decode()
    change(location)
    after = anonymous.get(url).content.decode()
    assert shown in after and gone not in after


def test_a_kept_list_shows_the_new_days_hours_after_the_clinics_midnight(
    make_location, clock
):
    anonymous = Client()
    clock(at_noon(A_MONDAY + timedelta(days=5)))  # Saturday
    make_location()
    assert (
        "Open today: 9:00 am – 12:00 pm"
        in anonymous.get("/locations/").content.decode()
    )
    clock(at_noon(A_MONDAY + timedelta(days=6)))  # Sunday
    assert "Closed today" in anonymous.get("/locations/").content.decode()
