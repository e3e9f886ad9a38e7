"""Full-text search over an article's title, summary, tag names and body.

PostgreSQL keeps a weighted tsvector column with a GIN index and ranks with
ts_rank; SQLite keeps an FTS5 table (Porter stemming) and ranks with bm25. Both are
created by migration 0003 and filled by `index_articles`, which runs whenever an
article or its tags change. A search ranks at most the MAX_MATCHES newest matching
articles, so a word found in half the library costs no more than a rare one.
Callers still pass the result through `Article.objects.published()`.
"""

import html
import re
import threading
from contextlib import contextmanager

from django.db import connection
from django.utils.html import strip_tags

from blog.models import Article

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_MATCHES = 200
INDEX_BATCH = 100  # articles read at once when indexing in bulk: keeps memory flat
_WORD = re.compile(r"\w+", re.UNICODE)
_deferred = threading.local()


def search_terms(query: str) -> list[str]:
    """The words of a visitor's query that can be searched for (may be empty)."""
    return _WORD.findall(query[:MAX_QUERY_LENGTH].lower())[:MAX_TERMS]


def matching_ids(query: str) -> list[int]:
    """Ids of articles matching every word of the query, best first (one query)."""
    terms = search_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _postgresql_matches(terms)
    return _sqlite_matches(terms)


def _postgresql_matches(terms: list[str]) -> list[int]:
    sql = (
        "SELECT id FROM (SELECT id, search_vector FROM blog_article"
        " WHERE search_vector @@ plainto_tsquery('english', %s)"
        f" ORDER BY id DESC LIMIT {MAX_MATCHES}) newest"
        " ORDER BY ts_rank(search_vector, plainto_tsquery('english', %s)) DESC, id DESC"
    )
    text = " ".join(terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, text])
        return [row[0] for row in cursor.fetchall()]


def _sqlite_matches(terms: list[str]) -> list[int]:
    expression = " ".join(f'"{term}"' for term in terms)  # \w+ holds no quote
    sql = (
        "SELECT rowid FROM (SELECT rowid,"
        " bm25(blog_article_search, 10.0, 4.0, 4.0, 1.0) AS score"
        " FROM blog_article_search WHERE blog_article_search MATCH %s"
        f" ORDER BY rowid DESC LIMIT {MAX_MATCHES}) newest ORDER BY score, rowid DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression])
        return [row[0] for row in cursor.fetchall()]


def reindex(article_ids) -> None:
    """Index these articles now, or at the end of a `deferred_indexing()` block."""
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        index_articles(article_ids)
    else:
        pending.update(article_ids)


@contextmanager
def deferred_indexing():
    """For bulk work (imports): index each changed article once, at the end."""
    _deferred.pending = pending = set()
    try:
        yield
    finally:
        _deferred.pending = None
    pending = sorted(pending)
    for start in range(0, len(pending), INDEX_BATCH):
        index_articles(pending[start : start + INDEX_BATCH])


def index_articles(article_ids) -> None:
    """(Re)write the search entries of these articles from the database."""
    articles = (
        Article.objects.filter(pk__in=list(article_ids))
        .only("title", "summary", "body")
        .prefetch_related("tags")
    )
    rows = [
        (
            article.pk,
            article.title,
            article.summary,
            " ".join(tag.name for tag in article.tags.all()),
            html.unescape(strip_tags(article.body)),
        )
        for article in articles
    ]
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                "UPDATE blog_article SET search_vector ="
                " setweight(to_tsvector('english', %s), 'A')"
                " || setweight(to_tsvector('english', %s), 'B')"
                " || setweight(to_tsvector('english', %s), 'B')"
                " || setweight(to_tsvector('english', %s), 'C') WHERE id = %s",
                [
                    (title, summary, tags, body, pk)
                    for pk, title, summary, tags, body in rows
                ],
            )
        else:
            cursor.executemany(
                "INSERT OR REPLACE INTO blog_article_search"
                " (rowid, title, summary, tags, body) VALUES (%s, %s, %s, %s, %s)",
                rows,
            )


def remove_article(article_id: int) -> None:
    if connection.vendor != "postgresql":  # PostgreSQL's entry goes with the row
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM blog_article_search WHERE rowid = %s", [article_id]
            )
