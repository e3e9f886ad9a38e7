"""Free-text opening hours read into days and times, or kept word for word."""

from datetime import time

import pytest

from clinic import hours
from clinic.hours import Span

MON_TO_FRI = range(5)
DEMO_CAMBRIDGE = "Mon–Fri 8:00 am – 5:00 pm\nSat 9:00 am – 12:00 pm"
DEMO_WALTHAM = "Mon–Thu 7:30 am – 6:00 pm\nFri 7:30 am – 4:00 pm"


def week(*day_spans) -> list[Span]:
    """[(days, opens, closes), ...] as sorted spans."""
    return sorted(
        Span(day, time(*opens), time(*closes))
        for days, opens, closes in day_spans
        for day in days
    )


def test_the_demo_cambridge_hours_are_read_whole():
    assert hours.read(DEMO_CAMBRIDGE) == (
        week((MON_TO_FRI, (8,), (17,)), ([5], (9,), (12,))),
        [],
    )


def test_the_demo_waltham_hours_are_read_whole():
    assert hours.read(DEMO_WALTHAM) == (
        week((range(4), (7, 30), (18,)), ([4], (7, 30), (16,))),
        [],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mon-Fri 8:00 am - 5:00 pm",
        "Monday to Friday: 8am-5pm",
        "Monday through Friday, 8 a.m. – 5 p.m.",
        "MON—FRI 8:00AM—5:00PM",
        "Weekdays 8 - 5 pm",
        "Mon - Fri: 08:00 - 17:00",
        "Mon, Tue, Wed, Thu & Fri 8.00am to 5.00pm",
    ],
)
def test_a_range_of_days_is_read_however_it_is_written(text):
    assert hours.read(text) == (week((MON_TO_FRI, (8,), (17,))), [])


def test_a_lunch_break_gives_two_spans_a_day():
    reading = hours.read("Mon–Fri 8:00 am – 12:00 pm, 1:00 pm – 5:00 pm")
    assert reading.spans == week((MON_TO_FRI, (8,), (12,)), (MON_TO_FRI, (13,), (17,)))


def test_closed_days_are_read_and_give_no_hours():
    reading = hours.read("Mon–Fri 8am–5pm\nSaturday: 9 – noon\nSunday: Closed")
    assert reading == (week((MON_TO_FRI, (8,), (17,)), ([5], (9,), (12,))), [])


def test_single_days_and_lists_of_days():
    reading = hours.read("Tue & Thu 10:30 am – 7 pm\nSat/Sun 9am-1pm")
    assert reading.spans == week(([1, 3], (10, 30), (19,)), ([5, 6], (9,), (13,)))


@pytest.mark.parametrize(
    "line",
    [
        "Mon–Fri 9 – 5",  # morning or evening? not ours to guess
        "By appointment only",
        "Mon–Fri 8:00 am – 5:00 pm (X-ray until 4:30 pm)",
        "Mon–Fri 5:00 pm – 8:00 am",  # ends before it starts
        "Mon–Fri 8:00 am – 1:00 pm, 12:00 pm – 5:00 pm",  # overlapping
        "Someday 8am–5pm",
        "Mon–Fri 8:75 am – 5 pm",
    ],
)
def test_a_line_that_cannot_be_read_is_kept_as_written(line):
    reading = hours.read(f"Sat 9:00 am – 12:00 pm\n{line}")
    assert reading == (week(([5], (9,), (12,))), [line])


def test_a_line_contradicting_an_earlier_one_is_kept_as_written():
    text = "Mon–Fri 8:00 am – 5:00 pm\nWed 1:00 pm – 7:00 pm\nSun closed\nSun 9am-1pm"
    reading = hours.read(text)
    assert reading.spans == week((MON_TO_FRI, (8,), (17,)))
    assert reading.unread == ["Wed 1:00 pm – 7:00 pm", "Sun 9am-1pm"]


def test_empty_text_reads_as_nothing():
    assert hours.read(" \n\n") == ([], [])


@pytest.mark.parametrize("text", [DEMO_CAMBRIDGE, DEMO_WALTHAM])
def test_the_short_form_writes_back_what_was_read(text):
    assert "\n".join(hours.summary(hours.read(text).spans)) == text


def test_the_short_form_joins_only_neighbouring_days_with_the_same_hours():
    spans = week(
        ([0, 1], (8,), (12,)),
        ([0, 1], (13,), (17,)),
        ([2], (8,), (12,)),
        ([4], (8,), (12,)),
        ([4], (13,), (17,)),
    )
    assert hours.summary(spans) == [
        "Mon–Tue 8:00 am – 12:00 pm, 1:00 pm – 5:00 pm",
        "Wed 8:00 am – 12:00 pm",
        "Fri 8:00 am – 12:00 pm, 1:00 pm – 5:00 pm",
    ]


@pytest.mark.parametrize(
    ("moment", "text"),
    [(time(0, 30), "12:30 am"), (time(9), "9:00 am"), (time(12), "12:00 pm")],
)
def test_the_clock_reads_as_patients_read_it(moment, text):
    assert hours.clock(moment) == text
