"""Article cards, as every list shows them: each rendered once per content version
and level and kept in the cache, so that a list reads its cards at once (one cache
read) and loads the rows of only the cards not kept (one query)."""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import Article
from clinic import shown

TEMPLATE = "blog/includes/article_card.html"


def article_cards(ids: list[int], version: int, level: int = 2) -> str:
    """The cards of these articles, in this order, their titles headings of `level`."""
    keys = {pk: f"article-card:{version}:{level}:{pk}" for pk in ids}
    kept = cache.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in kept]
    if missing:
        rendered = {
            keys[pk]: render_to_string(TEMPLATE, {"article": article, "level": level})
            for pk, article in Article.objects.for_cards().in_bulk(missing).items()
        }
        cache.set_many(rendered, settings.FRAGMENT_CACHE_SECONDS)
        kept |= rendered
    shown.note(Article._meta.label_lower, ids)
    cards = (kept[keys[pk]] for pk in ids if keys[pk] in kept)  # not if just deleted
    return mark_safe("".join(cards))  # rendered by our template, escaped there
