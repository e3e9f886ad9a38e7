"""schema.org descriptions of articles, for search engines (JSON-LD)."""

from django.conf import settings

from clinic.structured_data import breadcrumb_list, person_reference


def article_data(article, publisher: dict) -> list[dict]:
    """A MedicalWebPage (with its BlogPosting) and a BreadcrumbList for one article."""
    url = settings.SITE_URL + article.get_absolute_url()
    posting = {
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.meta_description or article.summary,
        "datePublished": article.published_at.isoformat()
        if article.published_at
        else None,
        "dateModified": (article.last_updated or article.updated_at).isoformat(),
        "author": person_reference(article.author),
        "publisher": dict(publisher),
        "mainEntityOfPage": url,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.featured_image:
        posting["image"] = settings.SITE_URL + article.image_sources.fallback
    page = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": article.title,
        "mainEntity": posting,
        "about": [category.name for category in article.categories.all()],
    }
    if article.medical_reviewer and article.reviewed_on:
        page["reviewedBy"] = person_reference(article.medical_reviewer)
        page["lastReviewed"] = article.reviewed_on.isoformat()
    breadcrumbs = [("Home", settings.SITE_URL + "/")]
    if category := next(iter(article.categories.all()), None):
        breadcrumbs.append(
            (category.name, settings.SITE_URL + category.get_absolute_url())
        )
    breadcrumbs.append((article.title, url))
    return [page, breadcrumb_list(breadcrumbs)]
