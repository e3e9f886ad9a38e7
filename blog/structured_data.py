"""schema.org descriptions of articles, for search engines (JSON-LD)."""

from django.conf import settings

from clinic.structured_data import person_reference


def article_data(article, publisher: dict) -> list[dict]:
    """A MedicalWebPage (with its BlogPosting) for one article; its BreadcrumbList
    comes with the trail the page shows (the `breadcrumbs` tag)."""
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
        "about": [category.name for category in article.topics],
    }
    if article.medical_reviewer and article.reviewed_on:
        page["reviewedBy"] = person_reference(article.medical_reviewer)
        page["lastReviewed"] = article.reviewed_on.isoformat()
    return [page]
