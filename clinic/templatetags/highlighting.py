import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text: str, words) -> str:
    """The text, escaped, with each word starting with one of `words` in <mark>
    (as a search matches them: "kne" marks "knee")."""
    words = [word for word in words or () if word]
    if not words:
        return escape(text)
    pattern = re.compile(
        r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE
    )
    pieces, end = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[end : match.start()]))
        pieces.append(f"<mark>{escape(match[0])}</mark>")
        end = match.end()
    pieces.append(escape(text[end:]))
    return mark_safe("".join(pieces))  # every piece of the text was escaped above
