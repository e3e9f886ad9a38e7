"""Drafts and scheduled articles stay off every public surface until their time."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from blog.models import Article, Category

SURFACES = {
    "home": "/",
    "all articles": "/blog/",
    "category": "/blog/category/news/",
    "tag": "/blog/tag/zygapophysis/",
    "search": "/search/?q=zygapophysis",
    "feed": "/blog/feed/",
    "category feed": "/blog/category/news/feed/",
    "sitemap": "/sitemap.xml",
}


@pytest.fixture
def hidden(make_article):
    news = Category.objects.get(slug="news")
    neighbour = make_article(
        title="Neighbour", tags=["zygapophysis"], categories=[news]
    )
    draft = make_article(
        title="Zygapophysis draft",
        slug="zyg-draft",
        status=Article.Status.DRAFT,
        tags=["zygapophysis"],
        categories=[news],
    )
    scheduled = make_article(
        title="Zygapophysis scheduled",
        slug="zyg-scheduled",
        published_at=timezone.now() + timedelta(hours=2),
        tags=["zygapophysis"],
        categories=[news],
    )
    return neighbour, draft, scheduled


def shows(client, url, article) -> bool:
    page = client.get(url).content.decode()
    return article.title in page or article.get_absolute_url() in page


@pytest.mark.parametrize("surface", SURFACES)
def test_unpublished_articles_are_on_no_public_surface(client, hidden, surface):
    _, draft, scheduled = hidden
    assert not shows(client, SURFACES[surface], draft)
    assert not shows(client, SURFACES[surface], scheduled)


def test_unpublished_articles_are_not_related_posts_or_counted(client, hidden):
    neighbour, draft, scheduled = hidden
    page = client.get(neighbour.get_absolute_url()).content.decode()
    assert draft.title not in page and scheduled.title not in page
    search = client.get("/search/", {"q": "zygapophysis"})
    assert search.context["result_count"] == 1


@pytest.mark.parametrize("surface", SURFACES)
def test_a_scheduled_article_is_on_every_surface_once_its_time_has_come(
    client, hidden, time_machine, surface
):
    _, draft, scheduled = hidden
    time_machine(hours=3)
    cache.clear()  # the page cache runs on the real clock (see test_page_cache.py)
    assert shows(client, SURFACES[surface], scheduled)
    assert not shows(client, SURFACES[surface], draft)
