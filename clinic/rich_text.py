"""Article bodies: what the editor may produce, how it is cleaned before storage,
and how it is shown.

The editor's toolbar and the sanitizer share one list of extensions, so nothing the
editor makes is stripped, and nothing else survives. Cleaning runs on every save of
an article (admin, importer, shell), not only in forms. What is stored is what the
editor edits; `render` turns it into the page's markup (figures from the picture
library's renditions, accessible tables, callouts) from the cleaned body only.
"""

import html
import math
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django_prose_editor.config import allowlist_from_extensions

LINK_SCHEMES = ["http", "https", "mailto", "tel"]
# A quotation styled as one of these (the editor's “Box” styles) becomes a box.
CALLOUTS = {
    "callout-key": "Key points",
    "callout-doctor": "When to see a doctor",
    "callout-emergency": "Emergency (call 911)",
}
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": LINK_SCHEMES},
    "Figure": {"pickerUrl": reverse_lazy("admin:clinic_picture_picker")},
    "Image": True,
    "Caption": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Styles an editor picks from the menu's style list for the block at the cursor.
    "NodeClass": {
        "cssClasses": {
            "blockquote": {
                "title": "Box",
                "cssClasses": [
                    {"className": name, "title": title}
                    for name, title in CALLOUTS.items()
                ],
            },
            "paragraph": {
                "title": "Paragraph",
                "cssClasses": [
                    {"className": "table-caption", "title": "Table caption"}
                ],
            },
        }
    },
}
WORDS_PER_MINUTE = 200
EXTERNAL_LINK_REL = "noopener noreferrer"


def _cleaner() -> nh3.Cleaner:
    allowed = allowlist_from_extensions(EDITOR_EXTENSIONS)
    # We set rel ourselves, on links to other sites only.
    allowed["attributes"]["a"] = allowed["attributes"]["a"] - {"rel", "target"}
    allowed["link_rel"] = None
    # Classes: only the few the editor sets, never any value.
    allowed["allowed_classes"] = {
        "figure": {"figure"},
        "blockquote": set(CALLOUTS),
        "p": {"table-caption"},
    }
    for tag in allowed["allowed_classes"]:
        allowed["attributes"][tag] = allowed["attributes"].get(tag, set()) - {"class"}
    return nh3.Cleaner(**allowed)


_CLEANER = _cleaner()
_HEADING = re.compile(r"<(h[234])>(.*?)</\1>", re.DOTALL)
_LINK = re.compile(r'<a href="([^"]*)"')
_HEADING_WITH_ID = re.compile(r'<h([234]) id="([^"]+)">(.*?)</h\1>', re.DOTALL)


def clean(body: str) -> str:
    """Sanitize editor HTML by the allow-list, then add heading ids and link rels."""
    cleaned = _CLEANER.clean(body or "").replace(' class=""', "").strip()
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


def editor_sanitizer(body: str) -> str:
    """The body field's cleaning in forms: refuse what would otherwise vanish or
    harm readers (a link the allow-list drops, a figure without description, a table
    without header row) with a message; clean the rest."""
    errors = [
        ValidationError(
            "This link was removed because its address is not allowed: “%(href)s”. "
            "Links must start with https://, http://, mailto: or tel:, or be an "
            "address on this site.",
            code="refused_link",
            params={"href": href[:80]},
        )
        for href in refused_links(body)
    ]
    cleaned = clean(body)
    if any(not attributes.get("alt", "").strip() for attributes in _images(cleaned)):
        errors.append(
            ValidationError(
                "Describe every picture for readers who cannot see it: a figure has "
                "no alternative text (select it, then use the picture button).",
                code="figure_alt_required",
            )
        )
    if any(
        not attributes.get("data-file", "").isdigit() for attributes in _images(cleaned)
    ):
        errors.append(
            ValidationError(
                "Pictures in the text come from the picture library: insert them with "
                "the figure button and “Browse…”, not by typing an address.",
                code="figure_not_from_library",
            )
        )
    if any(not _first_row(table).count("<th") for table in _TABLE.findall(cleaned)):
        errors.append(
            ValidationError(
                "Give every table a header row: click in its first row, select the "
                "row's cells and use “Toggle header cell”.",
                code="table_header_required",
            )
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def link_addresses(body: str) -> list[str]:
    """The addresses of a body's links, in order, entities decoded."""
    parser = _Links()
    parser.feed(body or "")
    parser.close()
    return parser.hrefs


def refused_links(body: str) -> list[str]:
    """Link addresses in raw editor HTML that the allow-list would drop."""
    return [
        href
        for href in link_addresses(body)
        if 'href="' not in _CLEANER.clean(f'<a href="{escape(href)}">x</a>')
    ]


_IMG = re.compile(r"<img\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_FIGURE = re.compile(r"<figure[^>]*>(.*?)</figure>|<img\b[^>]*>", re.DOTALL)
_CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.DOTALL)
_TABLE = re.compile(
    r'(?:<p class="table-caption">((?:(?!</p>).)*)</p>\s*)?<table>(.*?)</table>',
    re.DOTALL,
)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CALLOUT = re.compile(r'<blockquote class="(callout-[a-z]+)">')
_BLOCKQUOTE_TAG = re.compile(r"<(/?)blockquote\b[^>]*>")
FIGURE_SIZES = "(min-width: 52rem) 48rem, 100vw"


def _attributes(tag_inside: str) -> dict[str, str]:
    return {
        name: html.unescape(value) for name, value in _ATTRIBUTE.findall(tag_inside)
    }


def _images(body: str) -> list[dict[str, str]]:
    return [_attributes(inside) for inside in _IMG.findall(body)]


def _first_row(table: tuple[str, str]) -> str:
    match = _ROW.search(table[1])
    return match.group(1) if match else ""


def picture_ids(body: str) -> set[int]:
    """The library pictures a cleaned body shows (their ids)."""
    ids = (attributes.get("data-file", "") for attributes in _images(body))
    return {int(value) for value in ids if value.isdigit()}


def render(body: str, pictures: dict, *, first_figure_eager: bool = False) -> str:
    """The page's markup of a cleaned body.

    `pictures` maps ids to library pictures: a figure of a picture not in it is left
    out, whatever its address said (the body never chooses what a page loads).
    Figures load lazily, except the first when it opens the body and nothing above
    it fills the first screen. A paragraph holding only a link to a YouTube or Vimeo
    video becomes a player that loads nothing from the video site until clicked.
    """
    body = _render_figures(body, pictures, first_figure_eager)
    return _render_videos(_render_callouts(_render_tables(body)))


def _render_figures(body: str, pictures: dict, first_figure_eager: bool) -> str:
    def figure(match: re.Match) -> str:
        whole = match.group(0)
        image = _IMG.search(whole)
        attributes = _attributes(image.group(1)) if image else {}
        number = attributes.get("data-file", "")
        picture = pictures.get(int(number)) if number.isdigit() else None
        if picture is None:
            return ""
        caption = _CAPTION.search(whole)
        eager = first_figure_eager and match.start() == 0
        return render_to_string(
            "includes/body_figure.html",
            {
                "picture": picture,
                "alt": attributes.get("alt", "").strip() or picture.description,
                "caption": mark_safe(caption.group(1)) if caption else "",
                "sizes": FIGURE_SIZES,
                "loading": "eager" if eager else "lazy",
            },
        ).strip()

    return _FIGURE.sub(figure, body)


def _render_tables(body: str) -> str:
    def table(match: re.Match) -> str:
        caption, inside = match.groups()
        rows = _ROW.findall(inside)
        label = html.unescape(strip_tags(caption)) if caption else "Table"
        head = ""
        if rows and "<td" not in rows[0]:
            head = f"<thead><tr>{_scoped(rows.pop(0), 'col')}</tr></thead>"
        body_rows = "".join(
            f"<tr>{_scoped(row, 'row', first_only=True)}</tr>" for row in rows
        )
        return format_html(
            '<div class="table-scroll" role="region" aria-label="{}" tabindex="0">'
            "<table>{}{}<tbody>{}</tbody></table></div>",
            label,
            mark_safe(f"<caption>{caption}</caption>") if caption else "",
            mark_safe(head),
            mark_safe(body_rows),
        )

    return _TABLE.sub(table, body)


def _scoped(row: str, scope: str, first_only: bool = False) -> str:
    if first_only:
        return re.sub(r"^<th\b", f'<th scope="{scope}"', row, count=1)
    return re.sub(r"<th\b", f'<th scope="{scope}"', row)


def _render_callouts(body: str) -> str:
    """Quotations styled as callouts become note boxes (nesting respected)."""
    while match := _CALLOUT.search(body):
        depth, end = 0, None
        for tag in _BLOCKQUOTE_TAG.finditer(body, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag
                break
        if end is None:
            break
        box = f'<div class="callout {match.group(1)}" role="note">'
        body = (
            body[: match.start()]
            + box
            + body[match.end() : end.start()]
            + "</div>"
            + body[end.end() :]
        )
    return body


_LINK_PARAGRAPH = re.compile(
    r'<p><a href="([^"]+)"[^>]*>((?:(?!</a>).)*)</a></p>', re.DOTALL
)
_VIDEO_ADDRESSES = [
    (
        "YouTube",
        re.compile(
            r"https://(?:www\.|m\.)?(?:youtube\.com/watch\?v=|youtu\.be/|youtube\.com/shorts/)"
            r"([A-Za-z0-9_-]{11})(?:[&?#].*)?"
        ),
        "https://www.youtube-nocookie.com/embed/{}?autoplay=1",
    ),
    (
        "Vimeo",
        re.compile(r"https://(?:www\.)?vimeo\.com/(\d{1,12})(?:[/?#].*)?"),
        "https://player.vimeo.com/video/{}?dnt=1&autoplay=1",
    ),
]


# The players a started video loads: the only frames a page may hold, and only a
# page with a video (clinic.preview adds them to its Content-Security-Policy).
VIDEO_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def has_video(body: str) -> bool:
    return any(
        video(html.unescape(address)) for address, _ in _LINK_PARAGRAPH.findall(body)
    )


def video(address: str) -> tuple[str, str] | None:
    """(site name, player address) of a YouTube or Vimeo video address, or None."""
    for site, pattern, player in _VIDEO_ADDRESSES:
        if match := pattern.fullmatch(address):
            return site, player.format(match.group(1))
    return None


def _render_videos(body: str) -> str:
    def player(match: re.Match) -> str:
        address, title = html.unescape(match.group(1)), match.group(2)
        found = video(address)
        if found is None:
            return match.group(0)
        site, embed = found
        return render_to_string(
            "includes/body_video.html",
            {
                "address": address,
                "embed": embed,
                "site": site,
                "title": html.unescape(strip_tags(title)),
            },
        ).strip()

    return _LINK_PARAGRAPH.sub(player, body)
