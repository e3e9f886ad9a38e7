"""The header on a phone: the clinic, a phone to tap, the request button and a menu
button within 120 px, the menu opened by keyboard, by touch and without JavaScript;
and no page logs an error to the console (a missing favicon did)."""

import pytest
from django.core.files import File

from clinic.models import SiteSettings
from clinic_site.tests.browser.conftest import (
    AXE_JS,
    DESKTOP,
    INSTALL,
    PHONE,
    jpeg_file,
)
from clinic_site.tests.browser.support import assert_focus_visible, press, tab_to
from clinic_site.tests.browser.test_accessibility import AXE_TAGS, RUN_AXE

pytestmark = pytest.mark.browser

MAX_HEADER_PX = 120


def open_phone(open_context, **options):
    return open_context(viewport=PHONE, is_mobile=True, has_touch=True, **options)


@pytest.mark.parametrize("logo", [False, True], ids=["name", "logo"])
def test_on_a_phone_the_header_fits_in_120_px_with_all_it_offers(
    open_context, content, snap, logo, tmp_path
):
    if logo:
        site = SiteSettings.objects.get()
        with jpeg_file(tmp_path / "logo.jpg", size=(900, 300)).open("rb") as file:
            site.logo = File(file, name="logo.jpg")
            site.save()
    page = open_phone(open_context).new_page()
    page.goto("/")
    main_top = page.locator("main").evaluate("main => main.getBoundingClientRect().top")
    assert main_top <= MAX_HEADER_PX, f"{main_top} px of header before the content"
    for control in [
        page.get_by_role("link", name="Riverside Bone & Joint Clinic"),
        page.get_by_role("link", name="Call us at (617) 555-0100"),
        page.get_by_role("link", name="Request an appointment").first,
        page.get_by_role("button", name="Menu"),
    ]:
        box = control.bounding_box()
        assert box and box["y"] + box["height"] <= main_top, control
    assert not page.get_by_role("navigation", name="Main").is_visible()
    snap(page, "header")


def test_the_menu_opens_and_closes_by_keyboard(open_context, content, snap):
    page = open_phone(open_context).new_page()
    page.goto("/")
    menu_button = page.get_by_role("button", name="Menu")
    tab_to(page, menu_button, where="home")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert menu_button.get_attribute("aria-controls") == "site-menu"

    press(page, "Enter", "the menu button")
    assert menu_button.get_attribute("aria-expanded") == "true"
    navigation = page.get_by_role("navigation", name="Main")
    assert navigation.is_visible()
    state = press(page, "Tab", "the open menu")
    assert state["label"] == "Knees"
    snap(page, "menu-open")
    # With JavaScript the search box is a combobox: it offers suggestions (suggest.js).
    tab_to(page, page.get_by_role("combobox", name="Search the site"), where="menu")

    page.keyboard.press("Escape")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert not navigation.is_visible()
    assert_focus_visible(page, "back on the menu button")
    assert menu_button.evaluate("button => button === document.activeElement")


def test_the_menu_opens_with_a_tap_and_leads_to_its_links(open_context, content):
    page = open_phone(open_context).new_page()
    page.goto("/")
    page.get_by_role("button", name="Menu").tap()
    with page.expect_navigation():
        page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Knees"
        ).tap()
    assert page.get_by_role("heading", level=1).inner_text() == "Knees"


def test_the_menu_opens_without_javascript(open_context, content, snap):
    page = open_phone(open_context, java_script_enabled=False).new_page()
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Main")
    assert not navigation.is_visible()
    page.get_by_role("link", name="Menu").click()
    assert navigation.is_visible()
    snap(page, "menu-open-without-javascript")
    page.get_by_role("link", name="Close the menu").click()
    assert not navigation.is_visible()


def test_the_open_menu_has_no_axe_violations(open_context, content):
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed: {INSTALL}")
    page = open_phone(open_context, bypass_csp=True).new_page()
    page.goto("/")
    page.get_by_role("button", name="Menu").tap()
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_the_home_page_logs_no_error_and_finds_its_icons(
    open_context, content, viewport
):
    browsing = open_context(viewport=viewport)
    page = browsing.new_page()
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert browsing.console_errors == []
    assert browsing.page_errors == []
    for selector in ["link[rel=icon]", "link[rel=apple-touch-icon]"]:
        icon = page.request.get(page.locator(selector).get_attribute("href"))
        assert icon.ok and icon.headers["content-type"].startswith("image/"), selector
