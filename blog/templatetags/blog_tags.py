from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog import cards
from blog.models import Article
from blog.structured_data import article_data
from clinic import shown

register = template.Library()

PERSON_ARTICLES = 10


@register.simple_tag(takes_context=True)
def article_cards(context, ids, level=2):
    """The cards of these articles, by id, kept per content version (blog/cards.py)."""
    return cards.article_cards(list(ids), context["content_version"], level)


@register.simple_tag
def article_schema(article, publisher):
    """The article's schema.org description; render it with {% json_ld %}."""
    return article_data(article, publisher)


@register.simple_tag(takes_context=True)
def person_articles(context, person):
    """The newest public articles a person wrote, and those they reviewed: their ids
    (2 queries), then the links, kept per content version and ids (and the articles
    loaded, one query, when not kept).

    For the profiles and author pages of the clinic app, which cannot ask the blog.
    """
    public = Article.objects.published().values_list("pk", flat=True)
    written = list(public.filter(author=person)[: PERSON_ARTICLES + 1])
    reviewed = list(public.filter(medical_reviewer=person)[: PERSON_ARTICLES + 1])
    shown.note(Article._meta.label_lower, written + reviewed)
    ids = ",".join(map(str, written)) + ";" + ",".join(map(str, reviewed))
    key = f"person-articles:{context['content_version']}:{person.pk}:{ids}"
    html = cache.get(key)
    if html is None:
        found = Article.objects.only("title", "slug", "published_at").in_bulk(
            written + reviewed
        )
        html = render_to_string(
            "blog/includes/person_articles.html",
            {
                "person": person,
                "written": [
                    found[pk] for pk in written[:PERSON_ARTICLES] if pk in found
                ],
                "reviewed": [
                    found[pk] for pk in reviewed[:PERSON_ARTICLES] if pk in found
                ],
                "more": max(len(written), len(reviewed)) > PERSON_ARTICLES,
                "limit": PERSON_ARTICLES,
            },
        )
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # rendered by our template, escaped there
