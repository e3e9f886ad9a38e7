"""How WordPress's values become field values here: statuses, slugs, summaries."""

import html
import re
from urllib.parse import unquote

from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from clinic.publishing import Publishable

STATUSES = {
    "publish": Publishable.Status.PUBLISHED,
    "future": Publishable.Status.PUBLISHED,  # with its future date: scheduled
    "draft": Publishable.Status.DRAFT,
    "pending": Publishable.Status.DRAFT,
    "private": Publishable.Status.DRAFT,
}
SUMMARY_WORDS = 40
SUMMARY_LENGTH = 300  # Article.summary and Page.summary
_SLUG_SEPARATOR = re.compile(r"[.@]+")


def summary(excerpt: str, body: str) -> str:
    """The excerpt as plain text, else the body's first words; within the limit."""
    text = plain_text(excerpt) or Truncator(plain_text(body)).words(SUMMARY_WORDS)
    return Truncator(text).chars(SUMMARY_LENGTH)


def plain_text(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


def slug_from(*candidates: str, max_length: int) -> str:
    """The first candidate that makes a usable ASCII slug ("" if none does)."""
    for candidate in candidates:
        words = _SLUG_SEPARATOR.sub("-", unquote(candidate))  # as WordPress: a.b is a-b
        if slug := slugify(words)[:max_length].strip("-"):
            return slug
    return ""
