"""The request list as the front desk's work queue: which requests are overdue, and
filters whose choices stay few however long the clinic runs.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib import admin
from django.db.models import BooleanField, Case, Q, When
from django.utils import timezone

from appointments.models import AppointmentRequest
from blog.models import Article
from clinic.models import Closure, OpeningHours

SOURCE_ARTICLE_DAYS = 90  # the articles that brought requests in this many days
LOOK_BACK_DAYS = 60  # a request this old is overdue, however long a location closed


def response_cutoff(now=None, is_open=lambda day: day.weekday() < 5) -> datetime:
    """New requests received before this moment are overdue.

    The response time (APPOINTMENT_RESPONSE_HOURS) counts the hours of the days the
    clinic is open, `is_open(date)` (weekdays unless told), in the clinic's time
    zone: a request from Friday afternoon is not late on Saturday, nor on a holiday.
    It looks back at most LOOK_BACK_DAYS, however long a location stays closed.
    """
    moment = timezone.localtime(now)
    left = timedelta(hours=settings.APPOINTMENT_RESPONSE_HOURS)
    furthest = moment - timedelta(days=LOOK_BACK_DAYS)
    while left > timedelta(0) and moment > furthest:
        # The stretch of the calendar day that ends at `moment`.
        day_start = (moment - timedelta(microseconds=1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        if is_open(day_start.date()):
            taken = min(moment - day_start, left)
            left -= taken
            moment -= taken
        else:
            moment = day_start
    return max(moment, furthest)


def overdue_condition(now=None, *, through="", location="location") -> Q:
    """Overdue requests, each by the days its location is open (two queries);
    `through` reaches them over a relation ("requests__"), and `location` is the
    field naming their location ("pk" from the location itself)."""
    status = Q(**{f"{through}status": AppointmentRequest.Status.NEW})
    by_weekdays = Q(**{f"{through}created_at__lt": response_cutoff(now)})
    own_days = _open_days(now)
    by_location = Q(~Q(**{f"{location}__in": own_days}), by_weekdays)
    for location_id, is_open in own_days.items():
        cutoff = response_cutoff(now, is_open)
        by_location |= Q(**{location: location_id, f"{through}created_at__lt": cutoff})
    return status & by_location


def _open_days(now=None) -> dict[int, Callable[[date], bool]]:
    """For each location with opening hours, whether it is open on a given date:
    on its weekdays with hours, unless a holiday closure covers the date."""
    weekdays = defaultdict(set)
    for location_id, weekday in OpeningHours.objects.values_list(
        "location_id", "weekday"
    ):
        weekdays[location_id].add(weekday)
    since = timezone.localdate(now) - timedelta(days=LOOK_BACK_DAYS)
    closed = defaultdict(list)
    for location_id, first, last in Closure.objects.filter(
        Q(ends_on__gte=since) | Q(ends_on=None, starts_on__gte=since),
        location__in=weekdays,
    ).values_list("location_id", "starts_on", "ends_on"):
        closed[location_id].append((first, last or first))

    def opening(days, closures):
        return lambda day: (
            day.weekday() in days
            and not any(first <= day <= last for first, last in closures)
        )

    return {pk: opening(days, closed[pk]) for pk, days in weekdays.items()}


def with_overdue(requests):
    """Mark each request `overdue` in the query itself: the list pays no extra query."""
    return requests.annotate(
        overdue=Case(
            When(overdue_condition(), then=True),
            default=False,
            output_field=BooleanField(),
        )
    )


class OverdueFilter(admin.SimpleListFilter):
    title = "response time"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "Overdue: not contacted in time")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(overdue_condition())
        return queryset


class SourceArticleFilter(admin.RelatedFieldListFilter):
    """Published articles that brought requests lately, not every article ever."""

    def field_choices(self, field, request, model_admin):
        since = timezone.now() - timedelta(days=SOURCE_ARTICLE_DAYS)
        recent = AppointmentRequest.objects.filter(created_at__gte=since)
        articles = Article.objects.published().filter(
            pk__in=recent.values("source_article")
        )
        return list(articles.order_by("title").values_list("pk", "title"))
