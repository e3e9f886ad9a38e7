import re
from functools import lru_cache
from html import unescape

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# The text of an article card's title link and of its summary (its one paragraph
# without a class): text between tags, escaped, so without "<".
_CARD_TEXT = re.compile(r'(class="card-title"><a href="[^"<>]*">|<p>)([^<]*)')


@register.filter
def highlight_cards(cards: str, words) -> str:
    """Article cards as rendered (and kept) for any list, with each word of their
    titles and summaries starting with one of `words` in <mark> (as a search
    matches them: "kne" marks "knee")."""
    words = tuple(word for word in words or () if word)
    if not words:
        return cards
    pattern = _pattern(words)
    return mark_safe(  # the cards were escaped, and so is each text marked
        _CARD_TEXT.sub(
            lambda found: found[1] + highlight(unescape(found[2]), pattern), cards
        )
    )


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE
    )


def highlight(text: str, pattern: re.Pattern) -> str:
    """The text, escaped, with what `pattern` matches in <mark>."""
    pieces, end = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[end : match.start()]))
        pieces.append(f"<mark>{escape(match[0])}</mark>")
        end = match.end()
    pieces.append(escape(text[end:]))
    return "".join(pieces)
