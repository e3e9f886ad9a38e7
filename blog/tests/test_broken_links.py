"""The before-publishing checklist names links in the body to addresses on this
site that answer 404, resolved without fetching anything."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.urls import reverse
from taggit.models import Tag

from blog.models import Article
from clinic.models import Redirect
from clinic.site_links import broken_links


def link(href: str) -> str:
    return f'<a href="{href}">x</a>'


def checklist_of(client, article) -> str:
    response = client.get(reverse("admin:blog_article_change", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def site(make_article, make_page, location, author):
    """One public thing of each kind, and one draft of each publishable kind."""
    Tag.objects.create(name="Knee", slug="knee")
    make_article(slug="knee-pain")
    make_article(slug="draft-article", status=Article.Status.DRAFT)
    about = make_page(slug="about")
    make_page(slug="insurance", parent=about)
    make_page(slug="secret", status=Article.Status.DRAFT)


WORKING = [
    "/",
    "/blog/",
    "/blog/knee-pain/",
    "/blog/knee-pain",  # the slash Django appends
    "../knee-pain/",  # relative to the article's own address
    "/blog/knee-pain/#rest",
    "/blog/category/blog/",
    "/blog/tag/knee/",
    "/blog/tag/Knee/",
    "/about/",
    "/about/insurance/",
    "/physicians/dana-whitfield/",
    "/authors/dana-whitfield/",
    "/locations/cambridge/",
    "/appointments/request/",
    "#section",
    "?page=2",
    "mailto:desk@example.org",
    "tel:+16175550110",
    "https://example.org/no-such-page/",  # another site: never fetched
    "/media/leaflet.pdf",
]
BROKEN = [
    "/blog/no-such-article/",
    "/blog/draft-article/",
    "/blog/category/nothing/",
    "/blog/tag/nothing/",
    "/about/nothing/",
    "/secret/",
    "/physicians/nobody/",
    "/locations/atlantis/",
    "/wp-login.php",
    "knee-pain/",  # relative: /blog/article-x/knee-pain/
]


@pytest.mark.parametrize("href", WORKING)
def test_a_link_to_something_that_answers_is_not_named(site, href):
    assert broken_links(link(href), base="/blog/article-x/") == []


@pytest.mark.parametrize("href", BROKEN)
def test_a_link_to_something_missing_or_not_public_is_named(site, href):
    assert broken_links(link(href), base="/blog/article-x/") == [href]


@override_settings(SITE_URL="https://clinic.example")
def test_an_absolute_link_to_this_site_is_checked_like_a_path(site):
    body = link("https://clinic.example/blog/knee-pain/") + link(
        "https://clinic.example/blog/gone/"
    )
    assert broken_links(body) == ["https://clinic.example/blog/gone/"]


def test_an_old_address_counts_while_what_it_leads_to_is_public(make_article):
    article = make_article(slug="knee-pain")
    article.slug = "knee-pain-explained"
    article.save()
    assert Redirect.objects.filter(old_path="/blog/knee-pain/").exists()
    body = link("/blog/knee-pain/")
    assert broken_links(body) == []
    article.status = Article.Status.DRAFT
    article.save()
    assert broken_links(body) == ["/blog/knee-pain/"]


def test_an_old_address_outside_any_pattern_counts(make_article):
    article = make_article()
    Redirect.objects.create(
        old_path="/2019/05/knee-pain.html",
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
    )
    assert broken_links(link("/2019/05/knee-pain.html")) == []


def test_many_links_cost_one_query_per_kind(site, django_assert_num_queries):
    body = "".join(
        link(href)
        for n in range(30)
        for href in (
            f"/blog/article-{n}/",
            f"/blog/category/c-{n}/",
            f"/blog/tag/t-{n}/",
            f"/about/p-{n}/",
            f"/physicians/p-{n}/",
            f"/locations/l-{n}/",
            f"/old/{n}/",
        )
    )
    # articles, categories, tags, pages, people, locations, then old addresses
    with django_assert_num_queries(7):
        broken = broken_links(body)
    assert len(broken) == 7 * 30


def test_the_checklist_names_the_broken_links(client, editor, sign_in, make_article):
    make_article(slug="knee-pain")
    article = make_article(
        body="<p>"
        + link("/blog/knee-pain/")
        + link("/blog/kne-pain/")
        + link("/blog/<script>/")
        + "</p>"
    )
    sign_in(editor)
    page = checklist_of(client, article)
    assert "answer 404: /blog/kne-pain/, /blog/&lt;script&gt;/." in page
    assert "/blog/knee-pain/," not in page


def test_the_checklist_is_quiet_when_every_link_answers(
    client, editor, sign_in, make_article
):
    make_article(slug="knee-pain")
    article = make_article(body=link("/blog/knee-pain/"))
    sign_in(editor)
    assert "answer 404" not in checklist_of(client, article)
