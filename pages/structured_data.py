"""schema.org descriptions of pages, for search engines (JSON-LD)."""

from django.conf import settings

from clinic.structured_data import breadcrumb_list


def page_data(page, trail: list[tuple[str, str]]) -> list[dict]:
    """A WebPage, and the BreadcrumbList of the same trail the page shows."""
    web_page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": settings.SITE_URL + page.get_absolute_url(),
        "name": page.title,
        "dateModified": page.updated_at.isoformat(),
    }
    if description := page.meta_description or page.summary:
        web_page["description"] = description
    if page.published_at:
        web_page["datePublished"] = page.published_at.isoformat()
    if page.share_image:
        web_page["primaryImageOfPage"] = settings.SITE_URL + page.image_sources.fallback
    absolute_trail = [(name, settings.SITE_URL + link) for name, link in trail]
    return [web_page, breadcrumb_list(absolute_trail)]
