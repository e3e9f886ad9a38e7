"""The readership report: the right numbers for a known set of views and requests,
for editors and administrators only, as a page and as CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from readership.models import PageViews, Source
from readership.tests.conftest import later, reader

REPORT = reverse("admin:readership")


@pytest.fixture
def known_counts(make_article, make_request):
    """Knee: 40 views over two days (30 from search), 3 on to the form, 2 requests
    (and one spam, one older than the period). Hip: 10 views, no request."""
    today = timezone.localdate()
    knee = make_article(title="Knee pain on stairs", tags=["knee"])
    hip = make_article(title="Hip replacement recovery", tags=["hip"])
    path = knee.get_absolute_url()
    for day, source, views in [
        (today, Source.SEARCH, 30),
        (today - timedelta(days=1), Source.DIRECT, 10),
        (today - timedelta(days=60), Source.DIRECT, 500),  # outside the period
    ]:
        PageViews.objects.create(
            day=day, path=path, source=source, article=knee, views=views
        )
    PageViews.objects.create(
        day=today, path=hip.get_absolute_url(), source="social", article=hip, views=10
    )
    PageViews.objects.create(
        day=today,
        path=reverse("appointments:request"),
        source=Source.INTERNAL,
        came_from=path,
        from_article=knee,
        views=3,
    )
    make_request(source_article=knee)
    make_request(source_article=knee)
    make_request(source_article=knee, status="spam")
    make_request(source_article=knee, age=timedelta(days=45))
    return knee, hip


def test_the_report_shows_views_requests_and_conversion_per_article(
    client, administrator, sign_in, known_counts
):
    knee, hip = known_counts
    sign_in(administrator)
    response = client.get(REPORT)
    rows = {row.title: row for row in response.context["articles"]}
    knee_row, hip_row = rows[knee.title], rows[hip.title]
    assert (knee_row.views, knee_row.to_form, knee_row.shown_requests) == (40, 3, 2)
    assert knee_row.conversion == "5.0 %"
    assert (hip_row.views, hip_row.requests, hip_row.conversion) == (10, 0, "0.0 %")
    assert [row.title for row in response.context["no_requests"]] == [hip.title]
    chart = response.context["chart"]
    assert (chart["total"], chart["highest"], len(chart["bars"])) == (53, 43, 30)
    sources = {row["label"]: row["views"] for row in response.context["sources"]}
    assert sources["Search engine"] == 30
    assert sources["This site"] == 3
    tags = {t.name: (t.views, t.shown_requests) for t in response.context["tags"]}
    assert tags == {"knee": (40, 2), "hip": (10, 0)}
    (blog,) = response.context["categories"]
    assert (blog.views, blog.shown_requests, blog.conversion) == (50, 2, "4.0 %")
    page = response.content.decode()
    assert "Patient" not in page  # counts only, never a request's details
    assert '<svg role="img" aria-labelledby="chart-title chart-desc"' in page


def test_one_articles_chart_and_sources(client, editor, sign_in, known_counts):
    knee, _hip = known_counts
    sign_in(editor)
    today = timezone.localdate()
    response = client.get(
        REPORT,
        {"start": today - timedelta(days=1), "end": today, "article": knee.pk},
    )
    assert [bar["views"] for bar in response.context["chart"]["bars"]] == [10, 30]
    sources = {row["label"]: row["views"] for row in response.context["sources"]}
    assert (sources["Search engine"], sources["Direct or unknown"]) == (30, 10)


def test_a_longer_period_takes_in_older_views_and_requests(
    client, editor, sign_in, known_counts
):
    knee, _hip = known_counts
    sign_in(editor)
    today = timezone.localdate()
    response = client.get(REPORT, {"start": today - timedelta(days=90), "end": today})
    row = next(row for row in response.context["articles"] if row.pk == knee.pk)
    assert (row.views, row.requests) == (540, 3)


def test_the_csv_holds_the_same_table(client, administrator, sign_in, known_counts):
    sign_in(administrator)
    response = client.get(REPORT, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [
        (r["article"], r["views"], r["requests"], r["conversion"]) for r in rows
    ] == [
        ("Knee pain on stairs", "40", "2", "5.0 %"),
        ("Hip replacement recovery", "10", "0", "0.0 %"),
    ]


def test_editors_see_one_to_four_requests_only_as_fewer_than_five(
    client, editor, sign_in, known_counts, make_article, make_request
):
    """A one-day period and one article must not point at one patient's request;
    0 and 5 or more are shown as they are."""
    knee, _hip = known_counts
    busy = make_article(title="Flu season", tags=["flu"])
    for _ in range(5):
        make_request(source_article=busy)
    sign_in(editor)
    today = timezone.localdate()
    one_day = {"start": today, "end": today, "article": knee.pk}
    response = client.get(REPORT, one_day)
    shown = {
        row.title: (row.shown_requests, row.conversion)
        for row in response.context["articles"]
    }
    assert shown == {
        "Knee pain on stairs": ("fewer than 5", ""),
        "Hip replacement recovery": (0, "0.0 %"),
        "Flu season": (5, ""),
    }
    tags = {t.name: t.shown_requests for t in response.context["tags"]}
    assert tags == {"knee": "fewer than 5", "hip": 0, "flu": 5}
    (blog,) = response.context["categories"]
    assert (blog.shown_requests, blog.conversion) == (7, "17.5 %")
    page = response.content.decode()
    assert "<td>fewer than 5</td>" in page
    assert "6.7 %" not in page  # the knee's 2 requests per 30 views that day
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(REPORT, one_day | {"format": "csv"}).content.decode()
            )
        )
    )
    assert [(r["article"], r["requests"], r["conversion"]) for r in rows] == [
        ("Knee pain on stairs", "fewer than 5", ""),
        ("Hip replacement recovery", "0", "0.0 %"),
        ("Flu season", "5", ""),
    ]


def test_a_wrong_period_is_explained_beside_the_field_and_kept(client, editor, sign_in):
    sign_in(editor)
    response = client.get(REPORT, {"start": "2026-05-10", "end": "2026-05-01"})
    form = response.context["form"]
    assert form.has_error("end", code="end_before_start")
    assert 'value="2026-05-10"' in response.content.decode()
    response = client.get(REPORT, {"start": "2020-01-01", "end": "2026-01-01"})
    assert response.context["form"].has_error("start", code="too_long")
    response = client.get(REPORT, {"start": "yesterday", "end": "2026-01-01"})
    assert response.context["form"].has_error("start", code="invalid")


def test_articles_nobody_read_in_90_days_are_listed(
    client, editor, sign_in, make_article
):
    long_ago = timezone.now() - timedelta(days=200)
    unread = make_article(title="Forgotten", published_at=long_ago)
    read = make_article(title="Still read", published_at=long_ago)
    make_article(title="Too new to judge")
    PageViews.objects.create(
        day=timezone.localdate() - timedelta(days=80),
        path=read.get_absolute_url(),
        source="direct",
        article=read,
        views=1,
    )
    sign_in(editor)
    response = client.get(REPORT)
    assert list(response.context["unread"]) == [unread]


def test_the_report_is_for_editors_and_administrators_not_the_front_desk(
    client, editor, front_desk, administrator, sign_in
):
    sign_in(front_desk)
    assert client.get(REPORT).status_code == 403
    assert (
        "What patients read" not in client.get(reverse("admin:index")).content.decode()
    )
    sign_in(administrator)
    assert client.get(REPORT).status_code == 200
    sign_in(editor)
    assert "What patients read" in client.get(reverse("admin:index")).content.decode()


def test_the_report_makes_the_same_queries_however_many_articles(
    client, editor, sign_in, known_counts, make_article, django_assert_num_queries
):
    sign_in(editor)
    for n in range(5):
        article = make_article(tags=[f"tag-{n}"])
        PageViews.objects.create(
            day=timezone.localdate(),
            path=article.get_absolute_url(),
            source="direct",
            article=article,
            views=n + 1,
        )
    client.get(REPORT)  # the site chrome, kept while content stays the same
    # session, user, the user's and their groups' permissions, then articles, read
    # with no requests, categories, tags, unread, chart, sources
    with django_assert_num_queries(11):
        response = client.get(REPORT)
    assert len(response.context["articles"]) == 7


def test_views_counted_on_the_site_reach_the_report(
    client, administrator, sign_in, make_article, make_request
):
    from readership import tally

    article = make_article(title="Frozen shoulder")
    for n in range(4):  # four readers
        client.get(article.get_absolute_url(), **reader(n))
    make_request(source_article=article)
    tally.flush(now=later())
    sign_in(administrator)
    (row,) = client.get(REPORT).context["articles"]
    assert (row.title, row.views, row.requests, row.conversion) == (
        "Frozen shoulder",
        4,
        1,
        "25.0 %",
    )
