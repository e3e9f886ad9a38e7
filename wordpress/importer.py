"""Import a WordPress export (WXR 1.0-1.2): posts, their terms, authors and pictures.

The file is read twice, streaming (wordpress/wxr.py), so it is never held whole in
memory. The first pass writes nothing: it checks that the whole file is a well-formed
export of a known version, and collects the little that posts refer to (author names,
attachment files). The second pass imports the posts, in one transaction. Bodies are
cleaned by Article.save(), by the same rules as the editor's.
"""

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from taggit.models import Tag

from blog import related, search
from blog.models import Article, Category, TaggedArticle
from clinic import dates, images, rich_text
from clinic.models import Person, Redirect
from wordpress.wxr import (
    Export,
    Post,
    body_html,
    channel_children,
    read_post,
    scan,
    wordpress_time,
)

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
_SLUG_SEPARATOR = re.compile(r"[.@]+")


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
                for element in channel_children(path):
                    if element.tag == "item":
                        importer.import_post(read_post(element))
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        importer.delete_stored_images()
        raise
    return importer.report


def summary(excerpt: str, body: str) -> str:
    """The excerpt as plain text, else the body's first words; within the limit."""
    text = _plain_text(excerpt) or Truncator(_plain_text(body)).words(SUMMARY_WORDS)
    return Truncator(text).chars(SUMMARY_LENGTH)


def _plain_text(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


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
        self._authors: dict[str, Person] = {}
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
            images.delete_stored(name, width)

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
        written = wordpress_time(post.date_gmt, post.date)
        if written and not dates.in_range(written):
            self._warn_out_of_range(post, "date", written, "imported as a draft")
            status, written = Article.Status.DRAFT, None
        article.status = status
        # WordPress gives a draft no GMT date ("0000-00-00 00:00:00") and publishes
        # it when someone presses Publish; here too a draft has no publish time.
        if status == Article.Status.PUBLISHED:
            article.published_at = written or article.published_at
        else:
            article.published_at = wordpress_time(post.date_gmt) if written else None
        article.created_at = written or article.created_at
        modified = wordpress_time(post.modified_gmt, post.modified)
        if modified and not dates.in_range(modified):
            self._warn_out_of_range(post, "last change", modified, "left out")
            modified = None
        article.updated_at = modified or article.updated_at
        article.revised_at = modified or article.revised_at  # the best we know

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
            Article.categories.through.objects.bulk_create(
                Article.categories.through(article=article, category_id=pk)
                for pk in {category.pk for category in categories}
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag_id=pk)
                for pk in {tag.pk for tag in tags}
            )
            search.reindex([article.pk])  # bulk_create sends no signal
            related.refresh_around([article.pk])
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

    def _author(self, login: str) -> Person:
        """The byline of a WordPress login, by slug; created if new (no account)."""
        if login not in self._authors:
            name = html.unescape(self.export.author_names.get(login) or login)
            slug = _slug(login, name, max_length=120) or "wordpress"
            author, created = Person.objects.get_or_create(
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
        Redirect.objects.bulk_create(  # one upsert, where update_or_create takes five
            [Redirect(old_path=path, target=article)],
            update_conflicts=True,
            unique_fields=["old_path"],
            update_fields=["content_type", "object_id"],
        )

    def _warn_out_of_range(self, post: Post, what: str, moment, outcome: str) -> None:
        years = f"{dates.EARLIEST.year} to {dates.LATEST.year}"
        self._warn(
            f"{post.label}: the {what} {moment.date().isoformat()} is outside the "
            f"years {years}: {outcome}."
        )

    def _warn(self, message: str) -> None:
        self.report.warnings.append(message)
