"""The layout visitors notice (issue 21): no card alone on its row in any grid, at
any width; links underlined in running text; the reading column lined up with the
header."""

import pytest

from clinic_site.tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

TABLET = {"width": 800, "height": 900}

# For each grid of cards on the page: whether every row reaches the grid's right edge.
ROWS_FILLED = """() => [...document.querySelectorAll(
        ".cards, .location-cards, .people, .locations")].map(grid => {
    const right = grid.getBoundingClientRect().right;
    const rows = new Map();
    for (const card of grid.children) {
        const box = card.getBoundingClientRect();
        const top = Math.round(box.top);
        rows.set(top, Math.max(rows.get(top) || 0, box.right));
    }
    return {grid: grid.className, cards: grid.children.length,
            filled: [...rows.values()].every(edge => Math.abs(edge - right) < 2)};
})"""


@pytest.mark.parametrize(
    "viewport", [PHONE, TABLET, DESKTOP], ids=["390px", "800px", "1280px"]
)
@pytest.mark.parametrize("count", [4, 5])
def test_no_card_is_left_alone_on_its_row(
    open_context, content, make_article, viewport, count
):
    for n in range(count - 4):  # content has four articles
        make_article(title=f"More reading {n}")
    page = open_context(viewport=viewport).new_page()
    for address in ["/", "/blog/", content.stairs.get_absolute_url(), "/physicians/"]:
        page.goto(address)
        grids = page.evaluate(ROWS_FILLED)
        assert grids, address
        assert [grid for grid in grids if not grid["filled"]] == [], address


def test_links_are_underlined_in_text_and_card_titles_stand_out_otherwise(
    open_context, content
):
    page = open_context().new_page()
    page.goto(content.stairs.get_absolute_url())

    def decoration(selector):
        return page.locator(selector).first.evaluate(
            "node => getComputedStyle(node).textDecorationLine"
        )

    assert decoration(".article-body p a") == "underline"
    assert decoration(".tags a") == "underline"
    assert decoration(".card-title a") == "none"
    weight = page.locator(".card-title a").first.evaluate(
        "node => getComputedStyle(node).fontWeight"
    )
    assert int(weight) >= 600


@pytest.mark.parametrize("address", ["article", "profile", "location"])
def test_the_reading_column_starts_where_the_header_does(
    open_context, content, address
):
    url = {
        "article": content.stairs.get_absolute_url(),
        "profile": content.physician.get_absolute_url(),
        "location": content.location.get_absolute_url(),
    }[address]
    page = open_context(viewport=DESKTOP).new_page()
    page.goto(url)
    brand = page.locator(".brand").bounding_box()["x"]
    for part in [".breadcrumbs", "main h1, .profile-header"]:
        left = page.locator(part).first.bounding_box()["x"]
        assert left == pytest.approx(brand, abs=1), part
