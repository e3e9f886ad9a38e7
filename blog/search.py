"""Full-text search over an article's title, summary, topics, people and body.

Topics are the article's tags and categories; people its author and medical
reviewer. PostgreSQL keeps a weighted tsvector column with a GIN index and ranks
with ts_rank; SQLite keeps an FTS5 table (Porter stemming) and ranks by the columns
each clause matches in, weighted as COLUMN_WEIGHTS (neither weighs a word by its
rarity, as bm25 would: that means reading all its postings). Both
are filled by `index_articles`, which runs whenever an article, its tags, its
categories or its people change. A search ranks at most the MAX_MATCHES newest
matching articles, so a word found in half the library costs no more than a rare
one. Callers still pass the result through `Article.objects.published()`.

Queries arrive as clauses (see `Term`): every clause must match, through any one of
its alternatives, whose terms must all match. A term may match as a prefix. The
words of indexed articles are kept in `SearchWord`, with a trigram index on each
database, so that `corrections` can offer the nearest known word for a typo.
"""

import html
import re
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.utils.html import strip_tags

from blog.models import Article, SearchWord

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_WORD_LENGTH = 60  # longer is no word; PostgreSQL refuses a lexeme over 2 KB
MAX_MATCHES = 200
INDEX_BATCH = 100  # articles read at once when indexing in bulk: keeps memory flat
MAX_CORRECTED = 3  # words corrected per query: each costs one lookup
PREFIX_WORDS = 20  # known words a prefix stands for, the shortest first
# Where a clause matches on SQLite, and what that adds to an article's rank.
COLUMN_WEIGHTS = (("title", 10), ("summary topics people", 4), ("body", 1))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits: no query syntax
# Modifier letters and spacing marks (ʼ ʻ ˈ ˆ) act as apostrophes and accents, and
# PostgreSQL's unaccent turns several into a quote: they part words, like "'" does.
_APOSTROPHE_LIKE = frozenset({"Lm", "Sk"})
_COMBINING = frozenset({"Mn", "Mc", "Me"})
_VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,40}", re.UNICODE)
# Words too common to search for (PostgreSQL's English configuration drops most of
# them too); leaving them out on both databases keeps the two alike.
STOPWORDS = frozenset(
    "a about after am an and any are as at be been before being but by can could dr"
    " did do does doing for from had has have having he her hers him his how i if in"
    " into is it its me my myself no nor not of off on once or our ours out over own"
    " she should so some such than that the their theirs them then there these they"
    " this those to too under until up very was we were what when where which while"
    " who whom why will with would you your yours".split()
)
_deferred = threading.local()


@dataclass(frozen=True)
class Term:
    """One word to look for; `prefix` also matches longer words starting with it."""

    word: str
    prefix: bool = False


# A clause: alternatives, any of which matches; an alternative: terms, all of which
# must match (a synonym such as "muscle cramp" is one alternative of two terms).
Clause = tuple[tuple[Term, ...], ...]


def search_terms(query: str) -> list[str]:
    """The words of a visitor's query that can be searched for (may be empty).

    Each is letters and digits alone, in compatibility form without accents, so
    that it is safe inside either database's query syntax, before and after
    unaccent, whatever was typed."""
    # One letter alone is the "s" of "runner's" or the "x" of "x-ray": no help.
    return [
        word
        for word in plain_words(query[:MAX_QUERY_LENGTH])
        if 1 < len(word) <= MAX_WORD_LENGTH and word not in STOPWORDS
    ][:MAX_TERMS]


def plain_words(text: str) -> list[str]:
    """The runs of letters and digits of `text` in lower case, decomposed (NFKD:
    "ŉ" is "ʼn", "ﬁ" is "fi"), without accents, modifier letters parting words."""
    plain = "".join(
        " " if category in _APOSTROPHE_LIKE else char
        for char in unicodedata.normalize("NFKD", text.lower())
        if (category := unicodedata.category(char)) not in _COMBINING
    )
    return _WORD.findall(plain)


def matching_ids(clauses: list[Clause], every: bool = True) -> list[int]:
    """Ids of articles matching every clause (or, with `every` False, any clause,
    those matching more ranking higher), best first (one query)."""
    clauses = [clause for clause in clauses if clause and all(clause)]
    if not clauses:
        return []
    if connection.vendor == "postgresql":
        return _postgresql_matches(clauses, " & " if every else " | ")
    return _sqlite_matches(clauses, " AND " if every else " OR ")


def _postgresql_matches(clauses: list[Clause], joined_by: str) -> list[int]:
    def term(term: Term) -> str:
        return f"'{term.word}'" + (":*" if term.prefix else "")  # see search_terms

    expression = joined_by.join(
        "(" + " | ".join("(" + " & ".join(map(term, alt)) + ")" for alt in clause) + ")"
        for clause in clauses
    )
    # The query is written out twice, not shared through a CTE, so that the planner
    # sees it and estimates from the column's statistics how many articles it
    # matches: for a common word, walking the newest articles until MAX_MATCHES
    # match is cheaper than gathering every match from the GIN index.
    query = "to_tsquery('english', unaccent(%s))"
    sql = (
        "SELECT id FROM (SELECT id, search_vector FROM blog_article"
        f" WHERE search_vector @@ {query} ORDER BY id DESC LIMIT {MAX_MATCHES})"
        f" newest ORDER BY ts_rank(search_vector, {query}) DESC, id DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, expression])
        return [row[0] for row in cursor.fetchall()]


def _sqlite_matches(clauses: list[Clause], joined_by: str) -> list[int]:
    """The MAX_MATCHES newest matches, ranked by the columns each clause matches in.

    FTS5's bm25 reads every posting of every word searched to weigh it (the whole
    library for a common word), and a prefix term merges the postings of every word
    it starts; so a prefix is spelled out as itself and the PREFIX_WORDS shortest
    words of the vocabulary it starts, and only the newest matches are weighed."""

    def term(term: Term) -> str:
        return f'"{term.word}"' + ("*" if term.prefix else "")  # see search_terms

    def either(clause: Clause) -> str:
        return (
            "("
            + " OR ".join("(" + " AND ".join(map(term, alt)) + ")" for alt in clause)
            + ")"
        )

    query = joined_by.join(map(either, clauses))
    templates = [(0, query)] + [
        (weight, f"({{{columns}}} : {either(clause)}) AND ({query})")
        for clause in clauses
        for columns, weight in COLUMN_WEIGHTS
    ]
    # Each template's `"word"*` becomes `("word" OR "longer" ...)` with the known
    # words it starts; an unknown word that starts none stays a prefix too (digits:
    # "b1" of "b12"), which costs little since few indexed words start with it.
    spelled_out, params = "text", []
    for word in sorted({t.word for c in clauses for alt in c for t in alt if t.prefix}):
        spelled_out = (
            f"replace({spelled_out}, %s, '(\"' || %s || '\"' || coalesce((SELECT"
            " ' OR ' || group_concat('\"' || word || '\"', ' OR ') FROM (SELECT word"
            " FROM blog_searchword WHERE word > %s AND word < %s"
            f" ORDER BY length(word), word LIMIT {PREFIX_WORDS})), (SELECT %s WHERE"
            " NOT EXISTS (SELECT 1 FROM blog_searchword WHERE word = %s)), '') || ')')"
        )
        marker = f'"{word}"*'
        params += [marker, word, word, word + "\U0010ffff", f" OR {marker}", word]
    sql = (
        "WITH templates (weight, text) AS (VALUES "
        + ", ".join(["(%s, %s)"] * len(templates))
        + f"), expanded AS MATERIALIZED (SELECT weight, {spelled_out} AS q"
        " FROM templates),"
        " newest AS MATERIALIZED (SELECT rowid FROM blog_article_search"
        " WHERE blog_article_search MATCH (SELECT q FROM expanded WHERE weight = 0)"
        f" ORDER BY rowid DESC LIMIT {MAX_MATCHES}),"
        # The weights: where each clause matches, among the newest matches only.
        " hits AS (SELECT s.rowid, e.weight FROM expanded e"
        " CROSS JOIN blog_article_search s WHERE e.weight > 0"
        " AND s.blog_article_search MATCH e.q"
        " AND s.rowid >= (SELECT min(rowid) FROM newest))"
        " SELECT rowid FROM (SELECT rowid, 0 AS weight FROM newest"
        " UNION ALL SELECT rowid, weight FROM hits)"
        " GROUP BY rowid ORDER BY sum(weight) DESC, rowid DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for pair in templates for value in pair] + params)
        return [row[0] for row in cursor.fetchall()]


def corrections(words: list[str]) -> dict[str, str]:
    """The nearest word some article holds, for the words no article holds (three
    letters or more), or if every word is known, for each of four letters or more
    (one query, plus one for each of at most MAX_CORRECTED words). Forms a search
    finds already, as a prefix or by its stem, are not offered: "recover" for
    "recovery", "kneecaps" for "kneecap"."""
    candidates = [word for word in dict.fromkeys(words) if len(word) >= 3]
    if not candidates:
        return {}
    known = set(
        SearchWord.objects.filter(word__in=candidates).values_list("word", flat=True)
    )
    unknown = [word for word in candidates if word not in known]
    targets = unknown or [word for word in candidates if len(word) >= 4]
    found = {}
    for word in targets[:MAX_CORRECTED]:
        # A known word is only changed by one letter: it may be what was meant.
        allowed = 1 if word in known or len(word) < 8 else 2
        scored = [
            (distance, near)
            for near in _similar_words(word)
            if not _found_anyway(word, near, word in known)
            and (distance := edit_distance(word, near, allowed)) <= allowed
        ]
        if scored:
            # Closest first; among equals, the one sharing the first letter, then
            # the one of the same length ("carpel" is "carpal", not "carpals").
            found[word] = min(
                scored,
                key=lambda pair: (
                    pair[0],
                    pair[1][0] != word[0],
                    abs(len(pair[1]) - len(word)),
                    pair[1],
                ),
            )[1]
    return found


def _found_anyway(word: str, near: str, known: bool) -> bool:
    """Whether a search for `word` finds `near` already: as a longer word when it is
    matched as a prefix, or (a known word) by the stem both share."""
    return (len(word) >= 4 and near.startswith(word)) or (
        known and word.startswith(near)
    )


def _similar_words(word: str, limit: int = 40) -> list[str]:
    """Known words sharing the most three-letter pieces with `word` (one query)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT word FROM blog_searchword WHERE word %% %s"
                " ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, limit],
            )
        else:
            pieces = {word[i : i + 3] for i in range(len(word) - 2)}
            cursor.execute(
                "SELECT word FROM blog_searchword_trigrams"
                " WHERE blog_searchword_trigrams MATCH %s ORDER BY rank LIMIT %s",
                [" OR ".join(f'"{piece}"' for piece in sorted(pieces)), limit],
            )
        return [row[0] for row in cursor.fetchall()]


def edit_distance(first: str, second: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours turning one word
    into the other; anything over `limit` is reported as limit + 1."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before, previous = None, list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            swapped = i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b
            if swapped and a != b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def reindex(article_ids) -> None:
    """Index these articles now, or at the end of a `deferred_indexing()` block."""
    pending = getattr(_deferred, "pending", None)
    if pending is None:
        _index_in_batches(article_ids)
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
    _index_in_batches(pending)


def _index_in_batches(article_ids) -> None:
    """A category or a person can have thousands of articles: a batch at a time."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), INDEX_BATCH):
        index_articles(ids[start : start + INDEX_BATCH])


def index_articles(article_ids) -> None:
    """(Re)write the search entries of these articles from the database, and add
    their words to the vocabulary."""
    articles = (
        Article.objects.filter(pk__in=list(article_ids))
        .only("title", "summary", "body", "author__name", "medical_reviewer__name")
        .select_related("author", "medical_reviewer")
        .prefetch_related("tags", "categories")
    )
    rows = [
        (
            article.pk,
            article.title,
            article.summary,
            " ".join(
                [tag.name for tag in article.tags.all()]
                + [category.name for category in article.categories.all()]
            ),
            " ".join(
                person.name
                for person in (article.author, article.medical_reviewer)
                if person
            ),
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
                " setweight(to_tsvector('english', unaccent(%s)), 'A')"
                " || setweight(to_tsvector('english', unaccent(%s)), 'B')"
                " || setweight(to_tsvector('english', unaccent(%s)), 'B')"
                " || setweight(to_tsvector('english', unaccent(%s)), 'B')"
                " || setweight(to_tsvector('english', unaccent(%s)), 'C')"
                " WHERE id = %s",
                [row[1:] + row[:1] for row in rows],
            )
        else:
            cursor.executemany(
                "INSERT OR REPLACE INTO blog_article_search"
                " (rowid, title, summary, topics, people, body)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )
    words = {
        word.lower()
        for row in rows
        for text in row[1:]
        for word in _VOCABULARY_WORD.findall(text)
    } - STOPWORDS
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], ignore_conflicts=True
    )


def remove_article(article_id: int) -> None:
    if connection.vendor != "postgresql":  # PostgreSQL's entry goes with the row
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM blog_article_search WHERE rowid = %s", [article_id]
            )
