"""WordPress pages become pages here, under their parents; the old booking page
becomes the appointment request form."""

import re

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from clinic import dates
from pages.addresses import reserved_segments
from pages.models import Page
from wordpress import addresses, history, seo
from wordpress.fields import STATUSES, slug_from, summary
from wordpress.models import Imported
from wordpress.wxr import Post, wordpress_time

# The shortcodes and blocks of Contact Form 7, Gravity Forms, WPForms, Ninja Forms
FORM_PLUGINS = re.compile(
    r"\[(?:contact-form-7|gravityforms?|wpforms|ninja_forms?)\b"
    r"|<!--\s*wp:(?:contact-form-7|gravityforms|wpforms|ninja-forms)/",
    re.IGNORECASE,
)
SLUG_LENGTH = Page._meta.get_field("slug").max_length
POSITION_MAX = 32767


def is_booking_page(post: Post, appointment_page: str | None) -> bool:
    """The page named by --appointment-page, else any page holding a form."""
    if appointment_page:
        return post.name == appointment_page
    return bool(FORM_PLUGINS.search(post.content))


class PageImporter:
    """Turns WordPress pages into pages, once all are read (a parent may come after
    its subpages in the export); counts what it did in the importer's report."""

    def __init__(self, importer, appointment_page: str | None):
        self.importer = importer
        self.report = importer.report
        self.appointment_page = appointment_page
        self.posts: dict[str, Post] = {}
        self.pages: dict[str, Page] = {}  # WordPress ID -> its page here

    def add(self, post: Post) -> None:
        if STATUSES.get(post.status) is None or post.wordpress_id is None:
            self.report.skipped[f"page ({post.status})"] += 1
            return
        self.posts[post.post_id] = post

    def import_pages(self) -> None:
        """Import the pages held, parents first; the booking page leads to the form."""
        for post in sorted(self.posts.values(), key=self._depth):
            if is_booking_page(post, self.appointment_page):
                self._lead_to_form(post)
            else:
                self._import(post)
        if self.appointment_page and not self.report.booking_pages:
            self.importer._warn(
                f"--appointment-page {self.appointment_page}: no page of the export "
                "has this slug."
            )

    def _depth(self, post: Post) -> int:
        depth, seen = 0, set()
        while post.parent in self.posts and post.parent not in seen:
            seen.add(post.parent)
            post, depth = self.posts[post.parent], depth + 1
        return depth

    def _lead_to_form(self, post: Post) -> None:
        form = reverse("appointments:request")
        for path in self._old_paths(post):
            self.importer.addresses.keep(path, new_path=form)
        self.report.booking_pages.append(
            f"{post.label} ({addresses.old_path(post.link)}) now leads to {form}"
        )

    def _import(self, post: Post) -> None:
        status = STATUSES[post.status]
        if post.password and status == Page.Status.PUBLISHED:
            self.importer._warn(f"{post.label} has a password: imported as a draft.")
            status = Page.Status.DRAFT
        page = self._existing(post) or Page()
        before = self._state(page)
        self.report.skipped["comment (on a page)"] += len(post.comments)
        if not self.importer.kept_as_edited(page, before):
            self._fill(page, post, status)
            after = self._state(page)
            if page.pk and after == before:
                self.report.counts["pages", "unchanged"] += 1
            else:
                self.report.counts["pages", "updated" if page.pk else "created"] += 1
                with history.revision():
                    self._save(page)
            self.importer.remember(page, post, self._state(page))
        self.pages[post.post_id] = page
        for path in self._old_paths(post):
            self.importer.addresses.keep(path, page)

    def _old_paths(self, post: Post) -> list[str]:
        """A page's permalink and plain links (/?page_id=7, and /?p=7 works too)."""
        plain = [f"/?page_id={post.post_id}", f"/?p={post.post_id}"]
        return [addresses.old_path(post.link), *plain]

    def _existing(self, post: Post) -> Page | None:
        """The page imported from this WordPress page before, if any (two queries)."""
        imported = Imported.objects.filter(
            content_type=ContentType.objects.get_for_model(Page),
            wordpress_id=post.wordpress_id,
        ).values_list("object_id", flat=True)
        return Page.objects.filter(pk__in=list(imported)).first()

    def _state(self, page: Page) -> dict:
        """The imported fields of a page, to tell whether an import changes it."""
        fields = (
            "title",
            "slug",
            "parent_id",
            "summary",
            "body",
            "seo_title",
            "meta_description",
            "status",
            "published_at",
            "position",
            "created_at",
            "updated_at",
        )
        return {name: getattr(page, name) for name in fields}

    def _fill(self, page: Page, post: Post, status: str) -> None:
        page.title = post.title[:200] or f"Untitled WordPress page {post.post_id}"
        page.parent = self.pages.get(post.parent)
        base = slug_from(post.name, page.title, max_length=SLUG_LENGTH)
        page.slug = self._free_slug(page, base or f"wordpress-{post.post_id}")
        page.body = self.importer._body(post)
        page.summary = summary(post.excerpt, page.body)
        seo.fill(page, post, self.importer._warn)
        page.position = min(int(post.menu_order or 0), POSITION_MAX)
        self.importer.fill_publication(page, post, status)
        modified = wordpress_time(post.modified_gmt, post.modified)
        if modified and dates.in_range(modified):
            page.updated_at = modified

    def _free_slug(self, page: Page, base: str) -> str:
        """The slug, or the first free one after it: never an address of the site
        itself (/blog/), nor another page's."""
        reserved = reserved_segments() if page.parent is None else set()
        parent_path = f"{page.parent.path}/" if page.parent else ""
        slug, number = base, 2
        while (
            slug.lower() in reserved
            or Page.objects.filter(path=parent_path + slug).exclude(pk=page.pk).exists()
        ):
            suffix = f"-{number}"
            slug, number = base[: SLUG_LENGTH - len(suffix)] + suffix, number + 1
        return slug

    def _save(self, page: Page) -> None:
        """Save the page; put back the WordPress dates (auto_now)."""
        moments = {"created_at": page.created_at, "updated_at": page.updated_at}
        page.save()
        moments = {name: value for name, value in moments.items() if value}
        Page.objects.filter(pk=page.pk).update(**moments)
        self.importer.revise(page, moments)
