"""A page as visitors and editors see it."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import breadcrumb_trail, jpeg_upload, json_ld
from pages.models import Page


def test_a_page_shows_its_title_body_and_search_engine_fields(client, make_page):
    make_page(
        slug="about",
        title="About us",
        body="<p>Three <strong>surgeons</strong> and a team.</p>",
        seo_title="About Riverside Bone & Joint",
        meta_description="Who we are and how we work.",
    )
    response = client.get("/about/")
    page = response.content.decode()
    assert "<h1>About us</h1>" in page
    assert "<p>Three <strong>surgeons</strong> and a team.</p>" in page
    assert "<title>About Riverside Bone &amp; Joint · " in page
    assert '<meta name="description" content="Who we are and how we work.">' in page
    assert "public" in response["Cache-Control"]


def test_a_nested_page_shows_the_same_trail_it_gives_search_engines(
    client, make_page, settings
):
    about = make_page(slug="about", title="About us")
    billing = make_page(slug="billing", title="Billing", parent=about)
    make_page(slug="insurance", title="Insurance", parent=billing)
    page = client.get("/about/billing/insurance/").content.decode()
    assert breadcrumb_trail(page) == [
        ("Home", "/"),
        ("About us", "/about/"),
        ("Billing", "/about/billing/"),
        ("Insurance", None),
    ]
    web_page, breadcrumbs = json_ld(page)
    assert web_page["@type"] == "WebPage"
    assert web_page["url"] == settings.SITE_URL + "/about/billing/insurance/"
    assert [
        (item["name"], item["item"]) for item in breadcrumbs["itemListElement"]
    ] == [
        ("Home", settings.SITE_URL + "/"),
        ("About us", settings.SITE_URL + "/about/"),
        ("Billing", settings.SITE_URL + "/about/billing/"),
        ("Insurance", settings.SITE_URL + "/about/billing/insurance/"),
    ]


def test_the_trail_skips_a_parent_that_is_not_public(client, make_page):
    about = make_page(slug="about", title="Secret draft title", status="draft")
    make_page(slug="team", title="Our team", parent=about)
    response = client.get("/about/team/")
    trail = breadcrumb_trail(response.content.decode())
    assert trail == [("Home", "/"), ("Our team", None)]
    assert "Secret draft title" not in response.content.decode()


def test_a_parent_page_lists_its_public_subpages_in_order(client, make_page):
    conditions = make_page(slug="conditions", title="Conditions we treat")
    make_page(slug="spine", title="Back and neck", parent=conditions, position=2)
    make_page(slug="knee", title="Knee and hip", parent=conditions, position=1)
    make_page(slug="hand", title="Hand (draft)", parent=conditions, status="draft")
    page = client.get("/conditions/").content.decode()
    section = page[page.index('id="subpages-heading"') :]
    assert re.findall(r'<a href="(/conditions/[^"]+)">', section) == [
        "/conditions/knee/",
        "/conditions/spine/",
    ]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Page.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=3)},
    ],
    ids=["draft", "scheduled"],
)
def test_drafts_and_scheduled_pages_are_404_for_visitors(client, make_page, fields):
    make_page(slug="about", **fields)
    assert client.get("/about/").status_code == 404


def test_editors_preview_drafts_at_their_address_with_a_banner(
    client, make_page, editor, sign_in
):
    make_page(slug="about", status=Page.Status.DRAFT)
    sign_in(editor)
    response = client.get("/about/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: not published." in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_editors_preview_a_scheduled_page_with_its_time(
    client, make_page, editor, sign_in
):
    make_page(slug="about", published_at=timezone.now() + timedelta(days=2))
    sign_in(editor)
    assert "Scheduled for" in client.get("/about/").content.decode()


def test_front_desk_cannot_preview_pages(client, make_page, front_desk, sign_in):
    make_page(slug="about", status=Page.Status.DRAFT)
    sign_in(front_desk)
    assert client.get("/about/").status_code == 404


@pytest.mark.parametrize("kind", [Page.Kind.PRIVACY, Page.Kind.POLICY])
def test_a_legal_page_shows_when_it_was_last_updated(client, make_page, kind):
    page = make_page(slug="legal", kind=kind)
    shown = client.get("/legal/").content.decode()
    shown_date = timezone.localtime(page.last_updated)
    assert f'Last updated <time datetime="{shown_date:%Y-%m-%d}">' in shown
    assert "Schedule an appointment" not in shown


def test_a_standard_page_has_no_date_but_the_call_to_action(client, make_page):
    make_page(slug="about")
    shown = client.get("/about/").content.decode()
    assert "Last updated" not in shown
    assert "Schedule an appointment" in shown


def test_the_share_image_is_shown_and_given_to_link_previews(
    client, make_page, settings
):
    make_page(
        slug="about",
        share_image=jpeg_upload(),
        share_image_alt="The clinic's front door on Millbrook Avenue",
    )
    response = client.get("/about/")
    page = response.content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert image.startswith(settings.SITE_URL + settings.MEDIA_URL + "pages/")
    assert image.endswith("-960.jpg")
    assert 'alt="The clinic&#x27;s front door on Millbrook Avenue"' in page
    assert json_ld(response.content.decode())[0]["primaryImageOfPage"] == image


def test_a_share_image_is_re_encoded_like_every_upload(make_page):
    page = make_page(share_image=jpeg_upload(size=(3000, 2000)), share_image_alt="x")
    assert page.image_width == 2400  # bounded, and so re-encoded


def test_a_failed_save_leaves_no_share_image_files_and_no_page(
    make_page, monkeypatch, settings
):
    def disk_full(image, width):
        raise OSError("No space left on device")

    monkeypatch.setattr("clinic.images._encoded_renditions", disk_full)
    media = Path(settings.MEDIA_ROOT)
    before = set(media.rglob("*.*"))
    with pytest.raises(OSError):
        make_page(share_image=jpeg_upload(), share_image_alt="x")
    assert set(media.rglob("*.*")) == before
    assert not Page.objects.exists()


def test_a_share_image_that_is_not_a_picture_is_refused(make_page):
    from django.core.exceptions import ValidationError

    page = Page(
        title="About",
        slug="about",
        share_image=SimpleUploadedFile("a.png", b"<html>not a picture</html>"),
        share_image_alt="x",
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "share_image" in refused.value.error_dict


def test_the_sitemap_lists_every_public_page_and_no_other(client, make_page):
    about = make_page(slug="about")
    make_page(slug="team", parent=about)
    make_page(slug="plans", status=Page.Status.DRAFT)
    make_page(slug="later", published_at=timezone.now() + timedelta(hours=1))
    sitemap = client.get("/sitemap.xml").content.decode()
    listed = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))
    assert {"/about/", "/about/team/"} <= listed
    assert not {"/plans/", "/later/"} & listed


def test_the_footer_s_legal_pages_are_the_public_privacy_and_policy_pages(make_page):
    notice = make_page(kind=Page.Kind.PRIVACY, title="Notice of privacy practices")
    terms = make_page(kind=Page.Kind.POLICY, title="Terms of use", position=1)
    make_page(kind=Page.Kind.POLICY, status=Page.Status.DRAFT)
    make_page(title="About us")
    assert list(Page.objects.published().legal()) == [notice, terms]
