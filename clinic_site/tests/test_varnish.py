"""The site behind Varnish with our configuration (deploy/varnish/default.vcl)."""

import pytest
from django.urls import reverse

from blog.models import Article
from clinic_site.tests import varnish

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
        yield running.address


def get(address, path, **headers):
    """Status, headers and text of a request through Varnish."""
    request = varnish.urllib.request.Request(address + path, headers=headers)
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
