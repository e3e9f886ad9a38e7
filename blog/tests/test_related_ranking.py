"""Related posts are ranked when content changes and kept (RelatedArticle): every
change that can move an article into or out of another's ranking ranks both again.
Articles here are in no category unless a test says so: Blog would relate them all."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from blog.models import Article, Category, RelatedArticle


def ranking(article) -> list[Article]:
    ranked = RelatedArticle.objects.filter(article=article).order_by("rank")
    return [row.related for row in ranked.select_related("related")]


def shown(client, article) -> str:
    return client.get(article.get_absolute_url()).content.decode()


def test_tagging_an_article_ranks_it_into_its_new_neighbours(make_article):
    article = make_article(tags=["meniscus"], categories=[])
    other = make_article(tags=["hip"], categories=[])
    assert other not in ranking(article)
    other.tags.add("meniscus")
    assert ranking(article) == [other]
    assert ranking(other) == [article]


def test_untagging_an_article_drops_it_from_its_former_neighbours(make_article):
    article = make_article(tags=["meniscus"], categories=[])
    other = make_article(tags=["meniscus"], categories=[])
    other.tags.remove("meniscus")
    assert ranking(article) == [] and ranking(other) == []


def test_a_shared_category_ranks_articles_together(make_article, blog_category):
    spine = Category.objects.create(name="Spine", slug="spine")
    article = make_article(categories=[spine])
    other = make_article(categories=[blog_category])
    assert other not in ranking(article)
    other.categories.add(spine)
    assert ranking(article)[0] == other


def test_an_editors_pick_comes_first_as_soon_as_it_is_made(make_article):
    article = make_article(tags=["knee"], categories=[])
    close = make_article(tags=["knee"], categories=[])
    pick = make_article(categories=[])
    link = article.related_pick_links.create(to_article=pick, position=0)
    assert ranking(article) == [pick, close]
    link.delete()
    assert ranking(article) == [close]


def test_a_draft_or_scheduled_neighbour_is_ranked_but_never_shown(client, make_article):
    article = make_article(tags=["knee"], categories=[])
    draft = make_article(
        title="A draft about knees", tags=["knee"], status=Article.Status.DRAFT
    )
    scheduled = make_article(
        title="Knees next week",
        tags=["knee"],
        published_at=timezone.now() + timedelta(days=7),
    )
    assert set(ranking(article)) == {draft, scheduled}
    page = shown(client, article)
    assert draft.title not in page and scheduled.title not in page


def test_a_scheduled_neighbour_is_shown_once_public(client, make_article, time_machine):
    article = make_article(tags=["rare-topic"], categories=[])
    later = make_article(
        title="Out in an hour",
        tags=["rare-topic"],
        published_at=timezone.now() + timedelta(hours=1),
    )
    assert later.title not in shown(client, article)
    time_machine(hours=2)
    assert later.title in shown(client, article)


def test_deleting_an_article_drops_it_from_every_ranking(client, make_article):
    article = make_article(tags=["knee"], categories=[])
    gone = make_article(title="Soon deleted", tags=["knee"], categories=[])
    assert ranking(article) == [gone]
    gone.delete()
    assert ranking(article) == []
    assert "Soon deleted" not in shown(client, article)


def test_the_command_ranks_every_article(make_article):
    article = make_article(tags=["knee"], categories=[])
    other = make_article(tags=["knee"], categories=[])
    RelatedArticle.objects.all().delete()
    out = StringIO()
    call_command("rank_related", stdout=out)
    assert ranking(article) == [other] and ranking(other) == [article]
    assert "2 articles" in out.getvalue()
