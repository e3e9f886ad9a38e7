"""bench.generate_data makes the advertised shape, the same way every time."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from bench import generate_data
from bench.generate_data import COMMON_SEARCH_WORD, RARE_SEARCH_WORD, TOPICS
from blog import search
from blog.models import Article, Category, RelatedPick, TaggedArticle

ARTICLES = 200


def generate(**options):
    output = io.StringIO()
    call_command(
        generate_data.Command(),
        articles=ARTICLES,
        today=timezone.localdate(),
        stdout=output,
        **options,
    )
    return output.getvalue()


def snapshot() -> dict:
    """Everything generated, by value (picture files get random names: not those)."""
    through = Article.categories.through
    return {
        "articles": list(
            Article.objects.order_by("pk").values_list(
                "pk",
                "title",
                "slug",
                "summary",
                "body",
                "status",
                "published_at",
                "created_at",
                "updated_at",
                "author__slug",
                "medical_reviewer__slug",
                "reviewed_on",
                "reading_minutes",
                "featured_image_alt",
                "image_width",
                "image_height",
            )
        ),
        "categories": sorted(through.objects.values_list("article", "category__slug")),
        "tags": sorted(
            TaggedArticle.objects.values_list("content_object", "tag__name")
        ),
        "picks": sorted(
            RelatedPick.objects.values_list("from_article", "to_article", "position")
        ),
    }


def indexed_count() -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT COUNT(*) FROM blog_article WHERE search_vector IS NOT NULL"
            )
        else:
            cursor.execute("SELECT COUNT(*) FROM blog_article_search")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_makes_the_advertised_shape():
    report = generate()

    assert f"articles {ARTICLES}: 196 published, 2 scheduled, 2 drafts" in report
    assert Article.objects.count() == ARTICLES
    assert Article.objects.published().count() == 196
    assert Article.objects.scheduled().count() == 2
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 2
    assert Tag.objects.count() == ARTICLES // 2
    assert TaggedArticle.objects.count() == 5 * ARTICLES
    per_article = Counter(
        TaggedArticle.objects.values_list("content_object", flat=True)
    )
    assert set(per_article.values()) <= set(range(1, 11))
    per_tag = Counter(TaggedArticle.objects.values_list("tag", flat=True)).most_common()
    assert per_tag[0][1] > 10 * per_tag[len(per_tag) // 2][1]  # a long tail

    members = Counter(
        Article.categories.through.objects.values_list("category__slug", flat=True)
    )
    assert members["blog"] >= 0.9 * ARTICLES
    assert 1 <= members["featured"] <= 0.15 * ARTICLES
    assert 1 <= members["news"] <= 0.15 * ARTICLES
    topical = {topic.slug for topic in TOPICS}
    assert Category.objects.filter(slug__in=topical).count() == len(TOPICS)
    assert sum(members[slug] for slug in topical) >= ARTICLES

    illustrated = Article.objects.exclude(featured_image="")
    assert 0.7 * ARTICLES <= illustrated.count() < ARTICLES
    assert illustrated.values("featured_image").distinct().count() == 8
    assert not illustrated.filter(featured_image_alt="").exists()
    assert 1 <= RelatedPick.objects.values("from_article").distinct().count() <= 10
    assert 3 <= Article.objects.values("author").distinct().count() <= 10

    article = Article.objects.published().order_by("pk").first()
    assert 700 <= len(article.body.split()) and article.reading_minutes >= 4
    assert all(tag in article.body for tag in ("<h2 id=", "<h3 id=", "<ul>", "<p>"))
    assert indexed_count() == ARTICLES
    assert len(articles_with(RARE_SEARCH_WORD)) >= 12
    assert len(articles_with(COMMON_SEARCH_WORD)) == ARTICLES


def articles_with(word: str) -> list[int]:
    """The articles the search index finds for one exact word."""
    return search.matching_ids([((search.Term(word),),)])


@pytest.mark.django_db
def test_public_pages_render(client):
    generate()
    article = Article.objects.published().order_by("-pk").first()
    tag = Tag.objects.order_by("pk").first()
    search_page = reverse("search:search")
    pages = [
        reverse("blog:home"),
        reverse("blog:article_list"),
        reverse("blog:category", args=[TOPICS[0].slug]),
        reverse("blog:tag", args=[tag.slug]),
        article.get_absolute_url(),
        f"{search_page}?q={COMMON_SEARCH_WORD}",
        f"{search_page}?q={RARE_SEARCH_WORD}",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    assert "found for" in response.content.decode()
    draft = Article.objects.filter(status=Article.Status.DRAFT).first()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_is_deterministic_and_replaces_only_when_told():
    generate(seed=3)
    first = snapshot()

    with pytest.raises(CommandError, match="--yes-replace-content"):
        generate(seed=3)
    assert snapshot() == first

    report = generate(seed=3, yes_replace_content=True)
    assert f"deleted {ARTICLES} articles first" in report
    assert snapshot() == first
    assert Tag.objects.count() == ARTICLES // 2

    generate(seed=4, yes_replace_content=True)
    assert snapshot()["articles"] != first["articles"]
