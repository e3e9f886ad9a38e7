"""Where pages may live: never at an address the site itself answers.

A page takes any free address, so the address rules are worked out from the root
URL patterns (and the prefixes of static files and media, which are served before
they are reached): a new fixed section of the site is protected the day it is added.
"""

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import URLResolver, get_resolver

_LITERAL = re.compile(r"[-\w.]+")


def reserved_segments() -> set[str]:
    """The first segments of every fixed address (lowercase), e.g. "blog", "admin"."""
    segments = set(_fixed_segments(get_resolver().url_patterns))
    for prefix in (settings.STATIC_URL, settings.MEDIA_URL):
        address = urlsplit(prefix)
        if not address.netloc:  # files on another host shadow nothing here
            segments.add(_first_segment(address.path))
    segments.discard(None)
    return {segment.lower() for segment in segments}


def _fixed_segments(patterns: Iterable) -> Iterator[str | None]:
    for pattern in patterns:
        text = str(pattern.pattern)
        if isinstance(pattern, URLResolver) and text in ("", "^"):
            yield from _fixed_segments(pattern.url_patterns)  # include() at the root
        else:
            yield _first_segment(text)


def _first_segment(text: str) -> str | None:
    """ "blog/<slug:slug>/" -> "blog", "^media/(?P<path>.*)$" -> "media"; None when
    the first segment is empty or a variable (the pages' own pattern)."""
    text = text.removeprefix("^").removeprefix("/").replace("\\", "")
    first = text.split("/", 1)[0].removesuffix("$")
    return first if _LITERAL.fullmatch(first) else None
