"""A page makes a fixed number of queries, however many pages there are.

First visit, empty cache: the page, its public subpages, the site chrome (5: site
settings, categories, locations, menus, legal pages; and the locations' hours when
there are any) and the next scheduled publication (1); a nested page also looks up its
parents (1). From the page cache: none.
"""

import pytest
from django.core.cache import cache

PAGES = {"page": ("/about/", 8), "nested page": ("/about/team/nurses/", 9)}


def build_site(make_page, size):
    about = make_page(slug="about")
    team = make_page(slug="team", parent=about)
    make_page(slug="nurses", parent=team)
    for n in range(size - 3):
        make_page(parent=(about, team, None)[n % 3])


@pytest.mark.parametrize("size", [3, 40])
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_pages(
    client, make_page, django_assert_num_queries, page, size
):
    build_site(make_page, size)
    url, expected = PAGES[page]
    cache.clear()
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_page_from_the_page_cache_makes_no_query(
    client, make_page, django_assert_num_queries, page
):
    build_site(make_page, 3)
    url = PAGES[page][0]
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
