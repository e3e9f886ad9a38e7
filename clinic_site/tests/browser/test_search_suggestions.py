"""Suggestions under the search box: offered while typing, chosen by keyboard, and
clean for axe; without JavaScript the box still searches."""

import pytest

from clinic_site.tests.browser.conftest import AXE_JS, INSTALL
from clinic_site.tests.browser.test_accessibility import AXE_TAGS, RUN_AXE

pytestmark = pytest.mark.browser


def test_typing_offers_titles_chosen_with_the_arrow_keys(open_context, content):
    page = open_context().new_page()
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the site")
    box.press_sequentially("knee", delay=40)
    listbox = page.get_by_role("listbox", name="Suggested articles")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    titles = listbox.get_by_role("option").all_inner_texts()
    assert content.stairs.title in titles
    assert content.back.title not in titles

    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    chosen = first.inner_text()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()

    box.press("ArrowDown")  # the list is closed: nothing to choose
    box.press_sequentially("s", delay=40)
    listbox.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/blog/**")
    assert page.get_by_role("heading", level=1).inner_text() == chosen


def test_the_open_list_has_no_axe_violations(open_context, content):
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed: {INSTALL}")
    browsing = open_context(bypass_csp=True)
    page = browsing.new_page()
    page.goto("/search/?q=back")
    box = page.get_by_role("combobox", name="Words to look for")
    box.fill("")
    box.press_sequentially("kne", delay=40)
    page.get_by_role("listbox").wait_for()
    box.press("ArrowDown")
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate(RUN_AXE, AXE_TAGS) == []
    assert not browsing.console_errors


def test_without_javascript_the_box_searches(open_context, content):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search the site")
    box.fill("knee")
    box.press("Enter")
    page.wait_for_url("**/search/?q=knee")
    assert page.get_by_role("listbox").count() == 0
    assert page.get_by_role("link", name=content.stairs.title).count() == 1
