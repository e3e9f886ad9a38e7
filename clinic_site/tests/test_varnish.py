"""The site behind Varnish with our configuration (deploy/varnish/default.vcl)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.models import Article
from clinic_site.tests import varnish
from readership import tally
from readership.models import PageViews, Source
from readership.tests.conftest import BROWSER, later

pytestmark = pytest.mark.varnish


@pytest.fixture
def proxy(live_server, settings):
    """Varnish in front of the live server, purged by the site's changes."""
    if reason := varnish.missing():
        pytest.skip(reason)
    port = int(live_server.url.rsplit(":", 1)[1])
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]
    with varnish.varnish_in_front_of(port) as running:
        settings.CACHE_PURGE_URL = running.address + "/"
        yield running


def get(proxy, path, **headers):
    """Status, headers and text of a request through Varnish."""
    request = varnish.urllib.request.Request(proxy.address + path, headers=headers)
    try:
        with varnish.DIRECT.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except varnish.urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_change_published_in_the_admin_shows_through_varnish_at_once(
    committed_db, proxy, make_article, editor, sign_in
):
    article = make_article(title="Knee pain at night", status=Article.Status.DRAFT)
    get(proxy, "/blog/")
    status, headers, text = get(proxy, "/blog/")
    assert headers["X-Cache"] == "hit" and "Knee pain at night" not in text
    assert "xkey" not in headers  # the keys stay inside the proxy

    published = sign_in(editor).post(
        reverse("admin:blog_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
    )
    assert published.status_code == 302

    status, headers, text = get(proxy, "/blog/")
    assert headers["X-Cache"] == "miss" and "Knee pain at night" in text


def test_varnish_keeps_public_pages_and_nothing_private(
    committed_db, proxy, make_article, location
):
    article = make_article()
    for path in [article.get_absolute_url(), "/appointments/request/"]:
        get(proxy, path, Cookie="csrftoken=abc; _ga=1")
    assert get(proxy, article.get_absolute_url())[1]["X-Cache"] == "hit"
    assert get(proxy, "/appointments/request/")[1]["X-Cache"] == "miss"
    assert get(proxy, "/admin/login/")[1]["X-Cache"] == "miss"
    signed_in = get(proxy, article.get_absolute_url(), Cookie="sessionid=x")
    assert signed_in[1]["X-Cache"] == "miss"


def test_a_view_from_varnishs_copy_counts_from_its_log(
    committed_db, proxy, make_article, settings
):
    settings.BEHIND_PROXY = True
    path = make_article().get_absolute_url()
    browser = {
        "User-Agent": BROWSER["HTTP_USER_AGENT"],
        "Accept": BROWSER["HTTP_ACCEPT"],
        "Sec-Fetch-Dest": "document",
    }
    first = get(proxy, path, **browser, **{"X-Forwarded-For": "198.51.100.1"})
    # Quotes and a backslash in a header: the log escapes them.
    searched = {"Referer": 'https://www.google.com/?q="knee\\pain"'}
    second = get(
        proxy, path, **browser, **searched, **{"X-Forwarded-For": "198.51.100.2"}
    )
    assert (first[1]["X-Cache"], second[1]["X-Cache"]) == ("miss", "hit")
    reload = get(proxy, path, **browser, **{"X-Forwarded-For": "198.51.100.1"})
    assert reload[1]["X-Cache"] == "hit"  # the first reader again: not counted

    log = io.StringIO(varnish.logged_views(proxy))
    call_command("count_proxy_views", stdin=log, stdout=io.StringIO())
    tally.flush(now=later())
    assert dict(PageViews.objects.values_list("source", "views")) == {
        Source.DIRECT: 1,
        Source.SEARCH: 1,
    }


def test_varnish_keys_a_page_by_the_parameters_the_site_reads_and_passes_them_all(
    committed_db, proxy, make_article, settings
):
    path = make_article().get_absolute_url()
    browser = {"User-Agent": BROWSER["HTTP_USER_AGENT"], "Accept": "text/html"}
    first = get(proxy, f"{path}?utm_medium=email&x=1", **browser)
    assert get(proxy, f"{path}?x=2&gclid=3", **browser)[1]["X-Cache"] == "hit"
    assert get(proxy, f"{path}?page=2", **browser)[1]["X-Cache"] == "miss"
    for _ in range(2):  # an escaped name is passed, never kept
        assert get(proxy, f"{path}?%70age=2", **browser)[1]["X-Cache"] == "miss"
    assert first[1]["X-Cache"] == "miss"
    tally.flush(now=later())  # the site saw the link's campaign tag
    assert PageViews.objects.get(path=path).source == Source.EMAIL
