"""What a visitor typed, turned into what the article index looks for.

Words are matched as typed and, from four letters on (and always the last word,
which may be half typed), as the start of longer words. A phrase on the editors'
synonym list also finds what it means. A word no article holds is corrected to the
nearest word one does, when the search as typed finds little.
"""

import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from blog import search as articles_index
from blog.models import Article
from blog.search import Clause, Term
from search.models import Synonym

FEW_RESULTS = 3  # fewer than this, and a corrected query is tried
PREFIX_FROM = 4
_WORD = re.compile(r"\w+", re.UNICODE)
SYNONYMS_KEY = "search:synonyms"


@dataclass
class Search:
    """One search: the words looked for, and the public articles found, best
    first."""

    query: str
    words: list[str]
    article_ids: list[int]
    capped: bool = False  # the index ranked only the MAX_MATCHES newest matches
    # Set when a correction found more: the corrected query, and whether its
    # results are the ones shown (the query as typed found nothing).
    suggestion: str = ""
    corrected: bool = False
    partial: bool = False  # no article has every word: these have some of them


def run(query: str) -> Search:
    """Search the public articles for `query` (three queries: the synonyms, the
    index, the articles' publication). When that finds little, typos are corrected
    if that finds more (up to six queries more); when still nothing has every word,
    articles with some of them are found instead (two more)."""
    words = articles_index.search_terms(query)
    if not words:
        return Search(query, words, [])
    synonyms = load_synonyms()
    clauses, plain = expand(words, synonyms)
    found = Search(query, words, *public_matches(clauses))
    if len(found.article_ids) < FEW_RESULTS:
        _correct(found, plain, synonyms)
    if not found.article_ids and len(clauses) > 1:
        some = expand(found.words, synonyms)[0]
        found.article_ids, found.capped = public_matches(some, every=False)
        found.partial = bool(found.article_ids)
    return found


def public_matches(clauses: list[Clause], every: bool = True):
    """The public articles among the matches, best first, and whether the index
    stopped at MAX_MATCHES (two queries)."""
    ranked = articles_index.matching_ids(clauses, every)
    public = Article.objects.publish_times_among(ranked)
    capped = len(ranked) == articles_index.MAX_MATCHES
    return [pk for pk in ranked if pk in public], capped


def _correct(found: Search, plain: list[str], synonyms: dict) -> None:
    """Offer the search with typos corrected, if it finds more; show its results
    when the search as typed found nothing."""
    fixes = articles_index.corrections(plain)
    if not fixes:
        return
    better_words = [fixes.get(word, word) for word in found.words]
    better_ids, capped = public_matches(expand(better_words, synonyms)[0])
    if len(better_ids) <= len(found.article_ids):
        return
    found.suggestion = _WORD.sub(
        lambda match: fixes.get(match.group().lower(), match.group()), found.query
    )
    if not found.article_ids:
        found.words, found.corrected = better_words, True
        found.article_ids, found.capped = better_ids, capped


def load_synonyms() -> dict[tuple[str, ...], list[list[str]]]:
    """The editors' synonym list, by the words of each phrase, kept in the cache
    until a synonym changes (one query when it is not there)."""
    synonyms = cache.get(SYNONYMS_KEY)
    if synonyms is None:
        synonyms = {
            tuple(
                _base(word) for word in articles_index.search_terms(synonym.phrase)
            ): synonym.meanings()
            for synonym in Synonym.objects.only("phrase", "means")
        }
        cache.set(SYNONYMS_KEY, synonyms, timeout=None)
    return synonyms


def forget_synonyms(**signal_kwargs) -> None:
    """Drop the kept list now, and again once the change is committed (a search
    running meanwhile may keep the list as it was)."""
    cache.delete(SYNONYMS_KEY)
    transaction.on_commit(lambda: cache.delete(SYNONYMS_KEY))


def expand(words: list[str], synonyms: dict) -> tuple[list[Clause], list[str]]:
    """The clauses for these words, and the words no synonym covered (those are
    the ones a typo correction may change)."""
    clauses, plain = [], []
    longest = max(map(len, synonyms), default=0)
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            span = words[position : position + size]
            meanings = synonyms.get(tuple(map(_base, span)))
            if meanings:
                clauses.append(
                    tuple(_terms(alternative) for alternative in [span, *meanings])
                )
                position += size
                break
        else:
            clauses.append((_terms([words[position]]),))
            plain.append(words[position])
            position += 1
    last = clauses[-1] if clauses else ()
    if len(last) == 1 and len(last[0]) == 1 and not last[0][0].prefix:
        clauses[-1] = ((Term(last[0][0].word, prefix=True),),)  # still being typed
    return clauses, plain


def _terms(words: list[str]) -> tuple[Term, ...]:
    return tuple(Term(word, prefix=len(word) >= PREFIX_FROM) for word in words)


def _base(word: str) -> str:
    """A word without a plural "s", so that "kneecaps" meets "kneecap"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word
