"""The site settings reach every page, feed, email and icon, and a change shows at the
next request; the error pages keep working without the database."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from appointments import notifications
from appointments.models import Notification
from clinic import icons
from clinic.models import SiteSettings
from clinic_site.tests.test_site import database_down
from conftest import jpeg_upload, json_ld


@pytest.fixture
def site(db):
    """The clinic as a real one would set it up, saved like the admin saves it."""
    record = SiteSettings.objects.get()
    record.name = "Harbor Orthopedics"
    record.description = "Bone and joint care on the South Shore."
    record.phone = "(508) 555-0199"
    record.emergency_notice = "Emergency? Call 911 now."
    record.footer_text = "General information only."
    record.instagram = "https://www.instagram.com/harbor-ortho"
    record.save()
    return record


def test_every_page_shows_the_clinic_from_its_settings(client, site):
    page = client.get("/blog/").content.decode()
    assert "<title>All articles · Harbor Orthopedics</title>" in page
    assert '<a href="tel:+15085550199">(508) 555-0199</a>' in page
    assert "Emergency? Call 911 now." in page
    assert "General information only." in page
    assert (
        '<a href="https://www.instagram.com/harbor-ortho" rel="me">Instagram</a>'
        in page
    )
    assert "Riverside" not in page


def test_the_home_page_describes_the_clinic(client, site):
    page = client.get("/").content.decode()
    description = "Bone and joint care on the South Shore."
    assert f'<meta name="description" content="{description}">' in page
    assert f'<meta property="og:description" content="{description}">' in page


def test_a_change_of_the_settings_shows_at_the_next_request(client, site):
    assert "Harbor Orthopedics" in client.get("/").content.decode()
    site.name = "Harbor Bone & Joint"
    site.emergency_notice = "Chest pain? Call 911."
    site.save()
    page = client.get("/").content.decode()
    assert "Harbor Bone &amp; Joint" in page
    assert "Chest pain? Call 911." in page  # the footer, kept per content version


def test_the_home_page_and_pages_without_a_picture_share_the_default_image(
    client, site, make_article
):
    site.share_image = jpeg_upload("share.jpg", size=(1200, 630))
    site.share_image_alt = "The clinic's front door on Harbor Street"
    site.save()
    article = make_article()
    for url in ["/", article.get_absolute_url()]:
        page = client.get(url).content.decode()
        image = f"http://127.0.0.1:8000{site.share_image.url}"
        assert f'<meta property="og:image" content="{image}">' in page, url
        assert "The clinic&#x27;s front door on Harbor Street" in page, url


def test_an_article_with_a_picture_shares_its_own(client, site, make_article):
    site.share_image = jpeg_upload("share.jpg")
    site.share_image_alt = "The clinic"
    site.save()
    article = make_article(featured_image=jpeg_upload(), featured_image_alt="A knee")
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('property="og:image"') == 1
    assert site.share_image.url not in page


def test_structured_data_describes_the_clinic_from_its_settings(
    client, site, make_article
):
    site.logo = jpeg_upload("logo.jpg", size=(400, 400))
    site.save()
    article = make_article()
    page = client.get(article.get_absolute_url()).content.decode()
    publisher = json_ld(page)[0]["mainEntity"]["publisher"]
    assert publisher["name"] == "Harbor Orthopedics"
    assert publisher["telephone"] == "(508) 555-0199"
    assert publisher["logo"] == f"http://127.0.0.1:8000{site.logo.url}"
    assert publisher["sameAs"] == ["https://www.instagram.com/harbor-ortho"]


def test_feeds_are_titled_with_the_clinic_name(client, site):
    assert "<title>Harbor Orthopedics</title>" in client.get("/blog/feed/").text
    category_feed = client.get("/blog/category/news/feed/").text
    assert "<title>Harbor Orthopedics: News</title>" in category_feed


def test_the_visitor_email_names_the_clinic_and_its_phone(
    site, make_request, mailoutbox
):
    notification = Notification.objects.create(request=make_request(), kind="visitor")
    assert notifications.deliver(notification.pk)
    assert "Harbor Orthopedics" in mailoutbox[0].body
    assert "(508) 555-0199" in mailoutbox[0].body


def test_the_staff_area_names_the_clinic(editor_client, site):
    page = editor_client.get("/admin/").content.decode()
    assert "Harbor Orthopedics: staff" in page


def test_the_503_page_gives_the_phone_last_seen_when_the_database_is_down(site):
    client = Client(raise_request_exception=False)
    client.get("/")  # the settings are now kept in the cache
    with database_down():
        response = client.get("/blog/")
    assert response.status_code == 503
    assert "(508) 555-0199" in response.content.decode()


# Browser icons


def test_every_page_links_its_icons(client, db):
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">' in page
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in page


@pytest.mark.parametrize(
    ("url", "icon", "content_type"),
    [
        ("/favicon.ico", icons.FAVICON, "image/x-icon"),
        ("/apple-touch-icon.png", icons.TOUCH_ICON, "image/png"),
    ],
)
def test_without_a_logo_our_own_icons_answer(client, db, url, icon, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "public" in response["Cache-Control"]
    assert response.content == icons.default_icons()[icon]


def test_the_icons_come_from_the_logo_once_there_is_one(client, site):
    client.get("/favicon.ico")  # kept by the page cache, until the change
    site.logo = jpeg_upload("logo.jpg", size=(300, 300), color=(200, 30, 30))
    site.save()
    favicon = client.get("/favicon.ico").content
    assert favicon != icons.default_icons()[icons.FAVICON]
    with default_storage.open(icons.icon_name(site.logo.name, icons.FAVICON)) as f:
        assert favicon == f.read()
    touch = Image.open(io.BytesIO(client.get("/apple-touch-icon.png").content))
    assert touch.size == (180, 180)
    assert touch.getpixel((90, 90))[0] > 180  # red, like the logo


def test_icons_are_served_from_the_page_cache(client, db, django_assert_num_queries):
    client.get("/favicon.ico")
    with django_assert_num_queries(0):
        assert client.get("/favicon.ico").status_code == 200


def test_the_brand_stylesheet_costs_no_query_once_a_page_was_served(
    client, db, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        assert "--brand:" in client.get("/brand.css").content.decode()
