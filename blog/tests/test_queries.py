"""Every public page makes a fixed number of queries, whatever the amount of content.

Counts are for a first visit with an empty cache: the page itself, the site chrome
(5: site settings, categories, locations, menus and legal pages, and one more for
the locations' hours when there are locations; kept per content version afterwards;
feeds read only the settings, for their title) and, for pages the page cache keeps,
the next scheduled publication (1, kept per content version).
Category and tag pages of up to SMALL_GROUP articles look their members up (2);
larger ones take one query for the ids shown, and one more to count them (see
blog.views.group_page), as does the list of all articles. Each list of cards loads
the articles whose cards are not kept yet (1, see blog/cards.py). A page served
from the page cache makes none.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from blog.models import Category

PAGES = {
    # page: (address builder, queries)
    "home": (lambda a: "/", 9),  # no featured articles here: one list of cards
    "all articles": (lambda a: "/blog/", 9),  # the list, its count, its cards
    "category": (lambda a: "/blog/category/blog/", 10),
    "tag": (lambda a: reverse("blog:tag", args=["common"]), 10),
    # count, page, their links, links of articles not public
    "topics": (lambda a: reverse("blog:tag_list"), 10),
    # the article, its labels, related posts and their cards; its author (and
    # reviewer) for its kept text
    "article": (lambda a: a.get_absolute_url(), 11),
    "feed": (lambda a: "/blog/feed/", 4),
    "category feed": (lambda a: "/blog/category/blog/feed/", 5),
    # articles, categories, people, locations, pages
    "sitemap": (lambda a: "/sitemap.xml", 8),
}


def build_library(make_article, size):
    categories = [
        Category.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(8)
    ]
    blog = Category.objects.get(slug="blog")
    articles = []
    for n in range(size):
        tags = [
            "common",
            f"tag-{n % 7}",
            f"tag-{n % 11}",
            f"rare-{n}",
            f"pair-{n // 2}",
        ]
        article = make_article(
            tags=tags, categories=[blog, categories[n % 8], categories[(n + 3) % 8]]
        )
        articles.append(article)
    if size > 3:
        first = articles[0]
        for position, pick in enumerate(articles[1:4]):
            first.related_pick_links.create(to_article=pick, position=position)
    return articles


@pytest.mark.parametrize("size", [3, 60])
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_content(
    client, make_article, django_assert_num_queries, page, size
):
    articles = build_library(make_article, size)
    address, expected = PAGES[page]
    url = address(articles[0])
    cache.clear()
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_page_from_the_page_cache_makes_no_query(
    client, make_article, django_assert_num_queries, page
):
    articles = build_library(make_article, 3)
    url = PAGES[page][0](articles[0])
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_later_pages_of_a_list_cost_the_same(
    client, make_article, django_assert_num_queries
):
    build_library(make_article, 25)
    cache.clear()
    with django_assert_num_queries(9):
        assert client.get("/blog/?page=3").status_code == 200


def test_a_large_tag_is_listed_in_one_query(
    client, make_article, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr("blog.views.SMALL_GROUP", 2)
    build_library(make_article, 3)
    cache.clear()
    # tag, size check, count, list, cards; chrome 5; 1
    with django_assert_num_queries(11):
        assert client.get(reverse("blog:tag", args=["common"])).status_code == 200


def test_an_article_rendered_again_before_any_change_makes_three_queries(
    client, make_article, django_assert_num_queries, settings
):
    """What the page costs when the page cache misses but nothing changed (another
    query string, another server): its text, trail and JSON-LD are kept."""
    settings.PAGE_CACHE_SECONDS = 0
    url = build_library(make_article, 60)[0].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(3):  # the article, its labels, related posts
        assert client.get(url).status_code == 200
