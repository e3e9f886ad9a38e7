"""Counts reach the database in batches: once each, from every server, then folded
into months when their retention ends."""

import socket
import time
import uuid
from collections import Counter
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from readership import counter, tally
from readership.models import Batches, PageViews, Source
from readership.tests.conftest import BROWSER, later, reader


def test_writing_twice_does_not_count_twice(client, make_article, write_counts):
    path = make_article().get_absolute_url()
    client.get(path, **reader(1))
    client.get(path, **reader(2))
    assert write_counts() == 2
    assert write_counts() == 0
    call_command("flush_readership")
    assert PageViews.objects.get(path=path).views == 2


def test_a_later_batch_adds_to_the_same_days_row(client, make_article, write_counts):
    path = make_article().get_absolute_url()
    client.get(path, **reader(1))
    write_counts()
    Batches.objects.update(written_through=0)  # as if this window were still open
    client.get(path, **reader(2))
    write_counts()
    assert PageViews.objects.get(path=path).views == 2


def test_nothing_is_written_before_its_window_closes(client, make_article):
    client.get(make_article().get_absolute_url(), **BROWSER)
    assert tally.flush() == 0
    assert not PageViews.objects.exists()


def test_sources_come_from_the_referrers_host_and_articles_lead_to_the_form(
    client, make_article, write_counts
):
    article = make_article()
    path = article.get_absolute_url()
    referrers = {
        "https://www.google.com/": Source.SEARCH,
        "https://duckduckgo.com/": Source.SEARCH,
        "https://l.facebook.com/l.php?u=x": Source.SOCIAL,
        "https://mail.google.com/mail/u/0/": Source.EMAIL,
        "https://www.arthritis.example/links?patient=ann": Source.OTHER_SITE,
        "http://testserver/blog/": Source.INTERNAL,
    }
    for n, referrer in enumerate(referrers):
        client.get(path, HTTP_REFERER=referrer, **reader(n))
    client.get(path + "?utm_medium=email", **reader(len(referrers)))
    form = reverse("appointments:request")
    client.get(
        f"{form}?article={article.slug}",
        HTTP_REFERER=f"http://testserver{path}",
        **reader(0),
    )
    write_counts()
    by_source = dict(PageViews.objects.filter(path=path).values_list("source", "views"))
    assert by_source == {
        Source.SEARCH: 2,
        Source.SOCIAL: 1,
        Source.EMAIL: 2,
        Source.OTHER_SITE: 1,
        Source.INTERNAL: 1,
    }
    led = PageViews.objects.get(path=form)
    assert (led.from_article, led.came_from, led.views) == (article, path, 1)
    assert "arthritis" not in str(list(PageViews.objects.values()))


def test_a_made_up_referring_page_on_this_site_is_not_kept(
    client, make_article, write_counts
):
    path = make_article().get_absolute_url()
    client.get(path, HTTP_REFERER="http://testserver/secret-made-up/", **BROWSER)
    write_counts()
    row = PageViews.objects.get(path=path)
    assert (row.source, row.came_from, row.from_article) == (Source.INTERNAL, "", None)


def test_only_the_request_form_keeps_the_article_it_came_from(
    client, make_article, write_counts
):
    path = make_article().get_absolute_url()
    other = make_article().get_absolute_url()
    client.get(path, HTTP_REFERER=f"http://testserver{other}", **BROWSER)
    write_counts()
    row = PageViews.objects.get(path=path)
    assert (row.source, row.came_from, row.from_article) == (Source.INTERNAL, "", None)


def test_made_up_referrers_to_the_form_make_no_counters_of_their_own(
    client, make_article, blog_category, write_counts
):
    draft = make_article(status="draft").get_absolute_url()
    form = reverse("appointments:request")
    referrers = [
        "/appointments/request/thanks/eyJyZWYiOiJBUi0xMjM0In0:1tQx9Z:s1gn3d/",
        "/blog/an-article-that-never-was/",
        "/blog/" + "a" * 400 + "/",
        draft,
        blog_category.get_absolute_url(),
        "/blog/",
        "/secret-made-up/",
    ]
    for n, referrer in enumerate(referrers):
        client.get(form, HTTP_REFERER=f"http://testserver{referrer}", **reader(n))
    window = tally.window_of(time.time())
    waiting, _keys = tally._gather(caches["readership"], range(window - 1, window + 1))
    assert [came_from for *_rest, came_from in waiting] == [""]
    write_counts()
    row = PageViews.objects.get(path=form)
    assert (row.source, row.came_from, row.views) == (
        Source.INTERNAL,
        "",
        len(referrers),
    )


@override_settings(READERSHIP_DAILY_DAYS=60)
def test_old_days_are_rolled_up_into_months(make_article):
    article = make_article()
    for day, views in [(date(2026, 1, 5), 3), (date(2026, 1, 20), 4)]:
        PageViews.objects.create(
            day=day, path="/blog/x/", source="search", article=article, views=views
        )
    recent = PageViews.objects.create(
        day=date(2026, 11, 1), path="/blog/x/", source="search", views=1
    )
    assert tally.roll_up(today=date(2026, 12, 1)) == 2
    month = PageViews.objects.get(span=PageViews.Span.MONTH)
    assert (month.day, month.views, month.article) == (date(2026, 1, 1), 7, article)
    assert PageViews.objects.filter(span=PageViews.Span.DAY).get() == recent
    assert tally.roll_up(today=date(2026, 12, 1)) == 0
    assert PageViews.objects.get(span=PageViews.Span.MONTH).views == 7


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.services
@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1")
def test_two_servers_sharing_redis_add_up_exactly(rf, db, make_article):
    """Two cache clients (as two servers would hold), counting the same pages."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    servers = [
        RedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": prefix}) for _ in range(2)
    ]
    path = make_article().get_absolute_url()
    today = date.today()
    try:
        article_view = Counter({tally.entry(today, path, Source.DIRECT, ""): 1})
        list_views = Counter({tally.entry(today, "/blog/", Source.SEARCH, ""): 5})
        for n in range(50):
            for server in servers:
                tally.add(article_view, cache=server)
            if n % 5 == 0:  # as one server's second of views
                tally.add(list_views, cache=servers[n % 2])
        assert tally.flush(cache=servers[1], now=later()) == 150
        assert tally.flush(cache=servers[0], now=later()) == 0  # the same batch
        counts = dict(PageViews.objects.values_list("path", "views"))
        assert counts == {path: 100, "/blog/": 50}
    finally:
        servers[0].clear()


def test_without_redis_the_web_process_writes_its_counts_once_a_window(
    client, make_article, settings, monkeypatch
):
    settings.READERSHIP_FLUSH_INLINE = True
    path = make_article().get_absolute_url()
    client.get(path, **reader(1))
    client.get(path, **reader(2))
    assert not PageViews.objects.exists()  # their window is still open
    clock = SimpleNamespace(time=later, monotonic=time.monotonic)
    monkeypatch.setattr(tally, "time", clock)
    monkeypatch.setattr(counter, "time", clock)
    client.get(path, **reader(3))  # the first view of a later window writes the others
    assert PageViews.objects.get(path=path).views == 2


def test_each_process_adds_up_its_views_and_pushes_them_beside_the_requests(
    client, make_article, settings, write_counts
):
    settings.READERSHIP_PUSH_SECONDS = 0.05
    path = make_article().get_absolute_url()
    for n in range(3):
        client.get(path, **reader(n))
    time.sleep(2)  # no request comes: the views reach the cache all the same
    write_counts()
    assert PageViews.objects.get(path=path).views == 3
