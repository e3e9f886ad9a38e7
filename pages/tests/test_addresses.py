"""Pages live at /<slug>/ and /<parent path>/<slug>/, never over a fixed address of
the site, and every address a public page had keeps leading to it."""

import pytest
from django.test import Client
from django.urls import include, path

from clinic.models import Redirect
from clinic_site import urls as site_urls
from pages.addresses import reserved_segments
from pages.models import Page
from pages.tests.conftest import ADD, change_url, form_errors

# A root URLconf with one fixed section more, as another app would add it.
urlpatterns = [
    path("patient-portal/", include(([], "portal"))),
    *site_urls.urlpatterns,
]


@pytest.mark.parametrize(
    "slug",
    [
        "blog",
        "appointments",
        "admin",
        "account",
        "search",
        "physicians",
        "locations",
        "healthz",
        "media",
        "static",
    ],
)
def test_a_page_cannot_take_a_fixed_address_of_the_site(editor_client, page_form, slug):
    response = editor_client.post(ADD, page_form(slug=slug))
    assert response.status_code == 200
    assert form_errors(response)["slug"] == [
        f"/{slug}/ is an address of the site itself, not a page. "
        "Choose another slug, or put the page under a parent."
    ]
    assert not Page.objects.exists()


def test_fixed_addresses_come_from_the_url_patterns_not_a_list(settings):
    assert {"physicians", "locations", "authors", "sitemap.xml"} <= reserved_segments()
    assert "patient-portal" not in reserved_segments()
    settings.ROOT_URLCONF = __name__
    assert "patient-portal" in reserved_segments()


def test_under_a_parent_any_slug_is_free(editor_client, page_form, make_page):
    about = make_page(slug="about")
    response = editor_client.post(ADD, page_form(slug="blog", parent=str(about.pk)))
    assert response.status_code == 302
    assert Page.objects.get(slug="blog").get_absolute_url() == "/about/blog/"


def test_two_pages_cannot_share_an_address(editor_client, page_form, make_page):
    about = make_page(slug="about")
    make_page(slug="team", parent=about)
    response = editor_client.post(ADD, page_form(slug="team", parent=str(about.pk)))
    assert form_errors(response)["slug"] == [
        "Another page has the address /about/team/ already."
    ]
    assert editor_client.post(ADD, page_form(slug="team")).status_code == 302


def test_a_page_cannot_sit_under_itself_or_its_subpages(
    editor_client, page_form, make_page
):
    about = make_page(slug="about")
    team = make_page(slug="team", parent=about)
    nurses = make_page(slug="nurses", parent=team)
    for new_parent in [about, team, nurses]:
        response = editor_client.post(
            change_url(about), page_form(slug="about", parent=str(new_parent.pk))
        )
        assert form_errors(response)["parent"] == [
            "A page cannot sit under itself or under one of its own subpages."
        ]
    about.refresh_from_db()
    assert about.parent is None


def test_a_nested_page_is_served_at_its_full_path(client, make_page):
    about = make_page(slug="about", title="About us")
    make_page(slug="insurance", parent=make_page(slug="billing", parent=about))
    assert client.get("/about/billing/insurance/").status_code == 200
    assert client.get("/insurance/").status_code == 404
    assert client.get("/about/billing/insurance").status_code == 301  # slash added


def test_an_address_with_a_dot_is_never_taken_for_a_page(client, make_page):
    make_page(slug="wp-login")
    response = client.get("/wp-login.php")
    assert response.status_code == 404


def test_a_renamed_parent_takes_its_subpages_along_and_old_addresses_redirect(
    client, make_page
):
    about = make_page(slug="about")
    team = make_page(slug="team", parent=about)
    nurses = make_page(slug="nurses", parent=team)
    about = Page.objects.get(pk=about.pk)
    about.slug = "about-us"
    about.save()
    nurses.refresh_from_db()
    assert nurses.get_absolute_url() == "/about-us/team/nurses/"
    for old, new in [
        ("/about/", "/about-us/"),
        ("/about/team/", "/about-us/team/"),
        ("/about/team/nurses/", "/about-us/team/nurses/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    assert client.get("/about-us/team/nurses/").status_code == 200


def test_a_page_moved_under_another_parent_redirects_from_where_it_was(
    editor_client, page_form, make_page
):
    services = make_page(slug="services")
    knee = make_page(slug="knee", title="Knee care", summary="")
    response = editor_client.post(
        change_url(knee),
        page_form(
            title="Knee care",
            slug="knee",
            summary="",
            parent=str(services.pk),
            status="published",
        ),
    )
    assert response.status_code == 302, form_errors(response)
    answer = Client().get("/knee/")
    assert (answer.status_code, answer["Location"]) == (301, "/services/knee/")


def test_moving_a_parent_does_not_reveal_a_draft_subpage(client, make_page):
    about = make_page(slug="about")
    make_page(slug="plans", parent=about, status=Page.Status.DRAFT)
    about = Page.objects.get(pk=about.pk)
    about.slug = "who-we-are"
    about.save()
    assert client.get("/about/plans/").status_code == 404
    assert client.get("/who-we-are/plans/").status_code == 404


def test_a_page_that_takes_back_an_old_address_is_served_there(client, make_page):
    about = Page.objects.get(pk=make_page(slug="about").pk)
    about.slug = "about-us"
    about.save()
    about.slug = "about"
    about.save()
    assert not Redirect.objects.filter(old_path="/about/").exists()
    assert client.get("/about/").status_code == 200
    answer = client.get("/about-us/")
    assert (answer.status_code, answer["Location"]) == (301, "/about/")
