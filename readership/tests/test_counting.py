"""Which views are counted, through the whole-page cache, and what is kept of them."""

import time

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

from readership import repeats
from readership.models import PageViews, Source
from readership.tests.conftest import BROWSER, reader


def views_of(path, **filters) -> int:
    return sum(
        PageViews.objects.filter(path=path, **filters).values_list("views", flat=True)
    )


def test_every_readers_view_of_an_article_counts_cache_hits_included(
    client, make_article, write_counts
):
    article = make_article()
    path = article.get_absolute_url()
    for n in range(3):
        response = client.get(path, **reader(n))
        assert response.status_code == 200
    assert write_counts() == 3
    row = PageViews.objects.get(path=path)
    assert (row.views, row.article, row.source) == (3, article, Source.DIRECT)


def test_a_304_from_the_page_cache_counts(client, make_article, write_counts):
    path = make_article().get_absolute_url()
    etag = client.get(path, **reader(1))["ETag"]
    again = client.get(path, HTTP_IF_NONE_MATCH=etag, **reader(2))
    assert again.status_code == 304
    write_counts()
    assert views_of(path) == 2


def test_no_cookie_is_set_and_nothing_about_the_visitor_is_kept(
    client, make_article, write_counts
):
    path = make_article().get_absolute_url()
    google = "https://www.google.com/"
    response = client.get(
        path, REMOTE_ADDR="203.0.113.7", HTTP_REFERER=google, **BROWSER
    )
    assert not response.cookies
    assert "Set-Cookie" not in response
    write_counts()
    kept = str(list(PageViews.objects.values()))
    assert "203.0.113.7" not in kept
    assert "Firefox" not in kept
    assert "google" not in kept


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1)"},
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {
            "HTTP_USER_AGENT": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"
        },
        {"HTTP_USER_AGENT": "kube-probe/1.30"},
        {"HTTP_USER_AGENT": "ELB-HealthChecker/2.0"},
        {"HTTP_USER_AGENT": "curl/8.5.0"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_FETCH_DEST": "iframe"},
    ],
    ids=[
        "crawler",
        "link preview",
        "chat preview",
        "health check",
        "load balancer",
        "script",
        "no user agent",
        "prefetch",
        "frame",
    ],
)
def test_what_is_not_a_person_reading_is_not_counted(
    client, make_article, write_counts, headers
):
    path = make_article().get_absolute_url()
    response = client.get(path, **(BROWSER | headers))
    assert response.status_code == 200
    write_counts()
    assert views_of(path) == 0


def test_head_requests_errors_feeds_and_the_admin_are_not_counted(
    client, make_article, write_counts
):
    article = make_article()
    client.head(article.get_absolute_url(), **BROWSER)
    client.get("/blog/no-such-article/", **BROWSER)
    client.get(reverse("blog:feed"), **BROWSER)
    client.get(reverse("admin:login"), **BROWSER)
    write_counts()
    assert not PageViews.objects.exists()


def test_staff_are_not_counted_even_on_a_preview(
    client, editor, sign_in, make_article, write_counts
):
    draft = make_article(status="draft")
    published = make_article()
    sign_in(editor)
    assert client.get(draft.get_absolute_url(), **BROWSER).status_code == 200
    assert client.get(published.get_absolute_url(), **BROWSER).status_code == 200
    write_counts()
    assert not PageViews.objects.exists()


def test_a_signed_in_visitor_who_is_not_staff_is_counted(
    client, make_article, write_counts
):
    client.force_login(User.objects.create_user("patient", password="x" * 20))
    path = make_article().get_absolute_url()
    client.get(path, **BROWSER)
    write_counts()
    assert views_of(path) == 1


def test_pages_other_than_articles_count_under_their_path_without_query(
    client, make_article, write_counts
):
    make_article()
    client.get(reverse("blog:article_list") + "?page=1", **BROWSER)
    client.get(reverse("blog:home"), **BROWSER)
    write_counts()
    assert views_of(reverse("blog:article_list")) == 1
    assert views_of(reverse("blog:home")) == 1
    assert not PageViews.objects.filter(path__contains="?").exists()


def test_the_request_confirmation_is_not_counted_its_address_holds_a_token(
    client, make_request, write_counts
):
    from appointments.views import thanks_url

    response = client.get(thanks_url(make_request()), **BROWSER)
    assert response.status_code == 200
    write_counts()
    assert not PageViews.objects.exists()


def test_a_reader_opening_a_page_again_soon_counts_once(
    client, make_article, write_counts, monkeypatch
):
    path = make_article().get_absolute_url()
    for _ in range(20):  # reloads, or a script fetching it in a loop
        client.get(path, **reader(1))
    client.get(make_article().get_absolute_url(), **reader(1))
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605"
    # Another person behind the same address, on another browser:
    client.get(path, **reader(1) | {"HTTP_USER_AGENT": iphone})
    half_an_hour_on = time.monotonic() + settings.READERSHIP_REPEAT_SECONDS + 1
    monkeypatch.setattr(repeats.time, "monotonic", lambda: half_an_hour_on)
    client.get(path, **reader(1))
    write_counts()
    assert views_of(path) == 3


def test_readers_remembered_are_bounded_oldest_forgotten_first(rf):
    recent = repeats.RecentViews(seconds=60, capacity=3)
    readers = [rf.get(f"/blog/{n}/", REMOTE_ADDR="198.51.100.1") for n in range(4)]
    assert all(recent.first_in_a_while(request) for request in readers)
    assert len(recent.expiry) == 3
    assert recent.first_in_a_while(readers[0])  # forgotten to make room
    assert not recent.first_in_a_while(readers[3])
