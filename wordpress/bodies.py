"""A WordPress post's content (classic editor or blocks) as our editor's rich text.

Pictures come into the picture library and become the editor's figures, captions
included; galleries become figures one after the other; YouTube and Vimeo embeds
become the video paragraph `clinic.rich_text.render` turns into a player; tables
keep their rows, headings fit our levels (h2 to h4). What the editor cannot hold is
named in `Converted`, never dropped without a word. The result is still cleaned by
`rich_text.clean`, like anything an editor saves.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from django.utils.html import escape

from clinic import rich_text
from clinic.models import Picture
from wordpress import shortcodes
from wordpress.addresses import UPLOADS
from wordpress.wxr import Attachment

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|table|figure|hr|section|article"
    r"|aside|header|footer|nav|address|form|iframe)\b",
    re.IGNORECASE,
)
_URL_LINE = re.compile(r"^[ \t]*(https?://\S+)[ \t]*$", re.MULTILINE)
_WP_IMAGE = re.compile(r"\bwp-image-([0-9]+)\b")
_SIZED = re.compile(r"-(?:[0-9]+x[0-9]+|scaled)(?=\.\w+$)")  # knee-300x200.jpg
_PLAYERS = [
    (
        re.compile(
            r"https://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{11})\b.*"
        ),
        "https://www.youtube.com/watch?v={}",
    ),
    (
        re.compile(r"https://player\.vimeo\.com/video/([0-9]{1,12})\b.*"),
        "https://vimeo.com/{}",
    ),
]
RENAMED = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4"}
# Elements whose content would vanish in cleaning: named when left out.
LEFT_OUT = {
    "script",
    "style",
    "noscript",
    "form",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "svg",
    "select",
    "textarea",
}
# Deeper elements are read as if they were at this depth: a hostile post cannot
# exhaust the converter's recursion.
MAX_DEPTH = 60
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}


@dataclass
class Converted:
    html: str
    shortcodes: list[str] = field(default_factory=list)  # not understood: removed
    left_out: list[str] = field(default_factory=list)  # what the editor cannot hold


# A picture for (file under the uploads folder, its description), or None when it
# cannot be had (the caller says why).
PictureSource = Callable[[str, str], Picture | None]


def convert(
    content: str,
    post_id: str,
    attachments: dict[str, Attachment],
    picture: PictureSource,
) -> Converted:
    """The editor's HTML of a post's content (not yet cleaned)."""
    text, removed = shortcodes.expand(content, post_id, attachments)
    if "<!-- wp:" in content:
        text = _BLOCK_COMMENT.sub("", text)
    else:
        text = _paragraphs(_URL_LINE.sub(r"\n\n\1\n\n", text))
    converter = _Converter(attachments, picture)
    nodes = converter.nodes(_parse(text).children)
    return Converted(_html(nodes), removed, converter.left_out)


def _paragraphs(text: str) -> str:
    """Like WordPress's wpautop: blank lines part paragraphs, a newline is a <br>;
    a line that starts or ends a block (a list, a figure...) stays as it is."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines: list[str] = []
        for line in [line.strip() for line in chunk.splitlines()] + [None]:
            if line is None or _BLOCK_TAG.match(line):
                if lines:
                    parts.append("<p>" + "<br>".join(lines) + "</p>")
                parts.append(line or "")
                lines = []
            elif line:
                lines.append(line)
    return "".join(part for part in parts if part)


def upload_file(address: str) -> str | None:
    """The original file under the uploads folder of an upload's address (sizes
    WordPress made, like knee-300x200.jpg, lead to knee.jpg), or None."""
    path = unquote(urlsplit(address).path)
    start = path.find(UPLOADS)
    if start == -1:
        return None
    return _SIZED.sub("", path[start + len(UPLOADS) :])


def video_address(address: str) -> str | None:
    """The watch address of a YouTube or Vimeo video, from any address of it."""
    address = re.sub(r"^http://", "https://", address.strip())
    for pattern, watch in _PLAYERS:
        if match := pattern.fullmatch(address):
            address = watch.format(match.group(1))
    return address if rich_text.video(address) else None


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], children=None, block=False):
        self.tag, self.attrs = tag, attrs
        self.children: list = children if children is not None else []
        self.block = block  # made here: lifted out of paragraphs, links and lists


class _Tree(HTMLParser):
    """A forgiving tree: an end tag closes what is open up to its start tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID and len(self.open) < MAX_DEPTH:
            self.open.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def _parse(text: str) -> Element:
    tree = _Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def _html(nodes: list) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node))
            continue
        attrs = "".join(f' {name}="{escape(v)}"' for name, v in node.attrs.items())
        parts.append(f"<{node.tag}{attrs}>")
        if node.tag not in VOID:
            parts.append(f"{_html(node.children)}</{node.tag}>")
    return "".join(parts)


def _text(nodes: list) -> str:
    return "".join(
        node if isinstance(node, str) else _text(node.children) for node in nodes
    )


class _Converter:
    def __init__(self, attachments: dict[str, Attachment], picture: PictureSource):
        self.attachments = attachments
        self.by_file = {_SIZED.sub("", a.file): a for a in attachments.values()}
        self.picture = picture
        self.left_out: list[str] = []

    def nodes(self, nodes: list, caption: list | None = None) -> list:
        """Converted nodes; `caption` holds a figure's caption until an image
        takes it."""
        converted = []
        for node in nodes:
            if isinstance(node, str):
                converted.append(node)
            else:
                converted.extend(self.element(node, caption))
        return converted

    def element(self, element: Element, caption: list | None) -> list:
        tag = element.tag
        if tag in LEFT_OUT:
            self.left_out.append(f"<{tag}>")
            return []
        if tag == "iframe":
            return self.frame(element)
        if tag == "img":
            return self.figure(element, caption)
        if tag == "figure":
            return self.figure_block(element)
        if tag == "table":
            return self.table(element, caption)
        if tag == "p" and (video := self.bare_video(element)):
            return [video]
        element.tag = RENAMED.get(tag, tag)
        element.children = self.nodes(element.children, caption)
        return _lifted(element)

    def figure_block(self, element: Element) -> list:
        """A WordPress figure: image (with caption), gallery, embed or table."""
        own = [c for c in element.children if getattr(c, "tag", "") == "figcaption"]
        inside = [c for c in element.children if c not in own]
        caption = self.nodes(own[0].children) if own else []
        if "wp-block-embed" in element.attrs.get("class", ""):
            return [self.link_paragraph(_text(inside).strip(), _text(caption).strip())]
        box = [caption] if caption else []
        converted = self.nodes(inside, box)
        if box:  # no image took it (a gallery's caption): a paragraph after
            converted.append(Element("p", {}, box.pop(), block=True))
        return converted

    def figure(self, image: Element, caption: list | None) -> list:
        """One of our figures for an <img>, its picture in the library; or nothing,
        and a note, when the picture cannot be had."""
        found = self.image_file(image)
        if found is None:
            address = image.attrs.get("src") or image.attrs.get("class", "")
            self.left_out.append(f"an image not in the uploads folder ({address[:80]})")
            return []
        file, alt = found
        picture = self.picture(file, alt or file.rsplit("/", 1)[-1])
        if picture is None:
            return []
        img = Element(
            "img",
            {
                "src": picture.sources.fallback,
                "alt": alt or picture.description,
                "data-file": str(picture.pk),
            },
        )
        figure = Element("figure", {"class": "figure"}, [img], block=True)
        if caption:
            figure.children.append(Element("figcaption", {}, caption.pop()))
        return [figure]

    def image_file(self, image: Element) -> tuple[str, str] | None:
        """(file under the uploads folder, alt text) of an <img>, by its attachment
        ID (class wp-image-ID), else by its address."""
        number = _WP_IMAGE.search(image.attrs.get("class", ""))
        attachment = self.attachments.get(number.group(1)) if number else None
        if attachment is not None:
            file = attachment.file
        else:
            file = upload_file(image.attrs.get("src", ""))
            if not file:
                return None
            attachment = self.by_file.get(file)
        written = image.attrs.get("alt", "").strip()
        return file, written or (attachment.alt if attachment else "")

    def table(self, table: Element, caption: list | None) -> list:
        """The editor's table: rows of cells holding paragraphs, a caption above."""
        rows = [
            Element("tr", {}, [self.cell(cell) for cell in _cells(row)])
            for row in _rows(table)
        ]
        if not rows or not any(cell.tag == "th" for cell in rows[0].children):
            self.left_out.append("a table's header row (give it one in the editor)")
        tbody = Element("tbody", {}, rows)
        converted = [Element("table", {}, [tbody], block=True)]
        if caption:
            text = caption.pop()
            converted.insert(0, Element("p", {"class": "table-caption"}, text, True))
        return converted

    def cell(self, cell: Element) -> Element:
        spans = {k: v for k, v in cell.attrs.items() if k in ("colspan", "rowspan")}
        content = self.nodes(cell.children)
        if not any(getattr(node, "tag", "") == "p" for node in content):
            content = [Element("p", {}, content)]
        return Element(cell.tag, spans, content)

    def frame(self, frame: Element) -> list:
        address = frame.attrs.get("src", "")
        if video_address(address):
            return [self.link_paragraph(address, "")]
        self.left_out.append(f"an embedded frame ({urlsplit(address).netloc})")
        return []

    def bare_video(self, paragraph: Element) -> Element | None:
        """A paragraph holding only a video's address: the video paragraph."""
        text = _text(paragraph.children).strip()
        if any(isinstance(node, Element) for node in paragraph.children):
            return None
        return self.link_paragraph(text, "") if video_address(text) else None

    def link_paragraph(self, address: str, title: str) -> Element:
        """A paragraph holding one link: a video's (a player on the page) or any
        other embedded address."""
        watch = video_address(address)
        if watch:
            title = title or f"{rich_text.video(watch)[0]} video"
        link = Element("a", {"href": watch or address}, [title or address])
        return Element("p", {}, [link], block=True)


def _rows(table: Element) -> list[Element]:
    """The table's rows, header rows first, not those of tables inside it."""
    rows = []
    for child in table.children:
        if isinstance(child, Element):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(_rows(child))
    return rows


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if getattr(c, "tag", "") in ("th", "td")]


def _lifted(element: Element) -> list:
    """The element, split around the blocks made inside it (a figure in a
    paragraph or a link): the parts with text stay, the blocks come out."""
    if not any(getattr(child, "block", False) for child in element.children):
        return [element]
    parts, current = [], []
    for child in element.children + [None]:
        if child is None or getattr(child, "block", False):
            if _text(current).strip():
                parts.append(Element(element.tag, element.attrs, current))
            if child is not None:
                parts.append(child)
            current = []
        else:
            current.append(child)
    return parts
