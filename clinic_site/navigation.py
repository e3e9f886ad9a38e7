"""What the header and footer link to, worked out once per content version.

The links are those the public may follow now. A scheduled page they lead to changes
them when it goes public, without any save to bump the content version: `changes_at`
says when, and the chrome is worked out again then.
"""

import logging
from dataclasses import dataclass

from django.urls import NoReverseMatch

from clinic_site.models import MenuItem
from pages.models import Page

logger = logging.getLogger(__name__)

LEGAL_KINDS = [Page.Kind.PRIVACY, Page.Kind.POLICY]


@dataclass(frozen=True)
class SiteLinks:
    menus: dict[str, list[dict]]  # {"header": [{"label", "url"}, ...], "footer": ...}
    legal_pages: list[dict]  # the privacy notice first, then the other legal pages
    changes_at: float | None  # when a scheduled page they lead to goes public


def site_links() -> SiteLinks:
    """The menus' public links in order, and the published legal pages (two queries)."""
    menus = {menu: [] for menu in MenuItem.Menu}
    linked_pages = []
    items = MenuItem.objects.select_related("page", "category").defer("page__body")
    for item in items:
        if item.page_id:
            linked_pages.append(item.page)
            if not item.page.is_public:
                continue
        try:
            url = item.address()
        except NoReverseMatch:  # a section this release of the site does not have
            logger.warning("Menu item %s: %s has no address", item.pk, item.section)
            continue
        menus[item.menu].append({"label": item.text, "url": url})

    # Marked published: those public now, and the scheduled ones, which say when
    # the footer changes.
    legal = list(
        Page.objects.filter(kind__in=LEGAL_KINDS, status=Page.Status.PUBLISHED).defer(
            "body"
        )
    )
    linked_pages += legal
    public = sorted(
        (page for page in legal if page.is_public),
        key=lambda page: page.kind != Page.Kind.PRIVACY,
    )
    scheduled = [
        page.published_at
        for page in linked_pages
        if page.publication_state == "Scheduled"
    ]
    return SiteLinks(
        menus=menus,
        legal_pages=[{"label": p.title, "url": p.get_absolute_url()} for p in public],
        changes_at=min(scheduled).timestamp() if scheduled else None,
    )
