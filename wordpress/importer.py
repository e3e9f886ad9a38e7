"""Import a WordPress export (WXR 1.0-1.2): posts, their terms, authors, pictures
and comments, pages, and every old address.

The file is read twice, streaming (wordpress/wxr.py), so it is never held whole in
memory. The first pass writes nothing: it checks that the whole file is a well-formed
export of a known version, and collects the little that posts refer to (author names,
attachment files, categories). The second pass imports the posts, then the pages
(wordpress/pages.py), in one transaction; the pictures of their bodies come into the
picture library (wordpress/bodies.py). Bodies are cleaned by save(), by the same
rules as the editor's. Last, links to posts and pages that came later in the file
than the body linking to them are made to lead to their new addresses.
"""

import hashlib
import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import reversion
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from taggit.models import Tag

from blog import related, search
from blog.models import Article, Category, TaggedArticle
from clinic import dates, images, rich_text
from clinic.models import Person, Picture
from wordpress import addresses, bodies, comments, history, links, media, pages, seo
from wordpress.fields import STATUSES, summary
from wordpress.fields import slug_from as _slug
from wordpress.pictures import MissingPicture, Uploads
from wordpress.wxr import (
    Export,
    Post,
    channel_children,
    read_post,
    scan,
    wordpress_time,
)

KINDS = ("categories", "tags", "authors", "articles", "pages", "images", "comments")
KEPT = "changed on this site since the last import: kept"


@dataclass
class BodyNotes:
    """What the import of one post's body could not carry over, for its editor."""

    shortcodes: list[str] = field(default_factory=list)  # not understood: removed
    missing_images: list[str] = field(default_factory=list)  # left out, and why
    left_out: list[str] = field(default_factory=list)  # what the editor cannot hold
    old_links: list[str] = field(default_factory=list)  # old-site links with no home


@dataclass
class Report:
    version: str = ""
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> number
    skipped: Counter = field(default_factory=Counter)  # post type, or "comment"
    missing_images: int = 0
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited here: left as they are
    booking_pages: list[str] = field(default_factory=list)
    bodies: dict[str, BodyNotes] = field(default_factory=dict)  # by post label


def run(
    path: Path,
    media_dir: Path | None = None,
    dry_run: bool = False,
    old_domains: tuple[str, ...] = (),
    permalinks: str | None = None,
    appointment_page: str | None = None,
    overwrite: bool = False,
) -> Report:
    """Import the export at `path` in one transaction, rolled back for a dry run.

    `old_domains` are other domains the old site answered on: links in bodies to
    them lead here too. `permalinks` is the old site's permalink structure, when
    the export's posts do not show it (for the future address of a scheduled
    post). `appointment_page` is the slug of the old booking page, when no form
    plugin's shortcode shows it. Articles and pages edited here since the last
    import are kept, unless `overwrite`.
    """
    export = scan(path)
    export.permalink_structure = permalinks or export.permalink_structure
    if media_dir:
        media.check(
            media_dir, [attachment.file for attachment in export.attachments.values()]
        )
    importer = Importer(export, media_dir, dry_run, old_domains, overwrite)
    page_importer = pages.PageImporter(importer, appointment_page)
    try:
        with transaction.atomic():
            with search.deferred_indexing():
                for element in channel_children(path):
                    if element.tag == "item":
                        post = read_post(element)
                        if post.post_type == "page":
                            page_importer.add(post)
                        else:
                            importer.import_post(post)
                page_importer.import_pages()
                importer.addresses.site_feeds()
            importer.link_to_later_items()
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        importer.uploads.delete_stored()
        raise
    return importer.report


class Importer:
    """Turns posts into articles, and counts what it did in `report`."""

    def __init__(
        self,
        export: Export,
        media_dir: Path | None,
        dry_run: bool,
        old_domains: tuple[str, ...] = (),
        overwrite: bool = False,
    ):
        self.export = export
        self.dry_run = dry_run
        self.overwrite = overwrite
        self.addresses = addresses.OldAddresses(export, self._warn, dry_run)
        self.report = Report(version=export.version)
        self.uploads = Uploads(media_dir, dry_run, self.report.counts)
        hosts = {links.host_name(address) for address in (export.site, *old_domains)}
        self.on_old_site = links.on_old_site(hosts - {""})
        self._authors: dict[str, Person] = {}
        self._terms: dict[tuple, Category | Tag] = {}
        # (article or page, WordPress ID, the state remembered, its body's notes)
        self._later_links: list[tuple] = []

    def import_post(self, post: Post) -> None:
        """Create or update the article of a post; count anything else as skipped."""
        status = STATUSES.get(post.status)
        if post.post_type != "post" or status is None or post.wordpress_id is None:
            what = (
                f"post ({post.status})" if post.post_type == "post" else post.post_type
            )
            self.report.skipped[what] += 1
            self.report.skipped["comment"] += len(post.comments)
            return
        if post.password and status == Article.Status.PUBLISHED:
            self._warn(f"{post.label} has a password: imported as a draft.")
            status = Article.Status.DRAFT
        article = self._existing_article(post) or Article()
        stored_terms = self._stored_terms(article)
        before = self._state(article, *stored_terms)
        if self.kept_as_edited(article, before | self._image_state(article)):
            self.addresses.post(article, post)
            comments.keep(article, post, self.report)
            return
        self._fill(article, post, status)
        categories, tags = self._post_terms(post)
        image_changed = self._set_featured_image(article, post)
        after = self._state(article, categories, tags)
        if article.pk and not image_changed and after == before:
            self.report.counts["articles", "unchanged"] += 1
        else:
            outcome = "updated" if article.pk else "created"
            with history.revision():
                self._save(article, categories, tags)
            self.report.counts["articles", outcome] += 1
        self.remember(article, post, after | self._image_state(article))
        self.addresses.post(article, post)
        comments.keep(article, post, self.report)

    def kept_as_edited(self, obj, state: dict) -> bool:
        """True, and reported, if the object was changed on this site since the
        import wrote it and may not be overwritten."""
        if obj.pk is None or self.overwrite or not history.edited_here(obj, state):
            return False
        self.report.kept.append(f"{obj} ({obj.get_absolute_url()})")
        return True

    def remember(self, obj, post: Post, state: dict) -> None:
        """Record what the import wrote to an article or page; the links of its body
        with no home yet are tried again once everything is imported."""
        history.remember(obj, post.wordpress_id, state)
        notes = self.report.bodies.get(post.label)
        if notes and notes.old_links:
            self._later_links.append((obj, post.wordpress_id, state, notes))

    def _image_state(self, article: Article) -> dict:
        """The featured image as stored: replaced here, it counts as an edit."""
        return {"featured_image": article.featured_image.name or ""}

    def link_to_later_items(self) -> None:
        """Old links with no home when their post or page was imported: what they
        lead to may have come later in the file (pages come last). One lookup per
        such body; a body that changes is a revision, and remembered as imported."""
        for imported, wordpress_id, state, notes in self._later_links:
            field = imported.rich_text_field
            pending = set(notes.old_links)
            stored = getattr(imported, field)
            body, notes.old_links = links.rewrite(stored, pending.__contains__)
            if body != stored:
                # The links alone changed: no new words, pictures or dates. Saved,
                # not updated, so that what listens to saves (cached pages) hears.
                setattr(imported, field, body)
                with history.revision():
                    imported.save(update_fields=[field])
                history.remember(imported, wordpress_id, state | {field: body})

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
            "seo_title",
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
        if post.sticky:  # WordPress pins it to the top of the blog: here, Featured
            categories.append(self._category("featured", "Featured"))
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
        article.body = self._body(post)
        article.summary = summary(post.excerpt, article.body)
        seo.fill(article, post, self._warn)
        article.author = self._author(post.creator)
        self.fill_publication(article, post, status)
        modified = wordpress_time(post.modified_gmt, post.modified)
        if modified and not dates.in_range(modified):
            self._warn_out_of_range(post, "last change", modified, "left out")
            modified = None
        article.updated_at = modified or article.updated_at
        article.revised_at = modified or article.revised_at  # the best we know

    def fill_publication(self, item, post: Post, status: str) -> None:
        """An article's or page's status, publish and creation times from a post's;
        a date out of range makes it a draft."""
        written = wordpress_time(post.date_gmt, post.date)
        if written and not dates.in_range(written):
            self._warn_out_of_range(post, "date", written, "imported as a draft")
            status, written = item.Status.DRAFT, None
        item.status = status
        # WordPress gives a draft no GMT date ("0000-00-00 00:00:00") and publishes
        # it when someone presses Publish; here too a draft has no publish time.
        if status == item.Status.PUBLISHED:
            item.published_at = written or item.published_at
        else:
            item.published_at = wordpress_time(post.date_gmt) if written else None
        item.created_at = written or item.created_at

    def _body(self, post: Post) -> str:
        """The content of a post or page as our rich text, cleaned as save() will
        (to compare with the stored body), its links to the old site leading here;
        what it could not carry over noted in the report."""
        notes = self.report.bodies[post.label] = BodyNotes()

        def picture(file: str, description: str) -> Picture | None:
            try:
                found = self.uploads.library_picture(file, description)
            except MissingPicture as error:
                self.report.missing_images += 1
                notes.missing_images.append(str(error))
                return None
            if found is not None:
                self.addresses.upload(file, found.image.url)
            return found

        converted = bodies.convert(
            post.content, post.post_id, self.export.attachments, picture
        )
        notes.shortcodes, notes.left_out = converted.shortcodes, converted.left_out
        body, notes.old_links = links.rewrite(
            rich_text.clean(converted.html), self.on_old_site
        )
        return body

    def _save(self, article: Article, categories: list, tags: list) -> None:
        """Save the article and its terms; put back the WordPress dates (auto_now)."""
        new_image = (
            bool(article.featured_image) and not article.featured_image._committed
        )
        created = article.pk is None
        dates = {"created_at": article.created_at, "updated_at": article.updated_at}
        article.save()
        if new_image:
            self.uploads.stored.append(
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
        self.revise(article, dates)

    def revise(self, obj, dates: dict) -> None:
        """Put the dates written past save() back on the object, and make the
        revision show it as saved."""
        for name, value in dates.items():
            setattr(obj, name, value)
        reversion.add_to_revision(obj)

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
            self.addresses.author(login, author)
        return self._authors[login]

    def _category(self, nicename: str, name: str) -> Category:
        """The category of this slug (Blog, Featured, News...) or name, or a new one;
        its archives lead to it."""
        key = ("categories", nicename, name)
        if key not in self._terms:
            category = self._term(Category, "categories", nicename, name, 80)
            self.addresses.category(nicename, category)
        return self._terms[key]

    def _tag(self, nicename: str, name: str) -> Tag:
        """The tag of this slug or name, or a new one; its archives lead to it."""
        key = ("tags", nicename, name)
        if key not in self._terms:
            tag = self._term(Tag, "tags", nicename, name, max_length=100)
            self.addresses.tag(nicename, tag)
        return self._terms[key]

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
        if self.uploads.folder is None:
            self.report.skipped["featured image (no --media-dir)"] += 1
            return False
        if thumbnail_id not in self.export.attachments:
            self._missing(post, f"attachment {thumbnail_id} is not in the export")
            return False
        attachment = self.export.attachments[thumbnail_id]
        try:
            picture = self.uploads.file(attachment.file)
        except MissingPicture as error:
            self._missing(post, str(error))
            return False
        article.featured_image_alt = attachment.alt[:250]
        if article.featured_image and self._same_picture(article, picture):
            self.report.counts["images", "unchanged"] += 1
            return False
        self.report.counts[
            "images", "updated" if article.featured_image else "created"
        ] += 1
        if not self.dry_run:
            article.featured_image = picture
        return True

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

    def _warn_out_of_range(self, post: Post, what: str, moment, outcome: str) -> None:
        years = f"{dates.EARLIEST.year} to {dates.LATEST.year}"
        self._warn(
            f"{post.label}: the {what} {moment.date().isoformat()} is outside the "
            f"years {years}: {outcome}."
        )

    def _warn(self, message: str) -> None:
        self.report.warnings.append(message)
