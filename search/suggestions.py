"""Titles offered under the search box while a visitor types.

The last word counts as the start of a word ("kne" offers "Knee pain ..."). Answers
are kept in the cache for a minute per query, and each client may ask
RATE_LIMIT times a minute: typing sends a request a keystroke, so the limit is
generous, but a script walking the alphabet is slowed down. When the cache is down
the limit lets the visitor through: suggestions are a convenience, the search page
works without them.
"""

import hashlib

from django.core.cache import cache

from blog import search as articles_index
from blog.models import Article
from search import query as site_search

MAX_LENGTH = 60
MAX_SUGGESTIONS = 6
KEEP_SECONDS = 60
RATE_LIMIT = 120  # requests a minute from one client


def titles(query: str) -> list[dict]:
    """Up to MAX_SUGGESTIONS public articles matching what was typed, best first,
    as title and address (four queries, or none when kept)."""
    words = articles_index.search_terms(query[:MAX_LENGTH])
    if not words:
        return []
    key = "search-suggestions:" + hashlib.sha256(" ".join(words).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        clauses, _ = site_search.expand(words, site_search.load_synonyms())
        best = site_search.public_matches(clauses)[0][:MAX_SUGGESTIONS]
        articles = Article.objects.only("title", "slug").in_bulk(best)
        found = [
            {"title": articles[pk].title, "url": articles[pk].get_absolute_url()}
            for pk in best
        ]
        cache.set(key, found, KEEP_SECONDS)
    return found
