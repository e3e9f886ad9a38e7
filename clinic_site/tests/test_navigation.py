"""The menus editors choose in the admin: the header's and the footer's links, in
their order, shown from the cache without a query per item; the footer also lists
the published legal pages."""

import logging
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.models import Category
from clinic_site.models import MenuItem
from conftest import error_beside
from pages.models import Page

ADD = reverse("admin:clinic_site_menuitem_add")
LIST = reverse("admin:clinic_site_menuitem_changelist")


@pytest.fixture
def no_menus(db):
    MenuItem.objects.all().delete()


def header_links(client) -> list[tuple[str, str]]:
    """(text, address) of the header menu's links, in order."""
    page = client.get("/").content.decode()
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', page, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def footer_links(client) -> list[tuple[str, str]]:
    page = client.get("/").content.decode()
    nav = re.search(r'<nav class="footer-links"[^>]*>(.*?)</nav>', page, re.S)
    return re.findall(
        r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1) if nav else ""
    )


def test_a_new_site_starts_with_sensible_menus(db):
    header = MenuItem.objects.filter(menu=MenuItem.Menu.HEADER)
    footer = MenuItem.objects.filter(menu=MenuItem.Menu.FOOTER)
    assert [item.section for item in header] == [
        "clinic:physician_list",
        "clinic:location_list",
        "blog:article_list",
    ]
    assert [item.section for item in footer] == [
        "appointments:request",
        "clinic:physician_list",
        "clinic:location_list",
        "blog:article_list",
    ]
    assert header_links(Client()) == [
        ("/physicians/", "Physicians"),
        ("/locations/", "Locations"),
        ("/blog/", "All articles"),
    ]


def test_each_kind_of_target_leads_where_it_should(client, no_menus, make_page):
    about = make_page(title="About us", slug="about-us")
    news = Category.objects.get(slug="news")
    header = MenuItem.Menu.HEADER
    MenuItem.objects.create(menu=header, position=1, page=about)
    MenuItem.objects.create(menu=header, position=2, category=news, label="Clinic news")
    MenuItem.objects.create(menu=header, position=3, section="appointments:request")
    MenuItem.objects.create(
        menu=header, position=4, url="https://portal.example/", label="Patient portal"
    )
    assert header_links(client) == [
        ("/about-us/", "About us"),
        ("/blog/category/news/", "Clinic news"),
        ("/appointments/request/", "Request an appointment"),
        ("https://portal.example/", "Patient portal"),
    ]


def test_the_header_marks_the_page_being_read(client, no_menus):
    MenuItem.objects.create(section="blog:article_list")
    assert '<a href="/blog/" aria-current="page">' in client.get("/blog/").text
    assert 'aria-current="page"' not in client.get("/").text


def test_the_search_box_holds_the_words_searched_for_on_the_results_page_only(
    client, no_menus
):
    box = re.compile(r'<input id="site-search"[^>]* value="([^"]*)"')
    client.get("/")
    assert box.search(client.get("/search/", {"q": "knee pain"}).text)[1] == "knee pain"
    assert box.search(client.get("/").text)[1] == ""


def test_an_unpublished_page_is_left_out_until_it_is_published(
    client, no_menus, make_page
):
    draft = make_page(
        title="Insurance", slug="insurance", status=Page.Status.DRAFT, published_at=None
    )
    MenuItem.objects.create(page=draft)
    assert header_links(client) == []
    draft.status = Page.Status.PUBLISHED
    draft.save()
    assert header_links(client) == [("/insurance/", "Insurance")]


def test_scheduled_pages_join_the_menu_and_the_footer_when_they_go_public(
    client, no_menus, make_page, settings, time_machine
):
    settings.PAGE_CACHE_SECONDS = 0  # the chrome alone: whole pages have their rule
    soon = timezone.now() + timedelta(minutes=5)
    about = make_page(title="About us", slug="about-us", published_at=soon)
    make_page(title="Terms", slug="terms", kind=Page.Kind.POLICY, published_at=soon)
    MenuItem.objects.create(page=about)
    assert header_links(client) == []
    assert footer_links(client) == []  # the chrome, now kept
    time_machine(minutes=4)
    assert header_links(client) == []
    time_machine(minutes=1, seconds=1)
    assert header_links(client) == [("/about-us/", "About us")]
    assert footer_links(client) == [("/terms/", "Terms")]


def test_a_section_this_site_lacks_is_left_out_and_logged(client, no_menus, caplog):
    MenuItem.objects.create(section="clinic:nowhere")
    MenuItem.objects.create(section="blog:article_list")
    with caplog.at_level(logging.WARNING, logger="clinic_site.navigation"):
        assert header_links(client) == [("/blog/", "All articles")]
    assert "clinic:nowhere has no address" in caplog.text


# The footer


def test_the_footer_lists_its_links_then_the_published_legal_pages(
    client, no_menus, make_page
):
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, section="blog:article_list")
    make_page(
        title="Accessibility statement",
        slug="accessibility-statement",
        kind=Page.Kind.POLICY,
    )
    make_page(
        title="Notice of privacy practices",
        slug="notice-of-privacy-practices",
        kind=Page.Kind.PRIVACY,
    )
    make_page(
        title="Terms of use",
        slug="terms-of-use",
        kind=Page.Kind.POLICY,
        status=Page.Status.DRAFT,
        published_at=None,
    )
    make_page(title="About us", slug="about-us")
    assert footer_links(client) == [
        ("/blog/", "All articles"),
        ("/notice-of-privacy-practices/", "Notice of privacy practices"),
        ("/accessibility-statement/", "Accessibility statement"),
    ]


# Editors and the admin


@pytest.fixture
def item_form():
    """POST data for the admin's menu item form; override by keyword."""

    def form(**overrides):
        data = {
            "menu": "header",
            "position": "5",
            "label": "",
            "page": "",
            "category": "",
            "section": "",
            "url": "",
        }
        return data | overrides

    return form


def test_an_editor_adds_a_link_that_shows_at_the_next_request(
    editor_client, item_form, make_page
):
    visitor = Client()
    assert ("/about-us/", "About us") not in header_links(visitor)  # now cached
    about = make_page(title="About us", slug="about-us")
    response = editor_client.post(ADD, item_form(page=str(about.pk), position="99"))
    assert response.status_code == 302, response.context["adminform"].errors
    assert header_links(visitor)[-1] == ("/about-us/", "About us")


@pytest.mark.parametrize(
    ("change", "fields", "message"),
    [
        ({}, ["page"], "Choose where the link leads"),
        (
            {"section": "blog:article_list", "url": "https://a.example/", "label": "A"},
            ["section", "url"],
            "Choose only one place for the link to lead",
        ),
        ({"url": "https://portal.example/"}, ["label"], "Give the link its words"),
        (
            {"url": "javascript:alert(1)", "label": "Portal"},
            ["url"],
            "Enter a valid URL.",
        ),
        (
            {"url": "ftp://files.example/", "label": "Files"},
            ["url"],
            "starts with https://",
        ),
    ],
    ids=["no target", "two targets", "no label", "script address", "ftp address"],
)
def test_a_mistake_is_shown_beside_its_field(
    editor_client, item_form, no_menus, change, fields, message
):
    response = editor_client.post(ADD, item_form(**change))
    assert response.status_code == 200
    for field in fields:
        assert message in error_beside(response, field), field
    assert not MenuItem.objects.exists()


def test_the_order_follows_the_positions_editors_set_in_the_list(
    editor_client, no_menus
):
    header = MenuItem.Menu.HEADER
    first = MenuItem.objects.create(
        menu=header, position=1, section="blog:article_list"
    )
    second = MenuItem.objects.create(
        menu=header, position=2, section="appointments:request"
    )
    visitor = Client()
    assert [text for _, text in header_links(visitor)] == [
        "All articles",
        "Request an appointment",
    ]
    response = editor_client.post(
        LIST,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(first.pk),
            "form-0-position": "9",
            "form-1-id": str(second.pk),
            "form-1-position": "1",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert [text for _, text in header_links(visitor)] == [
        "Request an appointment",
        "All articles",
    ]


def test_the_list_says_where_each_link_leads(editor_client, no_menus, make_page):
    MenuItem.objects.create(
        page=make_page(
            title="Insurance",
            slug="insurance",
            status=Page.Status.DRAFT,
            published_at=None,
        )
    )
    MenuItem.objects.create(section="clinic:location_list")
    page = editor_client.get(LIST).content.decode()
    assert "Page: Insurance (not published: not shown)" in page
    assert "Section: Locations" in page


# Speed


@pytest.mark.parametrize("size", [2, 20])
def test_menus_of_any_length_cost_the_same_queries(
    client, no_menus, make_page, django_assert_num_queries, size
):
    for n in range(size):
        if n % 2:
            MenuItem.objects.create(page=make_page(), position=n)
        else:
            category = Category.objects.create(name=f"Topic {n}", slug=f"topic-{n}")
            MenuItem.objects.create(
                menu=MenuItem.Menu.FOOTER, category=category, position=n
            )
    cache.clear()
    # home: featured, latest; chrome: settings, categories, locations, menus, legal
    # pages; next publication
    with django_assert_num_queries(8):
        assert client.get("/").status_code == 200
    assert len(header_links(client)) == size // 2


def test_a_renamed_page_shows_in_the_menu_at_the_next_request(
    client, no_menus, make_page
):
    about = make_page(title="About us", slug="about-us")
    MenuItem.objects.create(page=about)
    assert header_links(client) == [("/about-us/", "About us")]
    about.title = "Who we are"
    about.save()
    assert header_links(client) == [("/about-us/", "Who we are")]
