from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Article, Category
from blog.related import RANKED_CANDIDATES, related_ids


def related(article):
    article = Article.objects.prefetch_related("tags", "categories").get(pk=article.pk)
    ids = related_ids(article)
    found = Article.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


@pytest.fixture
def featured(db):
    return Category.objects.get(slug="featured")


@pytest.fixture
def news(db):
    return Category.objects.get(slug="news")


def test_editor_picks_come_first_in_their_order(make_article):
    article = make_article(tags=["knee"])
    close = make_article(tags=["knee"])
    first_pick, second_pick = make_article(), make_article()
    article.related_pick_links.create(to_article=second_pick, position=2)
    article.related_pick_links.create(to_article=first_pick, position=1)
    assert related(article)[:3] == [first_pick, second_pick, close]


def test_a_rare_shared_tag_outweighs_a_common_one(make_article):
    for _ in range(6):
        make_article(tags=["exercise"])
    article = make_article(tags=["exercise", "meniscus"])
    shares_rare = make_article(
        tags=["meniscus"], published_at=timezone.now() - timedelta(days=30)
    )
    shares_common = make_article(tags=["exercise"])
    result = related(article)
    assert result[0] == shares_rare
    assert result.index(shares_rare) < result.index(shares_common)


def test_two_shared_tags_beat_one(make_article):
    article = make_article(tags=["hip", "arthritis", "exercise"])
    one = make_article(tags=["hip"])
    two = make_article(
        tags=["hip", "arthritis"], published_at=timezone.now() - timedelta(days=9)
    )
    assert related(article)[:2] == [two, one]


def test_shared_topical_categories_rank_above_unrelated_articles(
    make_article, blog_category
):
    spine = Category.objects.create(name="Spine", slug="spine")
    article = make_article(categories=[spine])
    same_topic = make_article(
        categories=[spine], published_at=timezone.now() - timedelta(days=40)
    )
    make_article(categories=[blog_category])
    assert related(article)[0] == same_topic


def test_featured_and_news_alone_do_not_relate_articles(make_article, featured, news):
    article = make_article(categories=[featured, news])
    only_featured = make_article(
        categories=[featured, news], published_at=timezone.now() - timedelta(days=50)
    )
    newer_unrelated = [make_article(categories=[]) for _ in range(3)]
    result = related(article)
    assert only_featured not in result
    assert set(result) == set(newer_unrelated)  # filled with the newest instead


def test_always_three_when_three_others_are_public(make_article):
    article = make_article(tags=["unique-tag"])
    others = [make_article(categories=[]) for _ in range(4)]
    assert len(related(article)) == 3
    assert set(related(article)) <= set(others)


def test_fewer_only_when_fewer_others_are_public(make_article):
    article = make_article()
    other = make_article()
    make_article(status=Article.Status.DRAFT)
    assert related(article) == [other]


def test_older_public_articles_fill_in_when_the_newest_are_drafts(make_article):
    def dated(days_ago, **fields):
        moment = timezone.now() - timedelta(days=days_ago)
        return make_article(categories=[], published_at=moment, **fields)

    older = [dated(30 + n) for n in range(3)]
    # Drafts dated after the public articles: only published() keeps them out of
    # the newest articles that fill the block. So does it keep out scheduled ones.
    for n in range(RANKED_CANDIDATES - 2):
        dated(n + 1, status=Article.Status.DRAFT)
    dated(-1)
    article = dated(40)  # made last, sharing nothing
    assert set(related(article)) == set(older)


def test_never_itself_a_draft_or_a_scheduled_article(make_article):
    article = make_article(tags=["knee"])
    draft = make_article(tags=["knee"], status=Article.Status.DRAFT)
    scheduled = make_article(
        tags=["knee"], published_at=timezone.now() + timedelta(days=1)
    )
    article.related_pick_links.create(to_article=draft, position=0)
    result = related(article)
    assert article not in result and draft not in result and scheduled not in result


def test_a_scheduled_article_joins_related_posts_when_its_time_comes(
    make_article, time_machine
):
    article = make_article(tags=["rare-topic"])
    later = make_article(
        tags=["rare-topic"], published_at=timezone.now() + timedelta(hours=1)
    )
    assert later not in related(article)
    time_machine(hours=2)
    assert related(article)[0] == later


def test_the_article_page_shows_the_related_block(client, make_article):
    article = make_article(tags=["knee"])
    neighbour = make_article(title="A neighbouring article", tags=["knee"])
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Related articles" in page and neighbour.title in page
