"""People doing their jobs in a real browser (issue 7): a visitor asks for an
appointment (with a mouse, on a phone, with the keyboard alone, without JavaScript,
and from a physician's profile), an editor writes and publishes an article, the front
desk works through requests."""

import csv
import io
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from appointments.models import AppointmentRequest
from blog.models import Article
from clinic_site.tests.browser.conftest import PHONE, jpeg_file
from clinic_site.tests.browser.support import (
    assert_fits_width,
    assert_focus_visible,
    audit_tab_order,
    press,
    sign_in,
    tab_to,
    wait_past_minimum_fill_time,
)
from conftest import STAFF_PASSWORD

pytestmark = pytest.mark.browser

# The stylesheet TipTap (inside django-prose-editor) injects for ProseMirror, blocked
# by the Content-Security-Policy (style-src 'self'): the hash Chromium reports for it.
# See test_the_rich_text_editor_keeps_spaces_under_the_csp.
TIPTAP_STYLE = "sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA="

REQUIRED_FIELDS = ["full_name", "phone", "patient_type", "location", "reason"]


def assert_errors_beside_fields(page, fields=REQUIRED_FIELDS + ["consent"]):
    """The summary lists the problems; each field shows its own error, tied to it."""
    assert page.locator(".error-summary").is_visible()
    for name in fields:
        error = page.locator(f"#id_{name}_error")
        assert error.is_visible(), f"no error shown beside {name}"
        described = page.locator(f"[aria-describedby~='id_{name}_error']")
        assert described.count() >= 1, f"{name}'s error is not tied to the field"
    invalid = page.locator("[name=full_name]")
    assert invalid.get_attribute("aria-invalid") == "true"


def assert_focus_on_first_invalid_field(page):
    focused = page.evaluate("document.activeElement.id")
    assert focused == "id_full_name", f"the focus is on {focused!r}"


def reference_on_thanks_page(page) -> str:
    page.get_by_role("heading", name="Thank you: we received your request").wait_for()
    return page.locator(".reference strong").inner_text().strip()


def follow_from_home_to_form(page, content, snap=None, *, tap=False):
    """Home → the Knees category → an article → its first related post → the
    "Schedule an appointment" link. Returns the related article the visitor read."""

    def activate(locator):
        with page.expect_navigation():
            locator.tap() if tap else locator.click()

    def look(step):
        if tap:  # on a phone: nothing sticks out sideways
            assert_fits_width(page, step)
        if snap:
            snap(page, step)

    page.goto("/")
    look("home")
    if tap:  # on a phone the menu is behind its button
        page.get_by_role("button", name="Menu").tap()
    activate(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Knees")
    )
    assert page.get_by_role("heading", level=1).inner_text() == "Knees"
    look("category")
    activate(page.get_by_role("link", name=content.stairs.title))
    assert page.get_by_role("heading", level=1).inner_text() == content.stairs.title
    look("article")
    related = page.locator(".related .card-title a").first
    related_title = related.inner_text()
    activate(related)
    assert page.get_by_role("heading", level=1).inner_text() == related_title
    activate(page.get_by_role("link", name="Schedule an appointment"))
    assert page.get_by_role("heading", level=1).inner_text() == "Request an appointment"
    assert related_title in page.locator(".asking-about").inner_text()
    look("form")
    return Article.objects.get(title=related_title)


def fill_in_request(page, content, *, tap=False):
    def check(locator):
        locator.tap() if tap else locator.check()

    page.get_by_label("Full name").fill("Ada Example")
    page.get_by_label("Phone number").fill("(617) 555-0123")
    page.get_by_label("Email (optional)").fill("ada@example.com")
    check(page.get_by_label("Phone call"))
    check(page.get_by_label("I am a new patient"))
    page.get_by_label("Which location?").select_option(label=content.location.name)
    check(page.get_by_label("Monday"))
    check(page.get_by_label("Wednesday"))
    check(page.get_by_label("Morning"))
    page.get_by_label("Reason for the visit").fill("Knee pain when climbing stairs.")
    check(page.get_by_label("I agree that the clinic may store these details"))


def assert_request_saved(reference, source_article):
    appointment = AppointmentRequest.objects.get(reference=reference)
    assert appointment.status == AppointmentRequest.Status.NEW
    assert appointment.full_name == "Ada Example"
    assert appointment.phone == "+16175550123"
    assert appointment.location.name == "Cambridge"
    assert appointment.patient_type == "new"
    assert appointment.source_article == source_article
    return appointment


def send_empty_then_filled(page, content, snap, *, phone=False) -> str:
    """Send the form empty, see the errors, fill it in, send it: the reference.

    On a phone, buttons are tapped and each page must fit the screen's width.
    """
    send = page.get_by_role("button", name="Send my request")
    press = send.tap if phone else send.click
    opened_at = time.monotonic()
    with page.expect_navigation():
        press()
    assert_errors_beside_fields(page)
    assert_focus_on_first_invalid_field(page)  # autofocus: no script needed
    if phone:
        assert_fits_width(page, "the form with errors on a phone")
    snap(page, "form-errors")

    fill_in_request(page, content, tap=phone)
    wait_past_minimum_fill_time(opened_at)
    with page.expect_navigation():
        press()
    reference = reference_on_thanks_page(page)
    if phone:
        assert_fits_width(page, "the thanks page on a phone")
    snap(page, "thanks")
    return reference


def test_a_visitor_reads_and_asks_for_an_appointment(open_context, content, snap):
    browsing = open_context()
    page = browsing.new_page()

    came_from = follow_from_home_to_form(page, content, snap)
    assert came_from != content.stairs
    reference = send_empty_then_filled(page, content, snap)

    appointment = assert_request_saved(reference, came_from)
    assert appointment.preferred_days == ["mon", "wed"]
    assert appointment.preferred_time == "morning"
    assert browsing.page_errors == []


def test_the_same_on_a_phone(open_context, content, snap):
    browsing = open_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = browsing.new_page()

    # (The visitor's journey above takes these pages' pictures at both widths.)
    came_from = follow_from_home_to_form(page, content, tap=True)
    assert_fits_width(page, "the form on a phone")
    reference = send_empty_then_filled(page, content, snap, phone=True)

    assert_request_saved(reference, came_from)
    assert browsing.page_errors == []


def test_a_patient_goes_from_a_byline_to_the_physician_and_asks_for_them(
    open_context, content, snap
):
    browsing = open_context()
    page = browsing.new_page()
    physician = content.physician

    page.goto(content.stairs.get_absolute_url())
    snap(page, "article")
    with page.expect_navigation():
        page.locator(".byline").get_by_role("link", name=physician.byline).click()
    assert page.get_by_role("heading", level=1).inner_text() == physician.byline
    facts = page.locator(".person-facts").inner_text()
    assert "Knee, Sports medicine" in facts and content.location.name in facts
    assert page.locator(".portrait img").evaluate("img => img.naturalWidth") > 0
    assert content.stairs.title in page.locator(".person-articles").first.inner_text()
    snap(page, "profile")

    with page.expect_navigation():
        page.get_by_role(
            "link", name="Request an appointment with Dr. Whitfield"
        ).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Request an appointment"
    assert "Dr. Whitfield" in page.locator(".asking-about").inner_text()
    chosen = page.get_by_label("Preferred physician (optional)")
    assert chosen.locator("option:checked").inner_text() == physician.byline
    snap(page, "form")

    opened_at = time.monotonic()
    fill_in_request(page, content)
    wait_past_minimum_fill_time(opened_at)
    with page.expect_navigation():
        page.get_by_role("button", name="Send my request").click()
    appointment = assert_request_saved(reference_on_thanks_page(page), None)
    assert appointment.preferred_provider == physician
    assert browsing.page_errors == [] and browsing.console_errors == []


def expect_focus(page, element_id, where=""):
    state = assert_focus_visible(page, where)
    assert state["id"] == element_id, f"{where}: the focus is on {state}"


def test_the_same_with_the_keyboard_alone(open_context, content, snap):
    browsing = open_context()
    page = browsing.new_page()

    def follow(locator, where):
        tab_to(page, locator, where=where)
        with page.expect_navigation():
            page.keyboard.press("Enter")

    page.goto("/")
    first = press(page, "Tab", "home")
    assert first["label"] == "Skip to main content"
    snap(page, "home-skip-link")
    audit_tab_order(page, "home")
    nav = page.get_by_role("navigation", name="Main")
    follow(nav.get_by_role("link", name="Knees"), "home")

    audit_tab_order(page, "category")
    follow(page.get_by_role("link", name=content.stairs.title), "category")

    audit_tab_order(page, "article")
    related = page.locator(".related .card-title a").first
    related_title = related.inner_text()
    follow(related, "article")
    follow(page.get_by_role("link", name="Schedule an appointment"), "related article")

    assert related_title in page.locator(".asking-about").inner_text()
    opened_at = time.monotonic()
    audit_tab_order(page, "form")
    follow(page.get_by_role("button", name="Send my request"), "form")

    assert_errors_beside_fields(page)
    expect_focus(page, "id_full_name", "form with errors")
    snap(page, "form-errors-focus")
    audit_tab_order(page, "form with errors")
    tab_to(page, page.locator("#id_full_name"), where="back to the first error")

    def tab_then(key_or_text, element_id):
        press(page, "Tab", element_id)
        expect_focus(page, element_id)
        if key_or_text in ("Space", "ArrowDown"):
            press(page, key_or_text, element_id)
        elif key_or_text:
            page.keyboard.type(key_or_text)

    page.keyboard.type("Ada Example")
    tab_then("(617) 555-0123", "id_phone")
    tab_then("ada@example.com", "id_email")
    tab_then(None, "id_contact_method_0")  # "Phone call" is chosen already
    tab_then("Space", "id_patient_type_0")  # "I am a new patient"
    tab_then("ArrowDown", "id_location")  # the first (only) location
    assert page.locator("#id_location").input_value() == str(content.location.pk)
    tab_then(None, "id_preferred_provider")
    tab_then("Space", "id_preferred_days_0")  # Monday
    tab_then(None, "id_preferred_days_1")
    tab_then("Space", "id_preferred_days_2")  # Wednesday
    tab_then(None, "id_preferred_days_3")
    tab_then(None, "id_preferred_days_4")
    tab_then(None, "id_preferred_time_0")  # "Any time" is chosen already...
    press(page, "ArrowDown", "time of day")  # ...the arrow moves to "Morning"
    expect_focus(page, "id_preferred_time_1")
    tab_then("Knee pain when climbing stairs.", "id_reason")
    tab_then("Space", "id_consent")
    press(page, "Shift+Tab", "consent")  # back, to check the reason is still there
    expect_focus(page, "id_reason")
    assert page.locator("#id_reason").input_value() == "Knee pain when climbing stairs."
    tab_then(None, "id_consent")
    assert page.locator("#id_consent").is_checked()
    press(page, "Tab", "consent")
    assert focus_label(page) == "Send my request"
    snap(page, "form-filled-focus")

    wait_past_minimum_fill_time(opened_at)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    reference = reference_on_thanks_page(page)
    audit_tab_order(page, "thanks")
    snap(page, "thanks")

    came_from = Article.objects.get(title=related_title)
    appointment = assert_request_saved(reference, came_from)
    assert appointment.preferred_days == ["mon", "wed"]
    assert appointment.preferred_time == "morning"
    assert browsing.page_errors == []


def focus_label(page):
    return page.evaluate("document.activeElement.innerText").strip()


def test_the_form_works_without_javascript(open_context, content, snap):
    browsing = open_context(java_script_enabled=False)
    page = browsing.new_page()

    page.goto(content.runners.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("link", name="Schedule an appointment").click()
    reference = send_empty_then_filled(page, content, snap)
    assert_request_saved(reference, content.runners)


# Staff


def choose_in_autocomplete(page, field, text):
    """Pick from one of the admin's autocomplete (select2) fields, as a person does."""
    page.locator(f".field-{field} .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(text)
    option = page.locator(".select2-results__option", has_text=text).first
    option.click()


def write_body_in_the_editor(page):
    """Type the body in the rich-text editor, formatting with its toolbar."""
    editor = page.locator(".field-body .ProseMirror[contenteditable='true']")
    editor.click()
    menu = page.locator(".field-body .prose-menubar")
    block_type = menu.locator(".prose-menubar__dropdown").filter(
        has=page.locator("[data-name='heading2']")
    )
    block_type.locator(".prose-menubar__selected").click()
    page.locator(".prose-menubar__option[data-name='heading2']").click()
    page.keyboard.type("Why stairs hurt")
    page.keyboard.press("Enter")
    page.keyboard.type("Climbing puts ")
    menu.locator("button[data-name='bold']").click()
    page.keyboard.type("three times your weight")
    menu.locator("button[data-name='bold']").click()
    page.keyboard.type(" through the kneecap.")
    page.keyboard.press("Enter")
    menu.locator("button[data-name='bulletList']").click()
    page.keyboard.type("Strengthen the thigh muscles.")
    page.keyboard.press("Enter")
    page.keyboard.type("Use the handrail.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty item ends the list
    page.keyboard.type("Read the guide of the AAOS.")
    page.keyboard.press("ArrowLeft")
    for _ in "guide of the AAOS":
        page.keyboard.press("Shift+ArrowLeft")
    menu.locator("button[data-name='link']").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.get_by_label("URL").fill("https://orthoinfo.aaos.org/")
    dialog.get_by_role("button", name="Update").click()
    return editor


def test_an_editor_writes_previews_and_publishes_an_article(
    open_context, content, editor, snap, tmp_path
):
    browsing = open_context()
    page = browsing.new_page()
    sign_in(page, "editor", STAFF_PASSWORD)
    with page.expect_navigation():
        page.locator("a.addlink[href$='/blog/article/add/']").click()

    # The editor's scripts ran under the Content-Security-Policy.
    editor_area = page.locator(".field-body .ProseMirror[contenteditable='true']")
    editor_area.wait_for()
    page.get_by_label("Title:", exact=True).press_sequentially(
        "Stairs without knee pain"
    )
    slug = page.get_by_label("Slug:", exact=True)
    assert slug.input_value() == "stairs-without-knee-pain"  # filled in by script
    page.get_by_label("Summary:", exact=True).fill(
        "How to take the stairs when your knees ache."
    )
    write_body_in_the_editor(page)
    page.get_by_label("Featured image:", exact=True).set_input_files(
        jpeg_file(tmp_path / "stairs-photo.jpg")
    )
    page.get_by_label("Image description:", exact=True).fill(
        "A man walks up stairs slowly"
    )
    choose_in_autocomplete(page, "author", "Dana Whitfield")
    categories = page.locator(".field-categories")
    categories.get_by_label("Knees").check()
    categories.get_by_label("Blog").check()
    choose_in_autocomplete(page, "tags", "knee")
    page.get_by_label("New tags:", exact=True).fill("stairs, physical therapy")
    assert page.get_by_label("Status:", exact=True).input_value() == "draft"
    snap(page, "article-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    assert "was added successfully" in page.locator(".messagelist").inner_text()
    snap(page, "draft-saved")

    article = Article.objects.get(slug="stairs-without-knee-pain")
    assert article.status == Article.Status.DRAFT
    assert '<h2 id="why-stairs-hurt">Why stairs hurt</h2>' in article.body
    assert re.search(r"<strong>\s*three times your weight\s*</strong>", article.body)
    assert "<li><p>Strengthen the thigh muscles.</p></li>" in article.body
    assert '<a href="https://orthoinfo.aaos.org/"' in article.body
    assert ">guide of the AAOS</a>" in article.body
    assert article.featured_image and article.image_width == 1200
    assert {c.slug for c in article.categories.all()} == {"knees", "blog"}
    assert set(article.tags.names()) == {"knee", "stairs", "physical therapy"}

    # The preview opens the public address, for staff only.
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.url.endswith("/blog/stairs-without-knee-pain/")
    assert "Preview: not published." in preview.locator(".preview-banner").inner_text()
    assert preview.locator(".article-body h2").inner_text() == "Why stairs hurt"
    assert preview.locator(".featured-image img").get_attribute("alt") == (
        "A man walks up stairs slowly"
    )
    snap(preview, "preview")
    preview.close()

    # Publish from the list. (Saving the change form again fails while the article
    # has a picture: see test_an_article_with_a_picture_can_be_saved_again.)
    with page.expect_navigation():
        page.locator(".breadcrumbs").get_by_role("link", name="Articles").click()
    row = page.locator("#result_list tbody tr", has_text="Stairs without knee pain")
    row.get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Publish selected articles now")
    with page.expect_navigation():
        page.get_by_role("button", name="Go").click()
    assert "1 article(s) published." in page.locator(".messagelist").inner_text()
    assert "Published" in row.locator(".state").inner_text()
    snap(page, "published")
    article.refresh_from_db()
    assert article.is_public

    assert browsing.page_errors == []
    violations = [v for v in browsing.csp_violations() if TIPTAP_STYLE not in v]
    assert violations == [], "the editor's scripts broke the CSP"

    # Readers find it: home page, category, feed and sitemap.
    reader = open_context().new_page()
    reader.goto("/")
    reader.get_by_role("link", name="Stairs without knee pain").wait_for()
    snap(reader, "home-with-article")
    reader.goto("/blog/category/knees/")
    reader.get_by_role("link", name="Stairs without knee pain").wait_for()
    with reader.expect_navigation():
        reader.get_by_role("link", name="Stairs without knee pain").click()
    assert reader.locator(".preview-banner").count() == 0
    strong = reader.locator(".article-body strong").inner_text()
    assert strong.strip() == "three times your weight"
    snap(reader, "article")
    feed = reader.request.get("/blog/feed/")
    assert feed.ok and "Stairs without knee pain" in feed.text()
    sitemap = reader.request.get("/sitemap.xml")
    assert sitemap.ok and "/blog/stairs-without-knee-pain/" in sitemap.text()


def test_the_front_desk_works_through_a_request(
    open_context, content, front_desk, editor, make_request, snap
):
    """Sign in with the second factor, follow the dashboard's "overdue" to the list,
    call a patient back, book another's visit, export the day's requests."""
    overdue = make_request(full_name="Olive Overdue", age=timedelta(days=4))
    fresh = make_request(
        full_name="Fred Fresh", source_article=content.stairs, email="fred@example.com"
    )
    device = TOTPDevice.objects.create(user=front_desk, name="default")

    browsing = open_context(accept_downloads=True)
    page = browsing.new_page()
    sign_in(page, "frontdesk", STAFF_PASSWORD, device=device, snap=snap)
    home = page.locator("#content").inner_text().lower()  # captions in capitals
    assert "appointment requests today" in home
    snap(page, "front-desk-home")
    with page.expect_navigation():
        page.get_by_role("link", name="1 overdue").click()

    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    overdue_row = rows.filter(has_text=overdue.reference)
    assert "Overdue: call today" in overdue_row.inner_text()
    assert "(617) 555-0123" in overdue_row.inner_text()  # the number to call
    snap(page, "request-list")

    with page.expect_navigation():
        overdue_row.get_by_role("link", name="Olive Overdue").click()
    assert "Olive Overdue" in page.locator("#content-main").inner_text()
    page.get_by_label("Status:", exact=True).select_option("contacted")
    page.get_by_label("Staff notes:", exact=True).fill(
        "Called back; she will book online."
    )
    snap(page, "request-contacted")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    assert overdue.reference not in page.locator("#content-main").inner_text()
    snap(page, "request-list-after")

    page.goto(fresh.get_admin_url())
    page.get_by_label("Status:", exact=True).select_option("scheduled")
    visit = timezone.localtime() + timedelta(days=2)
    page.fill("#id_scheduled_for_0", visit.strftime("%Y-%m-%d"))
    page.fill("#id_scheduled_for_1", "10:30")
    page.get_by_label("Email the patient this visit's time and place").check()
    snap(page, "request-scheduled")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    received = page.locator("details[data-filter-title='created at']")
    received.get_by_role("link", name="Today").click()
    page.wait_for_load_state()
    page.check("#action-toggle")
    page.select_option("select[name=action]", "export_csv")
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Go").click()
    exported = Path(downloading.value.path()).read_text(encoding="utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(exported))
    assert (row["Reference"], row["Name"], row["Status"]) == (
        fresh.reference,
        "Fred Fresh",
        "Scheduled",
    )
    assert row["Scheduled for"].endswith("10:30")

    overdue.refresh_from_db()
    fresh.refresh_from_db()
    assert overdue.status == AppointmentRequest.Status.CONTACTED
    assert overdue.staff_notes == "Called back; she will book online."
    assert overdue.handled_by == front_desk
    assert fresh.status == AppointmentRequest.Status.SCHEDULED
    assert fresh.notifications.filter(kind="visit").exists()
    assert browsing.page_errors == []

    # An editor has no business with patients' requests.
    editor_page = open_context().new_page()
    sign_in(editor_page, "editor", STAFF_PASSWORD)
    response = editor_page.goto("/admin/appointments/appointmentrequest/")
    assert response.status == 403
    response = editor_page.goto(overdue.get_admin_url())
    assert response.status == 403


# Problems the journeys above once found, kept fixed.


def test_an_article_with_a_picture_can_be_saved_again(open_context, content, editor):
    page = open_context().new_page()
    change_url = f"/admin/blog/article/{content.stairs.pk}/change/"
    sign_in(page, "editor", STAFF_PASSWORD, next_path=change_url)
    page.get_by_label("Summary:", exact=True).fill("A better summary.")
    with page.expect_navigation() as saved:
        page.get_by_role("button", name="Save", exact=True).click()
    assert saved.value.status == 200
    assert "was changed successfully" in page.locator(".messagelist").inner_text()


def test_the_rich_text_editor_keeps_spaces_under_the_csp(open_context, editor):
    browsing = open_context()
    page = browsing.new_page()
    sign_in(page, "editor", STAFF_PASSWORD, next_path="/admin/blog/article/add/")
    page.locator(".field-body .ProseMirror[contenteditable='true']").click()
    bold = page.locator(".field-body .prose-menubar button[data-name='bold']")
    page.keyboard.type("Climbing puts ")
    bold.click()
    page.keyboard.type("three times")
    bold.click()
    page.keyboard.type(" your weight through the kneecap.")
    body = page.locator("#id_body").input_value()
    assert body == (
        "<p>Climbing puts <strong>three times</strong> your weight through the "
        "kneecap.</p>"
    )
    assert browsing.csp_violations() == []


def test_an_editor_links_to_an_article_found_by_its_title(
    open_context, editor, make_article
):
    make_article(title="Knee pain after running", slug="knee-pain")
    browsing = open_context()
    page = browsing.new_page()
    sign_in(page, "editor", STAFF_PASSWORD, next_path="/admin/blog/article/add/")
    page.locator(".field-body .ProseMirror[contenteditable='true']").click()
    page.keyboard.type("Read more")
    page.keyboard.press("Shift+Home")
    page.locator(".field-body .prose-menubar button[data-name='link']").click()
    page.get_by_label("Find a page on this site").fill("knee pain")
    page.get_by_role("button", name=re.compile("Knee pain after running")).click()
    assert page.locator("dialog input[name=href]").input_value() == "/blog/knee-pain/"
    page.locator("dialog button[type=submit]").click()
    body = page.locator("#id_body").input_value()
    assert '<a href="/blog/knee-pain/"' in body
    assert ">Read more</a>" in body
    assert browsing.csp_violations() == []
