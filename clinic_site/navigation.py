"""What the header and footer link to, worked out once per content version."""

import logging

from django.urls import NoReverseMatch

from clinic_site.models import MenuItem
from pages.models import Page

logger = logging.getLogger(__name__)


def menus() -> dict[str, list[dict]]:
    """Each menu's public links, in order, by menu (one query)."""
    links = {menu: [] for menu in MenuItem.Menu}
    items = MenuItem.objects.select_related("page", "category").defer("page__body")
    for item in items:
        if item.page_id and not item.page.is_public:
            continue
        try:
            url = item.address()
        except NoReverseMatch:  # a section this release of the site does not have
            logger.warning("Menu item %s: %s has no address", item.pk, item.section)
            continue
        links[item.menu].append({"label": item.text, "url": url})
    return links


def legal_pages() -> list[dict]:
    """The published notice of privacy practices first, then the other legal pages
    (one query)."""
    pages = (
        Page.objects.published()
        .filter(kind__in=[Page.Kind.PRIVACY, Page.Kind.POLICY])
        .defer("body")
    )
    in_order = sorted(pages, key=lambda page: page.kind != Page.Kind.PRIVACY)
    return [{"label": page.title, "url": page.get_absolute_url()} for page in in_order]
