from django import template

from blog.structured_data import article_data

register = template.Library()


@register.simple_tag
def article_schema(article, publisher):
    """The article's schema.org description; render it with {% json_ld %}."""
    return article_data(article, publisher)
