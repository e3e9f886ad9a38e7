"""WordPress pages become pages; the old booking page becomes the request form."""

import pytest

from blog.models import Article
from pages.models import Page
from wordpress.tests.exports import item, page, run

FORM = "/appointments/request/"


def test_pages_are_imported_under_their_parents_with_their_status(client, db, export):
    # The subpage comes first: the export's order is not the parents' order.
    output = run(
        export(
            page(31, "insurance", parent=30, title="Insurance"),
            page(30, "about", title="About us", content="<p>Since 1998.</p>"),
            page(32, "careers", status="draft", date_gmt="0000-00-00 00:00:00"),
        )
    )
    insurance = Page.objects.get(slug="insurance")
    assert insurance.parent == Page.objects.get(slug="about")
    assert client.get("/about/insurance/").status_code == 200
    assert b"Since 1998." in client.get("/about/").content
    assert Page.objects.get(slug="careers").publication_state == "Draft"
    assert client.get("/careers/").status_code == 404
    assert "pages: 3 created, 0 updated, 0 unchanged" in output


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/?page_id=3", "/privacy-policy/"),
        ("/?p=3", "/privacy-policy/"),
        ("/privacy-policy", "/privacy-policy/"),
        ("/2015/old-about/", "/about/"),
    ],
)
def test_a_page_s_old_addresses_redirect_to_it(client, db, export, old, new):
    run(
        export(
            page(3, "privacy-policy", title="Privacy Policy"),
            page(4, "about", link="https://clinic.example/2015/old-about/"),
        )
    )
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def test_a_page_is_never_given_an_address_of_the_site_itself(client, db, export):
    run(export(page(5, "blog", title="Our blog")))
    assert Page.objects.get().get_absolute_url() == "/blog-2/"
    assert client.get("/blog/").templates[0].name == "blog/article_list.html"


@pytest.mark.parametrize(
    "form",
    [
        '[contact-form-7 id="5" title="Booking"]',
        '[gravityform id="1" title="false"]',
        '[wpforms id="12"]',
        "[ninja_form id=3]",
        '<!-- wp:gravityforms/form {"formId":"1"} /-->',
    ],
)
def test_the_booking_page_is_the_request_form(client, db, export, form):
    booking = page(40, "book-an-appointment", content=f"<p>Book now.</p>{form}")
    output = run(export(booking))
    assert not Page.objects.exists()
    for old in ("/book-an-appointment/", "/?page_id=40"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, FORM)
    assert (
        'booking page: page 40 "Muscle spasm" (/book-an-appointment/) now leads to '
        f"{FORM}" in output
    )


def test_the_booking_page_can_be_named(client, db, export):
    output = run(
        export(page(40, "appointments"), page(41, "contact", content="[wpforms]")),
        appointment_page="appointments",
    )
    assert client.get("/appointments/")["Location"] == FORM
    assert list(Page.objects.values_list("slug", flat=True)) == ["contact"]
    assert "(/appointments/) now leads to" in output


def test_links_to_old_pages_lead_to_them_and_those_not_imported_are_listed(db, export):
    body = (
        '<p><a href="https://clinic.example/book-an-appointment/">Book</a>, '
        '<a href="/team/">our team</a>, <a href="https://clinic.example/about/">'
        'about</a>, <a href="https://other.example/x/">elsewhere</a></p>'
    )
    output = run(
        export(
            item(12, name="muscle-spasm", content=body),
            page(30, "about"),
            page(40, "book-an-appointment", content="[contact-form-7 id=1]"),
        )
    )
    assert (
        '    post 12 "Muscle spasm":\n'
        "      links to the old site with no page here: /team/\n"
    ) in output
    article = Article.objects.get()
    # Pages come after the posts: the links are made once they are imported.
    assert f'<a href="{FORM}">Book</a>' in article.body
    assert '<a href="/about/">about</a>' in article.body
    assert '<a href="https://other.example/x/"' in article.body


def test_a_page_s_body_is_converted_and_its_links_lead_here(db, export):
    content = (
        '<p><a href="https://clinic.example/muscle-spasm/">Spasms</a></p>'
        '[caption id="x" width="300"]<img src="/wp-content/uploads/2019/04/gone.jpg" '
        'alt="Gone"> A caption[/caption][unknown_shortcode]'
    )
    output = run(
        export(page(30, "about", content=content), item(12, name="muscle-spasm"))
    )
    body = Page.objects.get().body
    assert '<a href="/blog/muscle-spasm/">Spasms</a>' in body
    assert "[" not in body
    assert '    page 30 "Muscle spasm":\n' in output
    assert "shortcodes not understood, removed: unknown_shortcode" in output
