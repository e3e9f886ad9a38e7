from django import template

from blog import cards
from blog.structured_data import article_data

register = template.Library()


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
    """A person's newest public articles, written and reviewed (blog/cards.py).

    For the profiles and author pages of the clinic app, which cannot ask the blog.
    """
    return cards.person_articles(person, context["content_version"])
