"""The request list as the front desk's work queue: which requests are overdue, and
filters whose choices stay few however long the clinic runs.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db.models import BooleanField, Case, Q, When
from django.utils import timezone

from appointments.models import AppointmentRequest
from blog.models import Article

SOURCE_ARTICLE_DAYS = 90  # the articles that brought requests in this many days


def response_cutoff(now=None):
    """New requests received before this moment are overdue.

    The response time (APPOINTMENT_RESPONSE_HOURS) counts weekday hours only, in the
    clinic's time zone: a request from Friday afternoon is not late on Saturday.
    """
    moment = timezone.localtime(now)
    left = timedelta(hours=settings.APPOINTMENT_RESPONSE_HOURS)
    while left > timedelta(0):
        # The stretch of the calendar day that ends at `moment`.
        day_start = (moment - timedelta(microseconds=1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        if day_start.weekday() < 5:
            taken = min(moment - day_start, left)
            left -= taken
            moment -= taken
        else:
            moment = day_start
    return moment


def overdue_condition(now=None, *, through="") -> Q:
    """Overdue requests; `through` reaches them over a relation ("requests__")."""
    return Q(
        **{
            f"{through}status": AppointmentRequest.Status.NEW,
            f"{through}created_at__lt": response_cutoff(now),
        }
    )


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
