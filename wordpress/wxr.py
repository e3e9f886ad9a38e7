"""Reading WordPress exports (WXR 1.0-1.2), streaming and safe against hostile XML.

Only what the importer needs is kept from each <item>, as a plain `Post`; each
element is dropped from memory once read, so the size of the export does not matter.
"""

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone

from wordpress import addresses

KNOWN_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = "http://wordpress.org/export/"  # then the version: "1.2/"
OTHER_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
_POST_ID = re.compile(r"[0-9]{1,18}")


class WxrError(ValueError):
    """The file is not a WordPress export this importer can read."""


@dataclass
class Attachment:
    """A file in the media library: its path under the uploads folder, and text."""

    file: str  # "2019/04/knee.jpg"
    alt: str
    caption: str
    parent: str  # the post it was uploaded to, or "0"


@dataclass
class Export:
    """What the first pass learns: the version, and what posts refer to."""

    version: str = ""
    site: str = ""  # the channel's <link>: the old site's address
    author_names: dict[str, str] = field(default_factory=dict)  # login -> name
    author_ids: dict[str, str] = field(default_factory=dict)  # login -> user ID
    attachments: dict[str, Attachment] = field(default_factory=dict)  # by post ID
    # post ID -> the attachment's old paths: its page, its file and its sizes
    attachment_paths: dict[str, list[str]] = field(default_factory=dict)
    category_ids: dict[str, str] = field(default_factory=dict)  # nicename -> term ID
    category_parents: dict[str, str] = field(default_factory=dict)  # nicename -> its
    permalink_structure: str | None = None  # "/%year%/%monthnum%/%postname%/"


@dataclass
class Post:
    """One <item> of the export, as plain values."""

    post_id: str
    post_type: str
    parent: str
    status: str
    title: str
    link: str
    guid: str
    name: str
    content: str
    excerpt: str
    creator: str
    date: str
    date_gmt: str
    modified: str
    modified_gmt: str
    password: str
    terms: list[tuple[str, str, str]]  # (domain, nicename, name)
    meta: dict[str, str]
    comments: list["Comment"]
    menu_order: str = "0"
    sticky: bool = False
    attachment_url: str = ""

    @property
    def wordpress_id(self) -> int | None:
        """The post ID, if it is one (at most 18 digits: it fits a bigint)."""
        return int(self.post_id) if _POST_ID.fullmatch(self.post_id) else None

    @property
    def label(self) -> str:
        return f'{self.post_type or "post"} {self.post_id} "{self.title}"'


@dataclass
class Comment:
    comment_id: str
    author: str
    date_gmt: str
    date: str
    text: str
    approved: str  # "1", "0", "spam", "trash"
    kind: str  # "" or "comment" for a comment; "pingback", "trackback"


def scan(path: Path) -> Export:
    """Check the whole file; collect the site's address, author names and attachment
    files (no writes)."""
    export = Export()
    for element in channel_children(path):
        name = _name(element.tag)
        if name == "wp:wxr_version":
            export.version = (element.text or "").strip()
            if export.version not in KNOWN_VERSIONS:
                raise WxrError(f"Unknown WXR version {export.version!r}.")
        elif name == "link":
            export.site = (element.text or "").strip()
        elif name == "wp:author":
            author = _values(element)
            login = author["wp:author_login"]
            export.author_names[login] = author["wp:author_display_name"]
            export.author_ids[login] = author["wp:author_id"]
        elif name == "wp:category":
            category = _values(element)
            nicename = category["wp:category_nicename"]
            export.category_ids[nicename] = category["wp:term_id"]
            export.category_parents[nicename] = category["wp:category_parent"]
        elif name == "item":
            post = read_post(element)
            if post.post_type == "attachment":
                export.attachments[post.post_id] = Attachment(
                    file=post.meta.get("_wp_attached_file", ""),
                    alt=post.meta.get("_wp_attachment_image_alt") or post.title,
                    caption=post.excerpt,
                    parent=post.parent,
                )
                export.attachment_paths[post.post_id] = addresses.attachment_paths(
                    post, export.site
                )
            elif export.permalink_structure is None and post.post_type == "post":
                export.permalink_structure = addresses.permalink_structure_of(post)
    if not export.version:
        raise WxrError("This is not a WordPress export (no wp:wxr_version).")
    return export


def channel_children(path: Path):
    """Yield each element directly inside <channel>, then drop it from memory."""
    parents = []
    try:
        for event, element in iterparse(
            str(path),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        ):
            if event == "start":
                if not parents and element.tag != "rss":
                    raise WxrError("This is not a WordPress export (no <rss>).")
                parents.append(element)
                continue
            parents.pop()
            if len(parents) == 2 and parents[1].tag == "channel":
                yield element
                element.clear()
                parents[1].remove(element)
    except ParseError as error:
        raise WxrError(f"The file is not complete, well-formed XML: {error}.") from None
    except DefusedXmlException:
        raise WxrError(
            "The file declares a DTD or entities, which WordPress exports never do: "
            "refused for safety."
        ) from None


def _name(tag: str) -> str:
    """A tag with its namespace as WXR's usual prefix: "wp:post_id", "dc:creator"."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace.startswith(WP_NAMESPACE):
        prefix = "excerpt" if namespace.endswith("/excerpt/") else "wp"
    else:
        prefix = OTHER_NAMESPACES.get(namespace, namespace)
    return f"{prefix}:{local}"


def _values(element) -> defaultdict[str, str]:
    return defaultdict(
        str, {_name(child.tag): (child.text or "").strip() for child in element}
    )


def read_post(element) -> Post:
    values, terms, meta, comments = defaultdict(str), [], {}, []
    for child in element:
        name = _name(child.tag)
        if name == "category" and child.get("domain"):
            term_name = html.unescape((child.text or "").strip())
            terms.append((child.get("domain"), child.get("nicename", ""), term_name))
        elif name == "wp:postmeta":
            pair = _values(child)
            meta[pair["wp:meta_key"]] = pair["wp:meta_value"]
        elif name == "wp:comment":
            comments.append(_comment(child))
        else:
            values[name] = (child.text or "").strip()
    return Post(
        post_id=values["wp:post_id"],
        post_type=values["wp:post_type"],
        parent=values["wp:post_parent"] or "0",
        status=values["wp:status"],
        title=html.unescape(values["title"]),
        link=values["link"],
        guid=values["guid"],
        name=values["wp:post_name"],
        content=values["content:encoded"],
        excerpt=values["excerpt:encoded"],
        creator=values["dc:creator"],
        date=values["wp:post_date"],
        date_gmt=values["wp:post_date_gmt"],
        modified=values["wp:post_modified"],
        modified_gmt=values["wp:post_modified_gmt"],
        password=values["wp:post_password"],
        terms=terms,
        meta=meta,
        comments=comments,
        menu_order=values["wp:menu_order"] or "0",
        sticky=values["wp:is_sticky"] == "1",
        attachment_url=values["wp:attachment_url"],
    )


def _comment(element) -> Comment:
    values = _values(element)
    return Comment(
        comment_id=values["wp:comment_id"],
        author=html.unescape(values["wp:comment_author"]),
        date_gmt=values["wp:comment_date_gmt"],
        date=values["wp:comment_date"],
        text=values["wp:comment_content"],
        approved=values["wp:comment_approved"],
        kind=values["wp:comment_type"],
    )


def wordpress_time(gmt: str, local: str = "") -> datetime | None:
    """A WordPress date: GMT when set, else local time in TIME_ZONE, else None."""
    if moment := _parse_time(gmt):
        return moment.replace(tzinfo=UTC)
    if moment := _parse_time(local):
        return timezone.make_aware(moment, timezone.get_default_timezone())
    return None


def _parse_time(value: str) -> datetime | None:
    try:  # WordPress's "no date", "0000-00-00 00:00:00", fails here too
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
