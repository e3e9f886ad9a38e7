"""schema.org descriptions of pages, for search engines (JSON-LD)."""

from django.conf import settings


def page_data(page) -> dict:
    """A WebPage; its BreadcrumbList comes with the trail the page shows (the
    `breadcrumbs` tag)."""
    web_page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": settings.SITE_URL + page.get_absolute_url(),
        "name": page.title,
        "dateModified": page.last_updated.isoformat(),
    }
    if description := page.meta_description or page.summary:
        web_page["description"] = description
    if page.published_at:
        web_page["datePublished"] = page.published_at.isoformat()
    if page.share_image:
        web_page["primaryImageOfPage"] = settings.SITE_URL + page.image_sources.fallback
    return web_page
