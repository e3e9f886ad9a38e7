"""Requests no view can read get a plain 400, before anything reads them."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from appointments.models import AppointmentRequest
from blog.models import Article

NUL_MESSAGE = "contains a character that is not allowed (a null byte)"
CHARSET_MESSAGE = "sent in a character encoding we cannot read"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def csrf_client():
    """A browser as production sees it: the CSRF check on."""
    return Client(enforce_csrf_checks=True)


def post_raw(browser, url, body: bytes, content_type: str):
    """Post these bytes as a form, with the CSRF token the page handed out."""
    browser.get(url)
    token = browser.cookies["csrftoken"].value
    return browser.generic(
        "POST",
        url,
        f"csrfmiddlewaretoken={token}&".encode() + body,
        content_type=content_type,
    )


def assert_plain_400(response, message):
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/blog/a%00b/",
        "/blog/a\x00b/",
        "/appointments/request/?article=%00",
        "/blog/search/?q=knee%00",
        "/?p=%00",
        "/sitemap.xml?p=1%00",
    ],
)
def test_a_nul_byte_in_the_address_or_query_is_a_plain_400(client, db, url):
    assert_plain_400(client.get(url), NUL_MESSAGE)


def test_a_nul_byte_in_a_staff_search_is_a_plain_400(client, editor, sign_in):
    sign_in(editor)
    response = client.get(reverse("admin:blog_article_changelist") + "?q=%00")
    assert_plain_400(response, NUL_MESSAGE)


@pytest.mark.parametrize("charset", ["utf-16", "latin-1", "UTF8", "no-such-charset"])
@pytest.mark.parametrize(
    "url", [reverse("appointments:request"), reverse("two_factor:login")]
)
def test_a_form_in_another_charset_is_a_plain_400(csrf_client, db, url, charset):
    body = "full_name=Zoë".encode(charset if charset != "no-such-charset" else "utf-8")
    response = post_raw(csrf_client, url, body, f"{FORM}; charset={charset}")
    assert_plain_400(response, CHARSET_MESSAGE)
    assert not AppointmentRequest.objects.exists()


def test_a_staff_form_in_another_charset_is_a_plain_400(csrf_client, editor, sign_in):
    sign_in(editor, on=csrf_client)
    url = reverse("admin:blog_article_add")
    body = "title=Café".encode("utf-16")
    response = post_raw(csrf_client, url, body, f"{FORM}; charset=utf-16")
    assert_plain_400(response, CHARSET_MESSAGE)
    assert not Article.objects.exists()


def test_a_multipart_form_in_another_charset_is_a_plain_400(csrf_client, db):
    body = (
        b"--xx\r\nContent-Disposition: form-data; name=full_name\r\n\r\n"
        + "Zoë".encode("utf-16")
        + b"\r\n--xx--\r\n"
    )
    response = csrf_client.generic(
        "POST",
        reverse("appointments:request"),
        body,
        content_type="multipart/form-data; boundary=xx; charset=utf-16",
    )
    assert_plain_400(response, CHARSET_MESSAGE)


@pytest.mark.parametrize("value", [b"caf%E9", b"caf\xe9", b"%FF%FE"])
def test_a_form_that_is_not_valid_utf8_is_a_plain_400(csrf_client, db, value):
    url = reverse("appointments:request")
    response = post_raw(csrf_client, url, b"full_name=" + value, FORM)
    assert_plain_400(response, CHARSET_MESSAGE)


@pytest.mark.parametrize("content_type", [FORM, f"{FORM}; charset=UTF-8"])
def test_a_utf8_form_passes_the_guard(csrf_client, request_data, content_type):
    url = reverse("appointments:request")
    body = urlencode(request_data(full_name="Zoë Ñúñez"), doseq=True)
    response = post_raw(csrf_client, url, body.encode(), content_type)
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().full_name == "Zoë Ñúñez"
