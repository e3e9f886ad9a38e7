"""What a visitor typed, turned into what the article index looks for.

Words are matched as typed and, from four letters on (and always the last word,
which may be half typed), as the start of longer words. A phrase on the editors'
synonym list also finds what it means. A word no article holds is corrected to the
nearest word one does, when the search as typed finds little.
"""

import re
from dataclasses import dataclass

from blog import search as articles_index
from blog.search import Clause, Term
from search.models import Synonym

FEW_RESULTS = 3  # fewer than this, and a corrected query is tried
PREFIX_FROM = 4
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Search:
    """One search: the words looked for, and the articles found, best first."""

    query: str
    words: list[str]
    article_ids: list[int]
    # Set when a correction found more: the corrected query, and whether its
    # results are the ones shown (the query as typed found nothing).
    suggestion: str = ""
    corrected: bool = False


def run(query: str) -> Search:
    """Search the articles for `query`, correcting typos when that finds more
    (one query for the synonyms and one for the index, plus up to five more
    for corrections when the search as typed finds little)."""
    words = articles_index.search_terms(query)
    if not words:
        return Search(query, words, [])
    synonyms = load_synonyms()
    clauses, plain = expand(words, synonyms)
    found = Search(query, words, articles_index.matching_ids(clauses))
    if len(found.article_ids) >= FEW_RESULTS:
        return found
    fixes = articles_index.corrections(plain)
    if not fixes:
        return found
    better_words = [fixes.get(word, word) for word in words]
    better_ids = articles_index.matching_ids(expand(better_words, synonyms)[0])
    if len(better_ids) <= len(found.article_ids):
        return found
    found.suggestion = _WORD.sub(
        lambda match: fixes.get(match.group().lower(), match.group()), query
    )
    if not found.article_ids:
        found.words, found.article_ids, found.corrected = better_words, better_ids, True
    return found


def load_synonyms() -> dict[tuple[str, ...], list[list[str]]]:
    """The editors' synonym list, by the words of each phrase (one query)."""
    return {
        tuple(
            _base(word) for word in articles_index.search_terms(synonym.phrase)
        ): synonym.meanings()
        for synonym in Synonym.objects.only("phrase", "means")
    }


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
