"""WordPress shortcodes in post content: the few we understand become HTML, the
rest are taken out of the text and named, so that no reader sees "[et_pb_section]".

A bracketed word is taken for a shortcode when it looks like one: it has attributes
or a closing tag, a "-" or "_" in its name, or a line to itself. "[sic]" in a
sentence stays as written.
"""

import html
import re

from django.utils.html import strip_tags

from wordpress.wxr import Attachment

# [[name]] is WordPress's way of writing a shortcode as text: kept, one bracket less.
_SHORTCODE = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?)\](\]?)")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.DOTALL)
_CAPTIONED = re.compile(
    r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.DOTALL | re.IGNORECASE
)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]")


def expand(content: str, post_id: str, attachments: dict[str, Attachment]):
    """(content with [caption], [gallery] and [embed] as HTML and every other
    shortcode removed, the names of those removed in order of appearance)."""
    content = _CAPTION.sub(_caption, content)
    content = _GALLERY.sub(lambda found: _gallery(found, post_id, attachments), content)
    content = _EMBED.sub(lambda found: f"\n\n<p>{found[1].strip()}</p>\n\n", content)
    return _remove_others(content)


def _attributes(inside: str) -> dict[str, str]:
    return {
        name.lower(): next(value for value in values if value is not None)
        for name, *values in _ATTRIBUTE.findall(html.unescape(inside))
    }


def _caption(match: re.Match) -> str:
    """[caption]<img> Text[/caption] (or caption="Text"): a figure with a caption."""
    parts = _CAPTIONED.match(match.group(2))
    if parts is None:
        return match.group(2)
    image, text = parts.groups()
    text = text.strip() or html.escape(_attributes(match.group(1)).get("caption", ""))
    return f"\n\n<figure>{image}<figcaption>{text}</figcaption></figure>\n\n"


def _gallery(match: re.Match, post_id: str, attachments: dict[str, Attachment]):
    """[gallery ids="1,2"] (or, without ids, the post's own uploads): figures."""
    options = _attributes(match.group(1))
    listed = options.get("ids") or options.get("include")
    if listed:
        ids = [number.strip() for number in listed.split(",") if number.strip()]
    else:
        ids = [key for key, item in attachments.items() if item.parent == post_id]
    figures = "".join(
        f'<figure><img class="wp-image-{number}" alt="">'
        f"<figcaption>{_caption_of(attachments.get(number))}</figcaption></figure>"
        for number in ids
    )
    return f"\n\n<figure>{figures}</figure>\n\n"


def _caption_of(attachment: Attachment | None) -> str:
    return attachment.caption if attachment else ""


def _remove_others(content: str) -> tuple[str, list[str]]:
    closed = {match.group(3) for match in _SHORTCODE.finditer(content) if match[2]}
    removed: list[str] = []

    def remove(match: re.Match) -> str:
        escaped, closing, name, inside, _ = match.groups()
        if escaped and match.group(5):
            return match.group(0)[1:-1]
        if not (
            inside.strip()
            or closing
            or name in closed
            or "-" in name
            or "_" in name
            or _alone_on_its_line(content, match)
        ):
            return match.group(0)
        if not closing and name not in removed:
            removed.append(name)
        return ""

    return _SHORTCODE.sub(remove, content), removed


def _alone_on_its_line(content: str, match: re.Match) -> bool:
    start = content.rfind("\n", 0, match.start()) + 1
    end = content.find("\n", match.end())
    line = content[start : end if end != -1 else len(content)]
    return strip_tags(line).strip() == match.group(0)
