"""The site search: public pages first, then articles, at /search/."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from blog.models import Article
from clinic.pagination import PER_PAGE
from conftest import listed_articles
from pages.models import Page
from search.views import MAX_PAGES


def found_pages(response) -> list[str]:
    return [page.get_absolute_url() for page in response.context["pages"]]


def test_search_finds_words_in_title_summary_body_and_tags(client, make_article):
    by_title = make_article(title="Meniscus tears")
    by_summary = make_article(summary="About the meniscus.")
    by_body = make_article(body="<p>The meniscus cushions the knee.</p>")
    by_tag = make_article(tags=["meniscus"])
    make_article(title="Unrelated")
    make_article(title="Meniscus draft", status=Article.Status.DRAFT)
    items = listed_articles(client.get("/search/", {"q": "meniscus"}))
    assert set(items) == {by_title, by_summary, by_body, by_tag}
    assert items[0] == by_title  # a title match ranks first


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", "a" * 5000, '"OR" NEAR(*', "%%", "_"]
)
def test_search_survives_empty_and_absurd_queries(
    client, make_article, make_page, query
):
    make_article()
    make_page()
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["pages"] == []
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_matching_pages_come_above_the_articles(client, make_article, make_page):
    make_article(title="Knee pain on the stairs")
    make_page(slug="knee", title="Knee and hip care")
    page = client.get("/search/", {"q": "knee"}).content.decode()
    assert page.index('href="/knee/"') < page.index('href="/blog/article-')
    assert "1 page and 1 article found for “knee”." in page


def test_pages_match_every_word_in_title_summary_or_body(client, make_page):
    make_page(slug="title", title="Insurance plans")
    make_page(slug="summary", summary="Which insurance plans we take.")
    make_page(slug="body", body="<p>Most <em>insurance</em> plans work.</p>")
    make_page(slug="one-word", title="Insurance")
    response = client.get("/search/", {"q": "insurance plans"})
    assert sorted(found_pages(response)) == ["/body/", "/summary/", "/title/"]
    assert found_pages(response)[0] == "/title/"  # every word in the title


def test_only_public_pages_are_found(client, make_page):
    make_page(slug="public", title="Billing")
    make_page(slug="draft", title="Billing draft", status=Page.Status.DRAFT)
    make_page(
        slug="later", title="Billing later", published_at=timezone.now() + timedelta(1)
    )
    assert found_pages(client.get("/search/", {"q": "billing"})) == ["/public/"]


def test_a_common_word_shows_a_bounded_number_of_pages(client, make_page):
    for _ in range(MAX_PAGES + 3):
        make_page(body="<p>Our clinic.</p>")
    assert len(found_pages(client.get("/search/", {"q": "clinic"}))) == MAX_PAGES


def test_pages_are_shown_on_the_first_page_of_results_only(
    client, make_article, make_page
):
    for _ in range(13):
        make_article(title="Shoulder exercises")
    make_page(slug="shoulder", title="Shoulder care")
    assert found_pages(client.get("/search/", {"q": "shoulder"})) == ["/shoulder/"]
    second = client.get("/search/", {"q": "shoulder", "page": "2"})
    assert found_pages(second) == []
    assert len(second.context["page"].items) == 1


def test_a_page_found_without_articles_is_still_shown(client, make_page):
    make_page(slug="accessibility", title="Accessibility statement")
    page = client.get("/search/", {"q": "accessibility"}).content.decode()
    assert 'href="/accessibility/"' in page
    assert "Nothing found" not in page


def test_nothing_found_says_so(client, make_article, make_page):
    make_article()
    make_page()
    page = client.get("/search/", {"q": "zebra"}).content.decode()
    assert "Nothing found for “zebra”." in page


def test_the_old_search_address_redirects_with_its_query(client, db):
    response = client.get("/blog/search/", {"q": "knee pain", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=knee+pain&page=2"


def test_the_header_search_form_searches_the_whole_site(client, db):
    page = client.get("/").content.decode()
    form = re.search(r'<form class="search-form"[^>]*>', page).group(0)
    assert 'action="/search/"' in form


@pytest.mark.parametrize("size", [3, 40])
def test_query_count_does_not_grow_with_content(
    client, make_article, make_page, django_assert_num_queries, size
):
    # site chrome (5: settings, categories, locations, menus, legal pages), synonyms
    # (1), articles' index (1), their publication (1), cards (1), physicians (1),
    # locations (1), pages (1)
    for n in range(size):
        make_article(tags=["common"])
        make_page(body=f"<p>Summary {n}.</p>")
    cache.clear()
    with django_assert_num_queries(12):
        response = client.get("/search/", {"q": "summary"})
    assert response.context["page"].items and response.context["pages"]


def test_matching_words_are_marked_in_each_result(client, make_article):
    make_article(title="Knee pain", summary="Knees & stairs: <why> they ache.")
    page = client.get("/search/", {"q": "kne"}).content.decode()
    assert "<mark>Knee</mark> pain" in page
    assert "<mark>Knees</mark> &amp; stairs: &lt;why&gt; they ache." in page


def test_only_the_title_and_summary_of_a_result_are_marked(client, make_article):
    article = make_article(title="Knee pain", slug="knee-pain", summary="Knee care.")
    listed = client.get("/blog/").content.decode()  # keeps the card for the search
    assert article.get_absolute_url() in listed
    page = client.get("/search/", {"q": "knee"}).content.decode()
    assert f'<a href="{article.get_absolute_url()}"><mark>Knee</mark> pain</a>' in page
    assert "<p><mark>Knee</mark> care.</p>" in page
    assert page.count("<mark>") == 2


def test_the_query_is_echoed_safely(client, make_article):
    make_article(title="Knee pain")
    page = client.get("/search/", {"q": "<script>knee</script>"}).content.decode()
    assert "<script>knee" not in page
    assert "&lt;script&gt;knee&lt;/script&gt;" in page


def test_ranked_results_are_paged_by_next_and_previous(client, make_article):
    for _ in range(PER_PAGE + 1):
        make_article(title="Hip exercises")
    first = client.get("/search/", {"q": "hip"}).content.decode()
    assert 'href="?q=hip&amp;page=2">Next →</a>' in first
    assert "Older" not in first
    second = client.get("/search/", {"q": "hip", "page": "2"}).content.decode()
    assert 'href="?q=hip&amp;page=1">← Previous</a>' in second


def test_physicians_and_locations_matching_come_first_as_cards(
    client, make_article, author, make_location
):
    author.role = "Orthopedic surgeon, knee"
    author.save()
    make_location(name="Riverside: Waltham", city="Waltham")
    article = make_article(title="Knee pain in Waltham").get_absolute_url()
    page = client.get("/search/", {"q": "waltham"}).content.decode()
    assert page.index("Riverside: Waltham") < page.index(article)
    page = client.get("/search/", {"q": "whitfield knee"}).content.decode()
    assert page.index('class="person-card"') < page.index(article)
    assert "1 physician, 1 article found" in page


def test_a_changed_physician_or_location_shows_in_the_next_search(
    client, make_article, author, make_location
):
    make_article(title="Knee pain in Waltham")
    location = make_location(name="Riverside: Waltham", city="Waltham")
    assert "1 location, 1 article found" in search_page(client, "waltham")
    location.active = False
    location.save()
    author.role = "Sports medicine, Waltham"
    author.save()
    assert "1 physician, 1 article found" in search_page(client, "waltham")


def search_page(client, query: str) -> str:
    return client.get("/search/", {"q": query}).content.decode()


def test_nothing_found_offers_ways_on(client, make_article):
    make_article(title="Knee pain", tags=["knee"])
    page = client.get("/search/", {"q": "zebra"}).content.decode()
    assert 'href="/blog/tag/knee/"' in page  # a popular topic
    assert 'href="/blog/category/' in page
    assert 'href="/appointments/request/"' in page
    assert 'href="tel:' in page


def test_a_corrected_search_pins_its_query_count(
    client, make_article, django_assert_num_queries
):
    make_article(title="Carpal tunnel")
    cache.clear()
    # 12 as above, less the publication of what was found as typed (nothing), plus:
    # the known words (1), words near "carpel" (1), the corrected search and its
    # publication (2); no lookup for "tunnel", which articles hold
    with django_assert_num_queries(15):
        response = client.get("/search/", {"q": "carpel tunnel"})
    assert response.context["search"].corrected
