"""Related posts: the editor's picks first, then the closest by tags and categories.

They are ranked when content changes, not while a visitor waits: `refresh` ranks
an article's related posts and keeps the best RANKED_CANDIDATES as RelatedArticle
rows, drafts and scheduled articles included. blog/signals.py calls
`refresh_around` when an article's tags, categories or picks change;
`manage.py rank_related` ranks every article (the bench's data generator and the
migration that made the table run it). The article page reads the public ones in
one query, topped up with the newest public articles when fewer share anything,
and shows their kept cards (blog/cards.py).

Closeness is computed in the database in one ranking query per article whose work
is bounded: each tag and category contributes at most its newest
CANDIDATES_PER_GROUP articles, so a tag used by 50,000 articles costs no more than
one used by 200. A tag counts 1 / ln(1 + n) for the n articles carrying it (counted
up to RARITY_CAP), so a rare tag outweighs a common one. Categories flagged not to
relate (Featured, News) contribute nothing.

A change to one article can move it into or out of other articles' rankings: those
it now ranks are ranked again with it, and up to NEIGHBOURS of those that ranked it.
Farther effects (a tag's weight drifting as it spreads, a category's flag turned
off) wait for the next `manage.py rank_related`: they change the order, never what
is public.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.utils import timezone

from blog.models import Article, RelatedArticle, RelatedPick, TaggedArticle

CANDIDATES_PER_GROUP = 200
RARITY_CAP = 1000
RANKED_CANDIDATES = 12
NEIGHBOURS = 24
BATCH = 500


def related_ids(article: Article, limit: int = 3) -> list[int]:
    """The ids of up to `limit` public articles to read next: the best ranked, then
    the newest (one query).

    Written in SQL: built with the ORM, the query cost several times its own run.
    The rule of published() is applied to each list by joining the articles' public
    index: on the ranking alone, SQLite (which keeps no statistics) would walk every
    public article to find these few.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    status = Article.Status.PUBLISHED
    articles, ranking = Article._meta.db_table, RelatedArticle._meta.db_table
    sql = (
        "SELECT id FROM ("
        " SELECT * FROM (SELECT ranked.related_id AS id, ranked.rank,"
        f" public.published_at FROM {ranking} ranked JOIN {articles} public"
        " ON public.id = ranked.related_id"
        " WHERE ranked.article_id = %s AND public.status = %s"
        " AND public.published_at <= %s ORDER BY ranked.rank LIMIT %s) best"
        " UNION ALL"
        f" SELECT * FROM (SELECT id, {RANKED_CANDIDATES}, published_at FROM {articles}"
        " WHERE status = %s AND published_at <= %s AND id <> %s AND id NOT IN"
        f" (SELECT related_id FROM {ranking} WHERE article_id = %s)"
        " ORDER BY published_at DESC LIMIT %s) newest"
        ") chosen ORDER BY rank, published_at DESC LIMIT %s"
    )
    params = [article.pk, status, now, limit]  # the best ranked
    params += [status, now, article.pk, article.pk, limit]  # the newest
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def refresh_around(article_ids) -> None:
    """Rank these articles' related posts again, and those of the articles whose
    ranking may now take them in or leave them out."""
    ids = set(article_ids)
    if not ids:
        return
    ranked_them = RelatedArticle.objects.filter(related_id__in=ids).order_by(
        "-article_id"
    )
    neighbours = set(
        ranked_them.values_list("article_id", flat=True)[: NEIGHBOURS * len(ids)]
    )
    refresh(ids)
    neighbours.update(
        RelatedArticle.objects.filter(article_id__in=ids).values_list(
            "related_id", flat=True
        )
    )
    refresh(neighbours - ids)


def refresh_all() -> int:
    """Rank every article's related posts again, in batches; returns how many."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            refresh(ids[start : start + BATCH])
    return len(ids)


def refresh(article_ids) -> None:
    """Rank these articles' related posts and store them (four queries, and one
    per article)."""
    existing = Article.objects.filter(pk__in=article_ids)
    ids = sorted(existing.values_list("pk", flat=True))
    if not ids:
        return
    tags, categories = defaultdict(list), defaultdict(list)
    for article_id, tag_id in TaggedArticle.objects.filter(
        content_object_id__in=ids
    ).values_list("content_object_id", "tag_id"):
        tags[article_id].append(tag_id)
    for article_id, category_id in Article.categories.through.objects.filter(
        article_id__in=ids, category__relates_articles=True
    ).values_list("article_id", "category_id"):
        categories[article_id].append(category_id)
    rows = [
        RelatedArticle(article_id=article_id, related_id=related_id, rank=rank)
        for article_id in ids
        for rank, related_id in enumerate(
            _ranked_candidate_ids(article_id, tags[article_id], categories[article_id])
        )
    ]
    RelatedArticle.objects.filter(article_id__in=ids).delete()
    RelatedArticle.objects.bulk_create(rows)


def _ranked_candidate_ids(article_id, tag_ids, category_ids) -> list[int]:
    picks = RelatedPick._meta.db_table
    tagged = TaggedArticle._meta.db_table
    in_category = Article.categories.through._meta.db_table
    branches = [
        f"SELECT to_article_id AS article_id, 1 AS is_pick,"
        f" position AS pick_position, 0.0 AS tag_score, 0 AS category_score"
        f" FROM {picks} WHERE from_article_id = %s"
    ]
    params: list = [article_id]
    for tag_id in tag_ids:
        branches.append(
            f"SELECT tagged.content_object_id, 0, 32767, weight.value, 0"
            f" FROM (SELECT content_object_id FROM {tagged} WHERE tag_id = %s"
            f" ORDER BY content_object_id DESC LIMIT {CANDIDATES_PER_GROUP}) tagged,"
            f" (SELECT 1.0 / LN(1 + COUNT(*)) AS value FROM (SELECT 1 FROM {tagged}"
            f" WHERE tag_id = %s LIMIT {RARITY_CAP}) counted) weight"
        )
        params += [tag_id, tag_id]
    for category_id in category_ids:
        branches.append(
            f"SELECT member.article_id, 0, 32767, 0.0, 1"
            f" FROM (SELECT article_id FROM {in_category} WHERE category_id = %s"
            f" ORDER BY article_id DESC LIMIT {CANDIDATES_PER_GROUP}) member"
        )
        params.append(category_id)
    sql = (
        "SELECT article_id FROM (" + " UNION ALL ".join(branches) + ") candidates"
        " WHERE article_id <> %s GROUP BY article_id"
        " ORDER BY MAX(is_pick) DESC, MIN(pick_position), SUM(tag_score) DESC,"
        f" SUM(category_score) DESC, article_id DESC LIMIT {RANKED_CANDIDATES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, article_id])
        return [row[0] for row in cursor.fetchall()]
