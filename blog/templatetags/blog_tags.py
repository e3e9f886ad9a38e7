from django import template

from blog.models import Article
from blog.structured_data import article_data

register = template.Library()

PERSON_ARTICLES = 10


@register.simple_tag
def article_schema(article, publisher):
    """The article's schema.org description; render it with {% json_ld %}."""
    return article_data(article, publisher)


@register.inclusion_tag("blog/includes/person_articles.html")
def person_articles(person):
    """The newest public articles a person wrote, and those they reviewed (2 queries).

    For the profiles and author pages of the clinic app, which cannot ask the blog.
    """
    public = Article.objects.published().only("title", "slug", "published_at")
    written = list(public.filter(author=person)[: PERSON_ARTICLES + 1])
    reviewed = list(public.filter(medical_reviewer=person)[: PERSON_ARTICLES + 1])
    return {
        "person": person,
        "written": written[:PERSON_ARTICLES],
        "reviewed": reviewed[:PERSON_ARTICLES],
        "more": len(written) > PERSON_ARTICLES or len(reviewed) > PERSON_ARTICLES,
        "limit": PERSON_ARTICLES,
    }
