"""The front desk's start of the day on the admin's home: per location, how many
requests are new, overdue and booked for today, each a link to those requests.
Counts only: no request is shown, so nothing here is an audited read."""

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.queue import overdue_condition
from clinic.models import Location

Status = AppointmentRequest.Status


def today_span():
    """The clinic's today, midnight to midnight, as aware datetimes."""
    start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return start, timezone.make_aware(
        datetime.combine(start.date() + timedelta(days=1), time.min)
    )


def _list_url(**filters) -> str:
    changelist = reverse("admin:appointments_appointmentrequest_changelist")
    return f"{changelist}?{urlencode(filters)}"


def location_counts() -> list[dict]:
    """One row per location that has requests or is active (one query)."""
    start, end = today_span()
    booked_today = Q(
        requests__status=Status.SCHEDULED,
        requests__scheduled_for__gte=start,
        requests__scheduled_for__lt=end,
    )
    locations = (
        Location.objects.annotate(
            new=Count("requests", filter=Q(requests__status=Status.NEW)),
            overdue=Count(
                "requests",
                filter=overdue_condition(through="requests__", location="pk"),
            ),
            today=Count("requests", filter=booked_today),
        )
        .filter(Q(active=True) | Q(new__gt=0) | Q(today__gt=0))
        .order_by("name")
    )
    rows = []
    for location in locations:
        here = {"location__id__exact": location.pk}
        rows.append(
            {
                "location": location.name,
                "new": (location.new, _list_url(**here, status__exact=Status.NEW)),
                "overdue": (location.overdue, _list_url(**here, overdue="yes")),
                "today": (
                    location.today,
                    _list_url(
                        **here,
                        status__exact=Status.SCHEDULED,
                        scheduled_for__gte=str(start),
                        scheduled_for__lt=str(end),
                    ),
                ),
            }
        )
    return rows
