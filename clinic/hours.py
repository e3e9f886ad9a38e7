"""Opening hours as people write them: read from free text, written back in short form.

Locations once kept their hours as free text ("Mon–Fri 8:00 am – 5:00 pm"). `read()`
turns such text into weekly spans where it can be sure of them, and hands back the
lines it could not read, word for word, so that nothing an editor wrote is lost.
A line it is unsure of (no am/pm where the hour could be either, hours that contradict
others) counts as unread: a wrong opening time on the site is worse than a note.

Days are numbered as `date.weekday()` numbers them: 0 is Monday.
"""

import re
from datetime import time
from itertools import pairwise
from typing import NamedTuple

DAY_ABBREVIATIONS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_DAYS = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
_DAY_GROUPS = {
    "daily": range(7),
    "every day": range(7),
    "weekdays": range(5),
    "weekends": range(5, 7),
}
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})
_LINE = re.compile(
    r"(?P<days>[a-z][a-z .,&/-]*?)\s*[:,]?\s*(?P<times>(?:closed|\d|noon).*)"
)
_DAY_LIST = re.compile(r"\s*(?:,|&|/|\band\b)\s*")
_DAY_RANGE = re.compile(r"\s*(?:-|\bto\b|\bthrough\b|\bthru\b)\s*")
_SPAN_LIST = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_SPAN = re.compile(r"(?P<opens>.+?)\s*(?:-|\bto\b|\buntil\b)\s*(?P<closes>.+)")
_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?:(?P<meridiem>[ap])\.?m\.?)?"
    r"|(?:12\s*)?(?P<noon>noon)"
)


class Span(NamedTuple):
    weekday: int
    opens: time
    closes: time


class Reading(NamedTuple):
    spans: list[Span]
    unread: list[str]  # the lines not understood, as written


def read(text: str) -> Reading:
    """The weekly spans in free-text hours, and the lines that could not be read.

    A line that contradicts an earlier one (hours on a day said to be closed, or
    overlapping hours already given) is not read either.
    """
    spans: list[Span] = []
    unread: list[str] = []
    closed_days: set[int] = set()
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        days, times = _read_line(line)
        new = [
            Span(day, opens, closes) for day in days or [] for opens, closes in times
        ]
        if days is None or closed_days & set(days) or _overlap(spans, new):
            unread.append(line)
        elif new:
            spans += new
        elif {span.weekday for span in spans} & set(days):
            unread.append(line)
        else:
            closed_days |= set(days)
    return Reading(sorted(spans), unread)


def _overlap(spans: list[Span], new: list[Span]) -> bool:
    return any(
        old.weekday == span.weekday
        and old.opens < span.closes
        and span.opens < old.closes
        for old in spans
        for span in new
    )


def _read_line(line: str) -> tuple[list[int] | None, list[tuple[time, time]]]:
    """The days of one line and their (opens, closes); no times: closed.

    Days are None when the line cannot be read.
    """
    match = _LINE.fullmatch(line.lower().translate(_DASHES))
    if match is None:
        return None, []
    days = _read_days(match["days"].strip(" .,:-"))
    times = match["times"].strip()
    if days is None or times == "closed":
        return days, []
    spans = [_read_span(span) for span in _SPAN_LIST.split(times)]
    if None in spans or any(a[1] > b[0] for a, b in pairwise(spans)):
        return None, []
    return days, spans


def _read_days(text: str) -> list[int] | None:
    if text in _DAY_GROUPS:
        return list(_DAY_GROUPS[text])
    days: list[int] = []
    for item in _DAY_LIST.split(text):
        ends = [_day(name) for name in _DAY_RANGE.split(item)]
        if None in ends or len(ends) > 2:
            return None
        first, last = ends[0], ends[-1]
        days += [(first + n) % 7 for n in range((last - first) % 7 + 1)]
    if len(set(days)) != len(days):
        return None
    return days


def _day(name: str) -> int | None:
    name = name.rstrip(".")
    if name not in _DAYS and name.endswith("s"):  # "Saturdays"
        name = name[:-1]
    return _DAYS.get(name)


def _read_span(text: str) -> tuple[time, time] | None:
    """One "8:00 am - 5:00 pm". An end without am/pm takes the other end's, or the
    opposite one when that would make the span end before it starts ("8 - 5 pm").
    With neither, the span must be plainly on a 24-hour clock ("08:00 - 17:00"):
    "9 - 5" could be read either way, and we do not guess."""
    match = _SPAN.fullmatch(text)
    if match is None:
        return None
    opens, closes = (_TIME.fullmatch(match[end]) for end in ("opens", "closes"))
    if opens is None or closes is None:
        return None
    if not (_meridiem(opens) or _meridiem(closes) or _on_24_hours(opens, closes)):
        return None
    for meridiems in _guesses(_meridiem(opens), _meridiem(closes)):
        span = _ordered(_clock(opens, meridiems[0]), _clock(closes, meridiems[1]))
        if span is not None:
            return span
    return None


def _meridiem(match: re.Match) -> str | None:
    return "p" if match["noon"] else match["meridiem"]


def _on_24_hours(*matches: re.Match) -> bool:
    hours = [match["hour"] for match in matches if match["hour"]]
    return any(hour.startswith("0") or int(hour) > 12 for hour in hours)


def _guesses(opens: str | None, closes: str | None) -> list[tuple]:
    """The am/pm pairs a writer may have meant, likeliest first."""
    opposite = {"a": "p", "p": "a"}
    if opens and closes:
        return [(opens, closes)]
    if opens:
        return [(opens, opens), (opens, opposite[opens])]
    if closes:
        return [(closes, closes), (opposite[closes], closes)]
    return [(None, None)]


def _clock(match: re.Match, meridiem: str | None) -> time | None:
    if match["noon"]:
        return time(12)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if minute > 59:
        return None
    if meridiem is None:
        return time(hour, minute) if hour < 24 else None
    if not 1 <= hour <= 12:
        return None
    return time(hour % 12 + (12 if meridiem == "p" else 0), minute)


def _ordered(opens: time | None, closes: time | None) -> tuple[time, time] | None:
    if opens is None or closes is None or opens >= closes:
        return None
    return opens, closes


def summary(spans) -> list[str]:
    """One line per run of days with the same hours: "Mon–Fri 8:00 am – 5:00 pm".

    Takes anything with weekday, opens and closes (spans, OpeningHours rows), in
    order of day and time. Closed days are left out.
    """
    by_day: dict[int, list[str]] = {}
    for span in spans:
        by_day.setdefault(span.weekday, []).append(span_text(span.opens, span.closes))
    runs: list[tuple[int, int, list[str]]] = []  # (first day, last day, times)
    for day, times in by_day.items():
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == times:
            runs[-1] = (runs[-1][0], day, times)
        else:
            runs.append((day, day, times))
    return [
        f"{_day_range(first, last)} {', '.join(times)}" for first, last, times in runs
    ]


def _day_range(first: int, last: int) -> str:
    if first == last:
        return DAY_ABBREVIATIONS[first]
    return f"{DAY_ABBREVIATIONS[first]}–{DAY_ABBREVIATIONS[last]}"


def span_text(opens: time, closes: time) -> str:
    return f"{clock(opens)} – {clock(closes)}"


def clock(moment: time) -> str:
    """8:00 am, 12:30 pm: the clock as the clinic's patients read it."""
    meridiem = "am" if moment.hour < 12 else "pm"
    return f"{moment.hour % 12 or 12}:{moment.minute:02d} {meridiem}"
