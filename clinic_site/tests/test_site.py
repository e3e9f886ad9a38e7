"""Site-wide addresses: health check, robots.txt, sitemap, error pages."""

from unittest import mock

from django.db import OperationalError, connection
from django.test import Client

from clinic.models import SiteSettings


def database_down():
    return mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    )


def test_healthz_answers_ok_while_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "notifications": "ok",
    }
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_pages_answer_503_with_the_clinic_phone_when_the_database_is_down(db, settings):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/blog/")
    assert response.status_code == 503
    assert settings.CLINIC_PHONE in response.content.decode()
    assert response["Retry-After"] == "60"


def test_other_failures_answer_a_plain_500_page(db, settings):
    client = Client(raise_request_exception=False)
    with mock.patch("blog.views.paginate", side_effect=RuntimeError("secret detail")):
        response = client.get("/blog/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "something went wrong" in page
    assert "secret detail" not in page and "Traceback" not in page


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_private_areas(
    client, db, settings
):
    text = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /appointments/request/thanks/" in text
    assert "Disallow: /appointments/\n" not in text  # the request form is findable
    assert "Disallow: /search/" in text


def test_unknown_address_gets_the_friendly_404_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_the_clinic_phone_is_a_link_that_phones_dial(client, db):
    SiteSettings.objects.update(phone="(617) 555-0142")
    page = client.get("/blog/").content.decode()
    assert 'href="tel:+16175550142"' in page
