"""Editors keep a location's public details, its hours by day and its closures."""

from datetime import date, time

import pytest
from django.urls import reverse

from clinic.models import Closure


def change_url(location):
    return reverse("admin:clinic_location_change", args=[location.pk])


@pytest.fixture
def edit_location(client, editor, sign_in, location):
    """Post the location's change form as an editor: its fields as they are, with
    the given hours and closures in place of the ones it has."""
    sign_in(editor)

    def post(hours=(), closures=(), **fields):
        data = {
            "name": location.name,
            "slug": location.slug,
            "description": "",
            "active": "on",
            "position": "0",
            "street_address": location.street_address,
            "city": location.city,
            "region": location.region,
            "postal_code": location.postal_code,
            "phone": location.phone,
            "hours_note": "",
            "parking": "",
        } | fields
        existing = list(location.opening_hours.all())
        data |= formset("opening_hours", len(existing), len(existing) + len(hours))
        for n, row in enumerate(existing):
            data |= {
                f"opening_hours-{n}-id": row.pk,
                f"opening_hours-{n}-location": location.pk,
                f"opening_hours-{n}-DELETE": "on",
            }
        for n, (weekday, opens, closes) in enumerate(hours, start=len(existing)):
            data |= {
                f"opening_hours-{n}-location": location.pk,
                f"opening_hours-{n}-weekday": weekday,
                f"opening_hours-{n}-opens": opens,
                f"opening_hours-{n}-closes": closes,
            }
        data |= formset("closures", 0, len(closures))
        for n, (label, starts_on, ends_on) in enumerate(closures):
            data |= {
                f"closures-{n}-location": location.pk,
                f"closures-{n}-label": label,
                f"closures-{n}-starts_on": starts_on,
                f"closures-{n}-ends_on": ends_on,
            }
        return client.post(change_url(location), data)

    return post


def formset(prefix, initial, total) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def test_an_editor_sets_hours_with_a_lunch_break_and_a_closure(edit_location, location):
    response = edit_location(
        hours=[(5, "09:00", "12:00"), (0, "08:00", "12:00"), (0, "13:00", "17:00")],
        closures=[("Thanksgiving", "2026-11-26", "2026-11-27")],
        parking="Garage next door.",
    )
    assert response.status_code == 302
    location.refresh_from_db()
    assert location.hours_lines == [
        "Mon 8:00 am – 12:00 pm, 1:00 pm – 5:00 pm",
        "Sat 9:00 am – 12:00 pm",
    ]
    assert location.parking == "Garage next door."
    closure = Closure.objects.get(location=location)
    assert (closure.label, closure.starts_on, closure.ends_on) == (
        "Thanksgiving",
        date(2026, 11, 26),
        date(2026, 11, 27),
    )


def test_hours_overlapping_on_a_day_are_refused_on_their_row(edit_location, location):
    response = edit_location(hours=[(0, "08:00", "13:00"), (0, "12:00", "17:00")])
    assert response.status_code == 200
    forms = response.context["inline_admin_formsets"][0].formset.forms
    assert forms[-1].has_error("opens", code="overlap")
    assert "This overlaps 8:00 am – 1:00 pm on Monday." in response.content.decode()
    assert location.opening_hours.count() == 5  # nothing changed


def test_hours_on_different_days_or_back_to_back_may_share_times(edit_location):
    response = edit_location(
        hours=[(0, "08:00", "12:00"), (0, "12:00", "17:00"), (1, "08:00", "17:00")]
    )
    assert response.status_code == 302


def test_closing_before_opening_is_refused_on_the_closing_time(edit_location):
    response = edit_location(hours=[(2, "17:00", "08:00")])
    forms = response.context["inline_admin_formsets"][0].formset.forms
    assert forms[-1].has_error("closes", code="closes_before_opening")


def test_a_closure_ending_before_it_starts_is_refused(edit_location):
    response = edit_location(closures=[("Holiday", "2026-12-26", "2026-12-24")])
    forms = response.context["inline_admin_formsets"][1].formset.forms
    assert forms[0].has_error("ends_on", code="ends_before_it_starts")
    assert not Closure.objects.exists()


def test_the_change_page_offers_time_pickers_and_links_to_the_public_page(
    client, editor, sign_in, location
):
    sign_in(editor)
    page = client.get(change_url(location)).content.decode()
    assert 'type="time" name="opening_hours-0-opens" value="08:00"' in page
    assert 'href="/admin/r/' in page and "View on site" in page


def test_the_front_desk_sees_hours_and_closures_but_changes_nothing(
    client, front_desk, sign_in, location
):
    location.closures.create(label="Holiday", starts_on=date(2026, 12, 25))
    sign_in(front_desk)
    page = client.get(change_url(location)).content.decode()
    assert "8:00" in page and "Holiday" in page
    response = client.post(change_url(location), {"name": "Renamed"})
    assert response.status_code == 403
    location.refresh_from_db()
    assert location.name == "Cambridge" and location.opening_hours.count() == 5
    assert location.opening_hours.first().opens == time(8)
