"""An editor writes an illustrated article in the real editor: a figure uploaded
from the picture picker, a table with a header row and caption, an emergency box;
the public page shows them as patients need them."""

import pytest

from blog.models import Article
from clinic.models import Picture
from clinic_site.tests.browser.conftest import AXE_JS, DESKTOP, PHONE, jpeg_file
from clinic_site.tests.browser.support import assert_fits_width, sign_in
from clinic_site.tests.browser.test_accessibility import AXE_TAGS, RUN_AXE
from conftest import STAFF_PASSWORD

pytestmark = pytest.mark.browser


VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def menu_button(page, name):
    return page.locator(f".field-body .prose-menubar [data-name='{name}']").first


def choose_style(page, name):
    page.locator(".field-body .prose-menubar__dropdown").filter(
        has=page.locator(f"[data-name='{name}']")
    ).locator(".prose-menubar__selected").click()
    page.locator(f".field-body [data-name='{name}']").click()


def test_an_editor_illustrates_an_article_and_patients_see_it(
    open_context, site, editor, author, blog_category, tmp_path
):
    browsing = open_context()
    page = browsing.new_page()
    sign_in(page, "editor", STAFF_PASSWORD, next_path="/admin/blog/article/add/")
    body = page.locator(".field-body .ProseMirror[contenteditable='true']")
    summary = page.locator("#id_summary")
    # The body box starts taller than the summary's, not one line tall.
    assert body.bounding_box()["height"] > 2 * summary.bounding_box()["height"]
    body.click()
    lines = [
        "How the knee works.",
        "Knee exercises",
        "Call 911 if",
        "Which exercise, when",
    ]
    for line in lines:
        page.keyboard.type(line)
        page.keyboard.press("Enter")

    # A table with a header row, under a paragraph styled as its caption.
    menu_button(page, "table").click()
    table_dialog = page.locator("dialog[open]")
    table_dialog.locator("input[name=rows]").fill("2")
    table_dialog.locator("input[name=cols]").fill("2")
    table_dialog.locator("select[name=withHeaderRow]").select_option("Yes")
    table_dialog.get_by_role("button", name="Insert Table").click()
    for text in ["Exercise", "How often", "Leg raise", "Twice a day"]:
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    body.get_by_text("Which exercise, when").click()
    choose_style(page, "nodeClass:paragraph:table-caption")

    # A video: a paragraph that is only a link to it.
    body.get_by_text("Knee exercises").click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    menu_button(page, "link").click()
    link_dialog = page.locator("dialog[open]")
    link_dialog.locator("input[name=href]").fill(VIDEO)
    link_dialog.get_by_role("button", name="Update").click()

    # An emergency box.
    body.get_by_text("Call 911 if").click()
    menu_button(page, "blockquote").click()
    choose_style(page, "nodeClass:blockquote:callout-emergency")

    # A figure, uploaded through the picker the figure dialog opens.
    body.get_by_text("How the knee works.").click()
    page.keyboard.press("End")
    menu_button(page, "figure").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Browse...").click()
    picker = opened.value
    picker.get_by_label("Picture").set_input_files(
        str(jpeg_file(tmp_path / "knee.jpg", size=(1600, 1000)))
    )
    picker.get_by_role("textbox", name="Description").fill("The knee, bent")
    picker.get_by_role("button", name="Upload and insert").click()
    picker.wait_for_event("close")
    dialog.locator("input[name=caption]").fill("Where the kneecap glides")
    dialog.get_by_role("button", name="Insert").click()

    html = page.locator("#id_body").input_value()
    picture = Picture.objects.get()
    assert f'data-file="{picture.pk}"' in html
    assert '<blockquote class="callout-emergency">' in html
    assert f'<p><a href="{VIDEO}"' in html
    assert '<p class="table-caption">Which exercise, when</p><table>' in html

    page.locator("#id_title").fill("How the knee works")
    page.locator("#id_summary").fill("The parts of the knee, and when to call 911.")
    page.locator(".field-author .select2-selection").click()
    page.locator(
        ".select2-search__field[aria-controls='select2-id_author-results']"
    ).fill(author.name[:4])
    page.locator(".select2-results__option", has_text=author.name).click()
    page.locator(".field-categories").get_by_label("Blog").check()
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").click()
    article = Article.objects.get(slug="how-the-knee-works")
    assert article.is_public

    for viewport in (PHONE, DESKTOP):
        visitor = open_context(viewport=viewport, bypass_csp=True).new_page()
        asked = []
        visitor.on("request", lambda request, asked=asked: asked.append(request.url))
        # Nothing may reach the video site for real, even once the video starts.
        visitor.route(
            "https://www.youtube-nocookie.com/**", lambda route: route.abort()
        )
        visitor.goto(article.get_absolute_url())
        visitor.wait_for_load_state("networkidle")
        assert asked and all(url.startswith(site) for url in asked), asked
        figure = visitor.locator(".article-body figure img")
        assert figure.get_attribute("srcset").count("w,") >= 1
        assert figure.get_attribute("width") == "1600"
        assert figure.get_attribute("loading") == "lazy"
        assert visitor.locator("th[scope=col]").count() == 2
        assert visitor.locator(".callout-emergency[role=note]").is_visible()
        assert_fits_width(visitor)
        visitor.add_script_tag(path=str(AXE_JS))
        assert visitor.evaluate(RUN_AXE, AXE_TAGS) == []
        visitor.get_by_role("link", name="Play the video: Knee exercises").click()
        player = visitor.locator(".video iframe")
        assert player.get_attribute("src") == (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
        )
    assert browsing.csp_violations() == []
    assert browsing.page_errors == []
