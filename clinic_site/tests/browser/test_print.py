"""A printed article, rendered by Chromium with print media: it keeps the clinic's
name, phone and addresses, the article's web address and date, its picture; it drops
the menus, the buttons and the request form (issue 21)."""

import pytest

from clinic.models import SiteSettings
from clinic_site.tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

LEFT_OFF_PAPER = [
    ".site-menu",
    ".header-cta",
    ".menu-toggle",
    ".breadcrumbs",
    ".toc",
    ".cta",
    ".related",
    ".footer-links",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_a_printed_article_keeps_the_clinic_and_its_own_address(
    open_context, content, settings, viewport
):
    page = open_context(viewport=viewport).new_page()
    page.emulate_media(media="print")
    page.goto(content.stairs.get_absolute_url())
    site = SiteSettings.objects.get()

    assert page.locator(".brand").inner_text() == site.name
    assert page.locator(".header-phone").is_visible()
    assert site.phone in page.locator(".header-phone").inner_text()
    footer = page.locator(".site-footer")
    assert footer.is_visible()
    assert content.location.street_address in footer.inner_text()
    assert content.location.phone in footer.inner_text()
    article = page.locator("article.article").inner_text()
    address = settings.SITE_URL + content.stairs.get_absolute_url()
    assert f"Online at {address}" in article
    assert page.locator(".dates").is_visible()
    assert page.locator(".featured-image img").is_visible()
    shown = [
        selector
        for selector in LEFT_OFF_PAPER
        if page.locator(selector).first.is_visible()
    ]
    assert shown == []
    assert (
        page.locator("a.button, button").evaluate_all(
            "nodes => nodes.filter(node => node.getClientRects().length).length"
        )
        == 0
    )


def test_on_screen_the_article_does_not_repeat_its_own_address(open_context, content):
    page = open_context().new_page()
    page.goto(content.stairs.get_absolute_url())
    assert not page.locator(".print-only").is_visible()
    assert page.locator(".site-menu").is_visible()


def test_the_request_form_is_not_printed(open_context, content):
    page = open_context().new_page()
    page.emulate_media(media="print")
    page.goto("/appointments/request/")
    assert not page.locator("form.request-form").is_visible()
    assert page.locator(".site-footer").is_visible()
