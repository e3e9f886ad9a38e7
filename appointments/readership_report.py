"""The readership report: what patients read, where they came from, and which
articles bring appointment requests, over a chosen period.

Views come from readership's counts; requests only as a number per article (or
category, or tag), never anything a request says, and to those who may not read the
requests themselves, a count of 1 to 4 only as "fewer than 5" (with no conversion):
a short period and a sensitive article could otherwise point at one patient. For
editors and administrators: the front desk has no use for it.
"""

import csv
from datetime import datetime, time, timedelta

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from appointments.models import AppointmentRequest
from appointments.text import spreadsheet_cell
from blog.models import Article, Category
from readership.models import PageViews, Source

LONGEST_PERIOD = 366  # days: a year fits one chart
DEFAULT_PERIOD = 30
UNREAD_DAYS = 90
SHOWN = 50  # rows per table on the page; the CSV has them all
CHART_HEIGHT = 120
BAR_WIDTH = 8
CSV_COLUMNS = ["article", "address", "views", "went on to the form", "requests"]
FEWEST_SHOWN = 5  # smaller request counts (but 0) are hidden from editors
FEWER = f"fewer than {FEWEST_SHOWN}"


def may_see_readership(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("blog.change_article")


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label="To", widget=forms.DateInput(attrs={"type": "date"}))
    article = forms.ModelChoiceField(
        Article.objects.all(), required=False, widget=forms.HiddenInput
    )

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end:
            if end < start:
                msg = "The end of the period comes before its start."
                self.add_error("end", ValidationError(msg, code="end_before_start"))
            elif (end - start).days >= LONGEST_PERIOD:
                msg = f"Choose a period of at most {LONGEST_PERIOD} days."
                self.add_error("start", ValidationError(msg, code="too_long"))
        return cleaned_data


class Period:
    """The days from `start` to `end`, both included, in the clinic's time zone."""

    def __init__(self, start, end):
        self.start, self.end = start, end
        self.since = timezone.make_aware(datetime.combine(start, time.min))
        self.until = timezone.make_aware(datetime.combine(end + timedelta(1), time.min))

    def days(self):
        return [
            self.start + timedelta(n) for n in range((self.end - self.start).days + 1)
        ]

    def views(self):
        return PageViews.objects.filter(day__range=(self.start, self.end))

    def requests(self):
        return AppointmentRequest.objects.filter(
            created_at__gte=self.since, created_at__lt=self.until
        ).exclude(status=AppointmentRequest.Status.SPAM)


def _total(rows, group: str, measure):
    """A subquery: `measure` over the `rows` whose `group` is the outer row."""
    grouped = rows.filter(**{group: OuterRef("pk")}).order_by().values(group)
    total = grouped.annotate(total=measure).values("total")
    return Coalesce(Subquery(total), 0, output_field=IntegerField())


def article_rows(period: Period):
    """Articles read or bringing requests in the period, most read first."""
    form = reverse("appointments:request")
    return (
        Article.objects.annotate(
            views=_total(period.views(), "article", Sum("views")),
            to_form=_total(
                period.views().filter(path=form), "from_article", Sum("views")
            ),
            requests=_total(period.requests(), "source_article", Count("pk")),
        )
        .filter(Q(views__gt=0) | Q(requests__gt=0))
        .only("title", "slug")
        .order_by("-views", "-requests", "title")
    )


def _grouped_rows(model, views_path: str, requests_path: str, period: Period):
    return (
        model.objects.annotate(
            views=_total(period.views(), views_path, Sum("views")),
            requests=_total(period.requests(), requests_path, Count("pk")),
        )
        .filter(Q(views__gt=0) | Q(requests__gt=0))
        .order_by("-views", "-requests", "name")[:SHOWN]
    )


def conversion(row) -> str:
    """Requests per hundred views, as a percentage ("" without views)."""
    return f"{100 * row.requests / row.views:.1f} %" if row.views else ""


def requests_and_conversion(row, exact: bool) -> tuple:
    """A row's requests and conversion as this reader may see them: exact for those
    who may read the requests, else 1 to 4 requests as FEWER, with no conversion
    (it would give the number back)."""
    if exact or not 0 < row.requests < FEWEST_SHOWN:
        return row.requests, conversion(row)
    return FEWER, ""


def unread_articles():
    """Published articles, public for at least UNREAD_DAYS, that nobody read in them."""
    since = timezone.localdate() - timedelta(days=UNREAD_DAYS)
    read = PageViews.objects.filter(day__gte=since, article__isnull=False)
    return (
        Article.objects.published()
        .filter(published_at__lt=timezone.now() - timedelta(days=UNREAD_DAYS))
        .exclude(pk__in=read.values("article"))
        .only("title", "slug", "published_at")
        .order_by("published_at")
    )


def chart(period: Period, article=None) -> dict:
    """Views per day as bars of an SVG drawn on the server, and as numbers."""
    rows = period.views().filter(span=PageViews.Span.DAY)
    if article:
        rows = rows.filter(article=article)
    per_day = dict(rows.values_list("day").annotate(total=Sum("views")).order_by())
    days = period.days()
    highest = max(per_day.values(), default=0)
    bars = []
    for n, day in enumerate(days):
        views = per_day.get(day, 0)
        height = round(CHART_HEIGHT * views / highest, 1) if highest else 0
        bars.append(
            {
                "day": day,
                "views": views,
                "x": n * BAR_WIDTH,
                "y": CHART_HEIGHT - height,
                "height": height,
            }
        )
    return {
        "bars": bars,
        "width": len(days) * BAR_WIDTH,
        "height": CHART_HEIGHT,
        "bar_width": BAR_WIDTH - 1,
        "total": sum(per_day.values()),
        "highest": highest,
    }


def sources(period: Period, article=None) -> list[dict]:
    rows = period.views()
    if article:
        rows = rows.filter(article=article)
    totals = dict(rows.values_list("source").annotate(total=Sum("views")).order_by())
    return [
        {"label": source.label, "views": totals.get(source.value, 0)}
        for source in Source
    ]


def readership_report(request):
    """Admin page (wrapped by the admin site): readers and requests per article."""
    if not may_see_readership(request.user):
        raise PermissionDenied
    # Cached with the permission check above: no query.
    exact = request.user.has_perm("appointments.view_appointmentrequest")
    today = timezone.localdate()
    defaults = {"start": today - timedelta(days=DEFAULT_PERIOD - 1), "end": today}
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=defaults)
    context = admin.site.each_context(request) | {
        "title": "What patients read",
        "form": form,
        "exact": exact,
        "fewest_shown": FEWEST_SHOWN,
    }
    if form.is_bound and not form.is_valid():
        return render(request, "admin/appointments/readership_report.html", context)
    chosen = form.cleaned_data if form.is_bound else defaults | {"article": None}
    period = Period(chosen["start"], chosen["end"])
    articles = article_rows(period)
    if request.GET.get("format") == "csv":
        return _csv(articles, period, exact)
    article = chosen["article"]
    context |= {
        "period": period,
        "article": article,
        "articles": _with_conversion(articles[:SHOWN], exact),
        "no_requests": articles.filter(views__gt=0, requests=0)[:10],
        "categories": _with_conversion(
            _grouped_rows(
                Category, "article__categories", "source_article__categories", period
            ),
            exact,
        ),
        "tags": _with_conversion(
            _grouped_rows(Tag, "article__tags", "source_article__tags", period),
            exact,
        ),
        "unread": unread_articles()[:SHOWN],
        "unread_days": UNREAD_DAYS,
        "chart": chart(period, article),
        "sources": sources(period, article),
    }
    return render(request, "admin/appointments/readership_report.html", context)


def _with_conversion(rows, exact: bool) -> list:
    rows = list(rows)
    for row in rows:
        row.shown_requests, row.conversion = requests_and_conversion(row, exact)
    return rows


def _csv(articles, period: Period, exact: bool) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"readership-{period.start}-to-{period.end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow([*CSV_COLUMNS, "conversion"])
    for row in articles.iterator():
        writer.writerow(
            [
                spreadsheet_cell(row.title),
                row.get_absolute_url(),
                row.views,
                row.to_form,
                *requests_and_conversion(row, exact),
            ]
        )
    return response
