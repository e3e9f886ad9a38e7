"""A change purges exactly the pages that show it, from our page cache and from the
reverse proxy, after the commit; a failed purge is retried and never loses the edit."""

import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Article, Category
from clinic.models import Person, Picture, SiteSettings
from clinic_site.models import PendingPurge
from conftest import jpeg_upload


class FakeProxy(ThreadingHTTPServer):
    """A proxy on 127.0.0.1 that notes the keys of each PURGE it gets, and answers
    `status`."""

    def __init__(self):
        self.purged: list[set[str]] = []
        self.status = 200
        super().__init__(("127.0.0.1", 0), _PurgeHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def keys(self) -> set[str]:
        return set().union(*self.purged)


class _PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        if self.server.status == 200:
            self.server.purged.append(set(self.headers["xkey-purge"].split()))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = FakeProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CACHE_PURGE_URL = server.url
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def anonymous(db):
    return Client()


def keys_of(response) -> set[str]:
    return set(response["xkey"].split())


def served_from_cache(client, url) -> bool:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries) == 0


def test_an_article_page_names_what_it_shows(anonymous, make_article):
    article = make_article(tags=["knee"])
    response = anonymous.get(article.get_absolute_url())
    category = article.categories.get()
    tag = article.tags.get()
    assert {
        "site",
        f"blog.article:{article.pk}",
        f"blog.category:{category.pk}",
        f"taggit.tag:{tag.pk}",
        f"clinic.person:{article.author_id}",
        f"related-in-category:{category.slug}",  # where its related posts come from
        "related-tagged:knee",
    } <= keys_of(response)


def test_an_article_page_names_its_author_and_reviewer_when_shown_from_fragments(
    anonymous, make_article, author
):
    reviewer = Person.objects.create(name="Ravi Mehta", slug="ravi-mehta")
    article = make_article(medical_reviewer=reviewer, reviewed_on=date(2026, 1, 5))
    anonymous.get(article.get_absolute_url(), headers={"accept-encoding": "gzip"})
    # The other copy of the page (not compressed) is rendered from kept fragments.
    response = anonymous.get(article.get_absolute_url())
    assert "Ravi Mehta" in response.text
    assert {f"clinic.person:{author.pk}", f"clinic.person:{reviewer.pk}"} <= keys_of(
        response
    )


@pytest.fixture
def two_unrelated_articles(make_article):
    news = Category.objects.get(slug="news")
    changed = make_article(title="Old title", tags=["knee"])
    # Related to each other, so that none needs the newest articles to fill its
    # block, nor even loads the changed one among its candidates.
    others = [make_article(tags=["shoulder"], categories=[news]) for _ in range(13)]
    return changed, others[0]


def test_a_change_to_an_article_purges_its_page_its_lists_and_nothing_else(
    committed_db, anonymous, two_unrelated_articles, proxy
):
    changed, other = two_unrelated_articles
    purged = [
        changed.get_absolute_url(),
        "/",
        "/blog/",
        "/blog/category/blog/",
        "/blog/tag/knee/",
        "/blog/tag/",
    ]
    kept = [
        other.get_absolute_url(),
        "/blog/category/news/",
        "/blog/tag/shoulder/",
        "/physicians/",
        "/locations/",
    ]
    keys = {url: keys_of(anonymous.get(url)) for url in purged + kept}
    changed.title = "New title"
    changed.save()
    assert [url for url in keys if keys[url] & proxy.keys()] == purged
    assert [url for url in purged + kept if served_from_cache(anonymous, url)] == kept
    assert "New title" in anonymous.get(changed.get_absolute_url()).text


def test_an_article_given_a_tag_joins_that_tag_s_page(
    committed_db, anonymous, make_article, proxy
):
    article = make_article(tags=["knee"])
    make_article(tags=["hip"])
    anonymous.get("/blog/tag/hip/")
    proxy.purged.clear()
    article.tags.add("hip")
    assert {"articles-tagged:hip", "related-tagged:hip"} <= proxy.keys()
    assert article.title in anonymous.get("/blog/tag/hip/").text


def test_a_new_article_joins_its_author_s_and_reviewer_s_pages(
    committed_db, anonymous, make_article, author, proxy
):
    reviewer = Person.objects.create(name="Ravi Mehta", slug="ravi-mehta")
    anonymous.get(reviewer.get_absolute_url())
    proxy.purged.clear()
    make_article(
        title="Fresh piece", medical_reviewer=reviewer, reviewed_on=date(2026, 1, 5)
    )
    assert {f"articles-by:{author.slug}", "articles-by:ravi-mehta"} <= proxy.keys()
    assert "Fresh piece" in anonymous.get(reviewer.get_absolute_url()).text


def test_changes_in_one_transaction_are_purged_once_after_the_commit(
    committed_db, make_article, proxy
):
    article = make_article()
    proxy.purged.clear()
    with transaction.atomic():
        article.title = "Renamed"
        article.save()
        article.tags.add("knee")
        assert proxy.purged == []
    assert len(proxy.purged) == 1
    assert {f"blog.article:{article.pk}", "articles-tagged:knee"} <= proxy.keys()


def test_site_settings_purge_every_page(proxy, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.current().save()
    assert proxy.keys() == {"site"}


def test_a_failed_purge_keeps_the_edit_and_is_sent_again_later(
    committed_db, make_article, proxy, caplog
):
    article = make_article()
    proxy.purged.clear()
    proxy.status = 503
    article.title = "Saved anyway"
    article.save()
    assert Article.objects.get(pk=article.pk).title == "Saved anyway"
    [waiting] = PendingPurge.objects.all()
    assert f"blog.article:{article.pk}" in waiting.keys.split()
    assert "Purge of" in caplog.text and "Saved anyway" not in caplog.text

    call_command("retry_purges")  # not due yet
    assert proxy.purged == []
    proxy.status = 200
    PendingPurge.objects.update(next_attempt_at=timezone.now())
    call_command("retry_purges")
    assert f"blog.article:{article.pk}" in proxy.keys()
    assert not PendingPurge.objects.exists()


def test_a_purge_that_keeps_failing_is_retried_further_apart(proxy, db):
    proxy.status = 503
    PendingPurge.objects.create(keys="site")
    call_command("retry_purges")
    first = PendingPurge.objects.get()
    PendingPurge.objects.update(next_attempt_at=timezone.now())
    call_command("retry_purges")
    second = PendingPurge.objects.get()
    assert second.attempts == 2
    assert second.next_attempt_at - timezone.now() > (
        first.next_attempt_at - first.created_at
    )


def test_a_waiting_purge_is_dropped_once_every_copy_it_meant_has_expired(
    proxy, db, settings
):
    proxy.status = 503
    old = timezone.now() - timedelta(seconds=settings.PAGE_CACHE_SECONDS + 60)
    PendingPurge.objects.create(keys="site", created_at=old, next_attempt_at=old)
    call_command("retry_purges")
    assert not PendingPurge.objects.exists()


def test_a_proxy_that_does_not_answer_never_fails_the_save(
    committed_db, settings, make_article
):
    article = make_article()
    settings.CACHE_PURGE_URL = "http://127.0.0.1:9/"  # nothing listens there
    article.title = "Kept"
    article.save()
    assert Article.objects.get(pk=article.pk).title == "Kept"
    assert PendingPurge.objects.count() == 1


@pytest.mark.parametrize("cached", [False, True], ids=["first visit", "from cache"])
def test_shared_caches_may_keep_a_kept_page_while_browsers_check_back(
    anonymous, make_article, cached
):
    url = make_article().get_absolute_url()
    if cached:
        anonymous.get(url)
    control = anonymous.get(url)["Cache-Control"]
    assert control.startswith("public, max-age=0, s-maxage=")
    assert "stale-while-revalidate=30" in control


def test_shared_caches_drop_a_page_when_an_article_is_due_to_appear(
    anonymous, make_article
):
    make_article()
    make_article(published_at=timezone.now() + timedelta(minutes=10))
    control = anonymous.get("/")["Cache-Control"]
    seconds = int(control.split("s-maxage=")[1].split(",")[0])
    assert 0 < seconds <= 600
    assert "stale-while-revalidate" not in control  # not a moment past it


def test_staff_previews_and_the_request_form_are_never_for_shared_caches(
    client, make_article, editor, sign_in, location
):
    draft = make_article(status=Article.Status.DRAFT)
    public = make_article()
    assert "private" in Client().get("/appointments/request/")["Cache-Control"]
    sign_in(editor)
    assert "no-store" in client.get(draft.get_absolute_url())["Cache-Control"]
    assert "s-maxage" not in client.get(public.get_absolute_url())["Cache-Control"]
    assert "no-store" in client.get("/admin/")["Cache-Control"]


def test_a_picture_s_new_credit_reaches_every_page_showing_it(
    anonymous, make_article, settings
):
    picture = Picture.objects.create(
        image=jpeg_upload(), description="Knee", credit="Drawing: Ana Ruiz"
    )
    figure = (
        f'<figure class="figure"><img alt="Knee" data-file="{picture.pk}"></figure>'
    )
    path = make_article(body=f"<p>Anatomy.</p>{figure}").get_absolute_url()
    # The article's text is kept while no page is (as on another server, or the
    # next day), so the page kept next is made from it and loads no picture row.
    settings.PAGE_CACHE_SECONDS = 0
    assert "Ana Ruiz" in anonymous.get(path).text
    settings.PAGE_CACHE_SECONDS = 600
    assert "Ana Ruiz" in anonymous.get(path).text
    picture.credit = "Drawing: Ben Okafor"
    picture.save()
    assert "Ben Okafor" in anonymous.get(path).text
