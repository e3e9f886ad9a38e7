"""Related posts: the editor's picks first, then the closest by tags and categories.

Closeness is computed in the database in one ranking query whose work is bounded:
each tag and category contributes at most its newest CANDIDATES_PER_GROUP articles,
so a tag used by 50,000 articles costs no more than one used by 200. A tag counts
1 / ln(1 + n) for the n articles carrying it (counted up to RARITY_CAP), so a rare
tag outweighs a common one. Categories flagged not to relate (Featured, News)
contribute nothing; the newest articles come last, to fill the block. One more
query loads the cards of the best candidates, of which the public ones are kept;
another runs only in the rare case that nearly all of those are drafts or scheduled.
"""

from django.db import connection

from blog.models import Article, RelatedPick, TaggedArticle

CANDIDATES_PER_GROUP = 200
RARITY_CAP = 1000
RANKED_CANDIDATES = 12


def related_articles(article: Article, limit: int = 3) -> list[Article]:
    """Up to `limit` public articles to read next (tags, categories prefetched)."""
    tag_ids = [tag.pk for tag in article.tags.all()]
    category_ids = [c.pk for c in article.categories.all() if c.relates_articles]
    ranked_ids = _ranked_candidate_ids(article.pk, tag_ids, category_ids)
    candidates = Article.objects.for_cards().in_bulk(ranked_ids)
    chosen = [
        candidates[pk]
        for pk in ranked_ids
        if pk in candidates and candidates[pk].is_public
    ][:limit]
    if len(chosen) < limit and len(ranked_ids) == RANKED_CANDIDATES:
        # Rare: nearly all the best candidates are drafts or scheduled.
        newest = Article.objects.for_cards().published()
        newest = newest.exclude(pk__in=[article.pk, *(card.pk for card in chosen)])
        chosen += newest[: limit - len(chosen)]
    return chosen


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
    # The newest articles fill the block when too few share anything (one more
    # than needed: the article itself may be among them).
    branches.append(
        f"SELECT newest.id, 0, 32767, 0.0, 0 FROM (SELECT id FROM"
        f" {Article._meta.db_table} ORDER BY id DESC LIMIT {RANKED_CANDIDATES + 1})"
        " newest"
    )
    sql = (
        "SELECT article_id FROM (" + " UNION ALL ".join(branches) + ") candidates"
        " WHERE article_id <> %s GROUP BY article_id"
        " ORDER BY MAX(is_pick) DESC, MIN(pick_position), SUM(tag_score) DESC,"
        f" SUM(category_score) DESC, article_id DESC LIMIT {RANKED_CANDIDATES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, article_id])
        return [row[0] for row in cursor.fetchall()]
