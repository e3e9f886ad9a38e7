"""Article bodies: what the editor may produce, and how it is cleaned before storage.

The editor's toolbar and the sanitizer share one list of extensions, so nothing the
editor makes is stripped, and nothing else survives. Cleaning runs on every save of
an article (admin, importer, shell), not only in forms.
"""

import html
import math
import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import slugify
from django_prose_editor.config import allowlist_from_extensions

EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
}
WORDS_PER_MINUTE = 200
EXTERNAL_LINK_REL = "noopener noreferrer"


def _cleaner() -> nh3.Cleaner:
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)
    # We set rel ourselves, on links to other sites only.
    allowed["attributes"]["a"] = allowed["attributes"]["a"] - {"rel", "target"}
    allowed["link_rel"] = None
    return nh3.Cleaner(**allowed)


_CLEANER = _cleaner()
_HEADING = re.compile(r"<(h[234])>(.*?)</\1>", re.DOTALL)
_LINK = re.compile(r'<a href="([^"]*)"')
_HEADING_WITH_ID = re.compile(r'<h([234]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)


def clean(body: str) -> str:
    """Sanitize editor HTML by the allow-list, then add heading ids and link rels."""
    cleaned = _CLEANER.clean(body or "").strip()
    if re.fullmatch(r"(<p>\s*</p>)*", cleaned):
        return ""
    return _mark_external_links(_add_heading_ids(cleaned))


def _add_heading_ids(body: str) -> str:
    used: set[str] = set()

    def with_id(match: re.Match) -> str:
        tag, inner = match.groups()
        base = slugify(html.unescape(strip_tags(inner)))[:60].strip("-") or "section"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        return f'<{tag} id="{anchor}">{inner}</{tag}>'

    return _HEADING.sub(with_id, body)


def _is_external(href: str) -> bool:
    host = urlsplit(html.unescape(href)).hostname
    return bool(host) and host != urlsplit(settings.SITE_URL).hostname


def _mark_external_links(body: str) -> str:
    def with_rel(match: re.Match) -> str:
        href = match.group(1)
        if _is_external(href):
            return f'<a href="{href}" rel="{EXTERNAL_LINK_REL}"'
        return match.group(0)

    return _LINK.sub(with_rel, body)


def table_of_contents(body: str) -> list[dict]:
    """Headings of a cleaned body, in order: level (2-4), anchor id and plain text."""
    return [
        {"level": int(level), "id": anchor, "text": html.unescape(strip_tags(inner))}
        for level, anchor, inner in _HEADING_WITH_ID.findall(body)
    ]


def reading_minutes(body: str) -> int:
    words = len(html.unescape(strip_tags(body)).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
