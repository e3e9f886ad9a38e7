"""The dates the site accepts: publish times, review dates, imported dates.

Years 1900 to 2199. That is wider than any real article, review or schedule needs
(the web began in 1991; no one schedules a post two centuries ahead), and far enough
from Python's own limits, years 1 and 9999, that moving a date to another time zone
or adding an interval to it can never overflow. (A publish time on 1 January of year
1, UTC, is year 0 in New York: every page that showed it failed.)

The admin checks the rule on its forms, the WordPress importer on every date it
reads, and the database, by a constraint, on every write.
"""

from datetime import UTC, date, datetime, time

from django.core.exceptions import ValidationError
from django.db.models import Q

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
EARLIEST_MOMENT = datetime.combine(EARLIEST, time.min, UTC)
LATEST_MOMENT = datetime.combine(LATEST, time.max, UTC)


def in_range(value: date) -> bool:
    """A date, or an aware datetime, from EARLIEST to LATEST."""
    if isinstance(value, datetime):
        return EARLIEST_MOMENT <= value <= LATEST_MOMENT
    return EARLIEST <= value <= LATEST


def validate_in_range(value: date | None) -> None:
    if value is not None and not in_range(value):
        raise ValidationError(
            f"Please give a date between {EARLIEST.year} and {LATEST.year}.",
            code="out_of_range",
        )


def condition(field: str, *, moments: bool) -> Q:
    """The rule as a check constraint on a date field (datetime, with `moments`).

    An empty date passes, as SQL's CHECK lets NULL through.
    """
    bounds = (EARLIEST_MOMENT, LATEST_MOMENT) if moments else (EARLIEST, LATEST)
    return Q(**{f"{field}__range": bounds})
