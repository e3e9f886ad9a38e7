"""Import a WordPress export (WXR 1.0-1.2): posts, their terms, authors and pictures.

The file is read twice, streaming, so it is never held whole in memory. The first
pass writes nothing: it checks that the whole file is a well-formed export of a
known version, and collects the little that posts refer to (author names,
attachment files). The second pass imports the posts, in one transaction. Bodies
are cleaned by Article.save(), by the same rules as the editor's.
"""

import hashlib
import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from taggit.models import Tag

from blog import images, rich_text, search
from blog.models import Article, Author, Category, Redirect, TaggedArticle

KNOWN_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = "http://wordpress.org/export/"  # then the version: "1.2/"
OTHER_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # with its future date: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,
}
KINDS = ("categories", "tags", "authors", "articles", "images")
SUMMARY_WORDS = 40
SUMMARY_LENGTH = Article._meta.get_field("summary").max_length
DESCRIPTION_LENGTH = Article._meta.get_field("meta_description").max_length
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|table|figure|hr|section|article"
    r"|aside|header|footer|nav|address|form)\b",
    re.IGNORECASE,
)
_BOLD = re.compile(r"<(/?)b\b[^>]*>", re.IGNORECASE)
_ITALIC = re.compile(r"<(/?)i\b[^>]*>", re.IGNORECASE)
_SLUG_SEPARATOR = re.compile(r"[.@]+")
_POST_ID = re.compile(r"[0-9]{1,18}")


class WxrError(ValueError):
    """The file is not a WordPress export this importer can read."""


@dataclass
class Export:
    """What the first pass learns: the version, and what posts refer to."""

    version: str = ""
    author_names: dict[str, str] = field(default_factory=dict)  # login -> name
    attachments: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Post:
    """One <item> of the export, as plain values."""

    post_id: str
    post_type: str
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
    comments: int

    @property
    def wordpress_id(self) -> int | None:
        """The post ID, if it is one (at most 18 digits: it fits a bigint)."""
        return int(self.post_id) if _POST_ID.fullmatch(self.post_id) else None

    @property
    def label(self) -> str:
        return f'post {self.post_id} "{self.title}"'


@dataclass
class Report:
    version: str = ""
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> number
    skipped: Counter = field(default_factory=Counter)  # post type, or "comment"
    missing_images: int = 0
    warnings: list[str] = field(default_factory=list)


def run(path: Path, media_dir: Path | None = None, dry_run: bool = False) -> Report:
    """Import the export at `path` in one transaction, rolled back for a dry run."""
    importer = Importer(scan(path), media_dir, dry_run)
    try:
        with transaction.atomic():
            with search.deferred_indexing():
                for element in _channel_children(path):
                    if element.tag == "item":
                        importer.import_post(_post(element))
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        importer.delete_stored_images()
        raise
    return importer.report


def scan(path: Path) -> Export:
    """Check the whole file; collect author names and attachment files (no writes)."""
    export = Export()
    for element in _channel_children(path):
        name = _name(element.tag)
        if name == "wp:wxr_version":
            export.version = (element.text or "").strip()
            if export.version not in KNOWN_VERSIONS:
                raise WxrError(f"Unknown WXR version {export.version!r}.")
        elif name == "wp:author":
            author = _values(element)
            login = author["wp:author_login"]
            export.author_names[login] = author["wp:author_display_name"]
        elif name == "item":
            post = _post(element)
            if post.post_type == "attachment":
                alt = post.meta.get("_wp_attachment_image_alt") or post.title
                file = post.meta.get("_wp_attached_file", "")
                export.attachments[post.post_id] = (file, alt)
    if not export.version:
        raise WxrError("This is not a WordPress export (no wp:wxr_version).")
    return export


def _channel_children(path: Path):
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


def _post(element) -> Post:
    values, terms, meta, comments = defaultdict(str), [], {}, 0
    for child in element:
        name = _name(child.tag)
        if name == "category" and child.get("domain"):
            term_name = html.unescape((child.text or "").strip())
            terms.append((child.get("domain"), child.get("nicename", ""), term_name))
        elif name == "wp:postmeta":
            pair = _values(child)
            meta[pair["wp:meta_key"]] = pair["wp:meta_value"]
        elif name == "wp:comment":
            comments += 1
        else:
            values[name] = (child.text or "").strip()
    return Post(
        post_id=values["wp:post_id"],
        post_type=values["wp:post_type"],
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
    )


def body_html(content: str) -> str:
    """WordPress post content as editor HTML, still to be cleaned by Article.save()."""
    content = _BLOCK_COMMENT.sub("", content).strip()
    if not _BLOCK_TAG.search(content):
        content = _paragraphs(content)
    content = _BOLD.sub(r"<\1strong>", content)
    return _ITALIC.sub(r"<\1em>", content)


def _paragraphs(text: str) -> str:
    """Like WordPress's wpautop: blank lines part paragraphs, a newline is a <br>."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return "".join(
        "<p>" + "<br>".join(paragraph.strip().splitlines()) + "</p>"
        for paragraph in paragraphs
        if paragraph.strip()
    )


def summary(excerpt: str, body: str) -> str:
    """The excerpt as plain text, else the body's first words; within the limit."""
    text = _plain_text(excerpt) or Truncator(_plain_text(body)).words(SUMMARY_WORDS)
    return Truncator(text).chars(SUMMARY_LENGTH)


def _plain_text(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


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


def _slug(*candidates: str, max_length: int) -> str:
    """The first candidate that makes a usable ASCII slug ("" if none does)."""
    for candidate in candidates:
        words = _SLUG_SEPARATOR.sub("-", unquote(candidate))  # as WordPress: a.b is a-b
        if slug := slugify(words)[:max_length].strip("-"):
            return slug
    return ""


class Importer:
    """Turns posts into articles, and counts what it did in `report`."""

    def __init__(self, export: Export, media_dir: Path | None, dry_run: bool):
        self.export = export
        self.media_dir = media_dir.resolve() if media_dir else None
        self.dry_run = dry_run
        self.report = Report(version=export.version)
        self.stored_images: list[tuple[str, int]] = []  # (name, width)
        self._authors: dict[str, Author] = {}
        self._terms: dict[tuple, Category | Tag] = {}

    def import_post(self, post: Post) -> None:
        """Create or update the article of a post; count anything else as skipped."""
        self.report.skipped["comment"] += post.comments
        status = STATUSES.get(post.status)
        if post.post_type != "post" or status is None or post.wordpress_id is None:
            what = (
                f"post ({post.status})" if post.post_type == "post" else post.post_type
            )
            self.report.skipped[what] += 1
            return
        if post.password and status == Article.Status.PUBLISHED:
            self._warn(f"{post.label} has a password: imported as a draft.")
            status = Article.Status.DRAFT
        article = self._existing_article(post) or Article()
        before = self._state(article, *self._stored_terms(article))
        self._fill(article, post, status)
        categories, tags = self._post_terms(post)
        image_changed = self._set_featured_image(article, post)
        after = self._state(article, categories, tags)
        if article.pk and not image_changed and after == before:
            self.report.counts["articles", "unchanged"] += 1
        else:
            outcome = "updated" if article.pk else "created"
            self._save(article, categories, tags)
            self.report.counts["articles", outcome] += 1
        self._keep_old_path(article, post.link)

    def delete_stored_images(self) -> None:
        """Remove the pictures (and renditions) stored by an import that failed."""
        for name, width in self.stored_images:
            default_storage.delete(name)
            for rendition_width in images.rendition_widths(width):
                for extension in images.RENDITION_FORMATS:
                    rendition = images.rendition_name(name, rendition_width, extension)
                    default_storage.delete(rendition)

    def _existing_article(self, post: Post) -> Article | None:
        """The article imported from this post before, by WordPress ID, then guid."""
        match = Q(wordpress_id=post.wordpress_id)
        if post.guid:
            match |= Q(wordpress_guid=post.guid[:500])
        found = list(Article.objects.filter(match)[:2])
        by_id = [a for a in found if a.wordpress_id == post.wordpress_id]
        return (by_id or found or [None])[0]

    def _state(self, article: Article, categories: list, tags: list) -> dict:
        """The imported fields of an article, to tell whether an import changes it."""
        fields = (
            "wordpress_id",
            "wordpress_guid",
            "title",
            "slug",
            "summary",
            "body",
            "meta_description",
            "author_id",
            "status",
            "published_at",
            "created_at",
            "updated_at",
            "featured_image_alt",
        )
        return {name: getattr(article, name) for name in fields} | {
            "categories": {category.pk for category in categories},
            "tags": {tag.pk for tag in tags},
        }

    def _stored_terms(self, article: Article) -> tuple[list, list]:
        """The article's categories and tags in the database (two queries)."""
        if article.pk is None:
            return [], []
        return list(article.categories.all()), list(article.tags.all())

    def _post_terms(self, post: Post) -> tuple[list[Category], list[Tag]]:
        categories = [
            self._category(slug, name)
            for domain, slug, name in post.terms
            if domain == "category"
        ]
        tags = [
            self._tag(slug, name)
            for domain, slug, name in post.terms
            if domain == "post_tag"
        ]
        return categories, tags

    def _fill(self, article: Article, post: Post, status: str) -> None:
        article.wordpress_id = post.wordpress_id
        article.wordpress_guid = post.guid[:500]
        article.title = post.title[:200] or f"Untitled WordPress post {post.post_id}"
        base = _slug(post.name, article.title, max_length=200)
        article.slug = self._unique_slug(base or f"wordpress-{post.post_id}", article)
        # Cleaned here too (save() cleans again, the same way) to compare with the
        # stored body.
        article.body = rich_text.clean(body_html(post.content))
        article.summary = summary(post.excerpt, article.body)
        description = _plain_text(post.meta.get("_yoast_wpseo_metadesc", ""))
        article.meta_description = Truncator(description).chars(DESCRIPTION_LENGTH)
        article.author = self._author(post.creator)
        article.status = status
        # WordPress gives a draft no GMT date ("0000-00-00 00:00:00") and publishes
        # it when someone presses Publish; here too a draft has no publish time.
        written = wordpress_time(post.date_gmt, post.date)
        if status == Article.Status.PUBLISHED:
            article.published_at = written or article.published_at
        else:
            article.published_at = wordpress_time(post.date_gmt)
        article.created_at = written or article.created_at
        modified = wordpress_time(post.modified_gmt, post.modified)
        article.updated_at = modified or article.updated_at

    def _save(self, article: Article, categories: list, tags: list) -> None:
        """Save the article and its terms; put back the WordPress dates (auto_now)."""
        new_image = (
            bool(article.featured_image) and not article.featured_image._committed
        )
        created = article.pk is None
        dates = {"created_at": article.created_at, "updated_at": article.updated_at}
        article.save()
        if new_image:
            self.stored_images.append(
                (article.featured_image.name, article.image_width)
            )
        if created:  # nothing to compare with: insert the links in two queries
            article.categories.add(*categories)
            unique_tags = {tag.pk: tag for tag in tags}.values()
            TaggedArticle.objects.bulk_create(
                [TaggedArticle(content_object=article, tag=tag) for tag in unique_tags]
            )
            search.reindex([article.pk])  # bulk_create sends no signal
        else:
            article.categories.set(categories)
            article.tags.set(tags)
        dates = {name: value for name, value in dates.items() if value}
        Article.objects.filter(pk=article.pk).update(**dates)

    def _unique_slug(self, base: str, article: Article) -> str:
        slug, number = base, 2
        while Article.objects.filter(slug=slug).exclude(pk=article.pk).exists():
            suffix = f"-{number}"
            slug, number = base[: 200 - len(suffix)] + suffix, number + 1
        return slug

    def _author(self, login: str) -> Author:
        """The byline of a WordPress login, by slug; created if new (no account)."""
        if login not in self._authors:
            name = html.unescape(self.export.author_names.get(login) or login)
            slug = _slug(login, name, max_length=120) or "wordpress"
            author, created = Author.objects.get_or_create(
                slug=slug, defaults={"name": name[:120] or slug}
            )
            self._count("authors", created)
            self._authors[login] = author
        return self._authors[login]

    def _category(self, nicename: str, name: str) -> Category:
        """The category of this slug (Blog, Featured, News...) or name, or a new one."""
        return self._term(Category, "categories", nicename, name, max_length=80)

    def _tag(self, nicename: str, name: str) -> Tag:
        return self._term(Tag, "tags", nicename, name, max_length=100)

    def _term(self, model, kind: str, nicename: str, name: str, max_length: int):
        """A category or tag found by slug, then name; created if new."""
        key = (kind, nicename, name)
        if key not in self._terms:
            # A name without a Latin letter or digit still needs its own ASCII slug.
            digest = hashlib.sha256(name.encode()).hexdigest()[:12]
            slug = _slug(nicename, name, max_length=max_length) or f"{kind}-{digest}"
            name = name[:max_length] or slug
            term = (
                model.objects.filter(slug=slug).first()
                or model.objects.filter(name=name).first()
            )
            created = term is None
            if created:
                term = model.objects.create(slug=slug, name=name)
            self._count(kind, created)
            self._terms[key] = term
        return self._terms[key]

    def _count(self, kind: str, created: bool) -> None:
        self.report.counts[kind, "created" if created else "unchanged"] += 1

    def _set_featured_image(self, article: Article, post: Post) -> bool:
        """Attach the post's thumbnail when new or changed; True if it is."""
        thumbnail_id = post.meta.get("_thumbnail_id")
        if not thumbnail_id:
            return False
        if self.media_dir is None:
            self.report.skipped["featured image (no --media-dir)"] += 1
            return False
        if thumbnail_id not in self.export.attachments:
            self._missing(post, f"attachment {thumbnail_id} is not in the export")
            return False
        relative, alt = self.export.attachments[thumbnail_id]
        picture = self._picture(post, relative)
        if picture is None:
            return False
        article.featured_image_alt = alt[:250]
        if article.featured_image and self._same_picture(article, picture):
            self.report.counts["images", "unchanged"] += 1
            return False
        self.report.counts[
            "images", "updated" if article.featured_image else "created"
        ] += 1
        if not self.dry_run:
            article.featured_image = picture
        return True

    def _picture(self, post: Post, relative: str) -> ContentFile | None:
        """The attachment's file under --media-dir, checked; None with a warning."""
        path = (self.media_dir / relative).resolve()
        if not path.is_relative_to(self.media_dir) or not path.is_file():
            return self._missing(post, f"{relative!r} is not a file in --media-dir")
        with path.open("rb") as file:
            try:
                images.validate_image(File(file, name=path.name))
            except ValidationError as error:
                return self._missing(post, f"{relative}: {error.messages[0]}")
            return ContentFile(file.read(), name=path.name)

    def _same_picture(self, article: Article, picture: ContentFile) -> bool:
        # Re-encoding is deterministic: the same source gives the stored bytes.
        try:
            with article.featured_image.open("rb") as stored:
                return images.reencode(picture).read() == stored.read()
        except FileNotFoundError:
            return False

    def _missing(self, post: Post, reason: str) -> None:
        self.report.missing_images += 1
        self._warn(f"{post.label}: no featured image, {reason}.")

    def _keep_old_path(self, article: Article, link: str) -> None:
        """Make the post's WordPress permalink redirect to the article."""
        path = unquote(urlsplit(link).path)
        if path in ("", "/") or path == article.get_absolute_url():
            return
        if len(path) > Redirect._meta.get_field("old_path").max_length:
            self._warn(f"{path} is too long to keep as an old address.")
            return
        Redirect.objects.update_or_create(old_path=path, defaults={"article": article})

    def _warn(self, message: str) -> None:
        self.report.warnings.append(message)
