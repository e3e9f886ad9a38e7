"""Which articles and categories bring patients: counts only, no request details."""

from datetime import timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from appointments.models import AppointmentRequest
from blog.models import Article, Category

PERIODS = (30, 90)


def may_see_report(user) -> bool:
    return (
        user.is_active
        and user.is_staff
        and (
            user.has_perm("appointments.view_appointmentrequest")
            or user.has_perm("blog.change_article")
        )
    )


def _counts(model, path):
    """Per row of `model`: requests in each period, through the relation `path`."""
    now = timezone.now()
    genuine = ~Q(**{f"{path}__status": AppointmentRequest.Status.SPAM})
    annotations = {
        f"last_{days}": Count(
            path,
            filter=genuine
            & Q(**{f"{path}__created_at__gte": now - timedelta(days=days)}),
            distinct=True,
        )
        for days in PERIODS
    }
    rows = model.objects.annotate(**annotations).filter(last_90__gt=0)
    return rows.order_by("-last_90", "-last_30")


def source_report(request):
    """Admin page (wrapped by the admin site): requests per article and category."""
    if not may_see_report(request.user):
        raise PermissionDenied
    context = admin.site.each_context(request) | {
        "title": "Where appointment requests come from",
        "articles": _counts(Article, "appointment_requests")[:50],
        "categories": _counts(Category, "articles__appointment_requests"),
        "periods": PERIODS,
    }
    return render(request, "admin/appointments/source_report.html", context)
