"""Lists of articles, kept in the cache per content version: the cards every list
shows, each rendered once per level, so that a list reads its cards at once (one
cache read) and loads the rows of only the cards not kept (one query); and the
links on a person's page."""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from blog.models import Article
from clinic import shown

TEMPLATE = "blog/includes/article_card.html"
PERSON_ARTICLES = 10


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


def person_articles(person, version: int) -> str:
    """The newest public articles a person wrote, and those they reviewed: their ids
    (2 queries), then the links, kept per content version and ids (the articles
    loaded, one query, when not kept), so that a scheduled one joins when public."""
    public = Article.objects.published().values_list("pk", flat=True)
    written = list(public.filter(author=person)[: PERSON_ARTICLES + 1])
    reviewed = list(public.filter(medical_reviewer=person)[: PERSON_ARTICLES + 1])
    shown.note(Article._meta.label_lower, written + reviewed)
    ids = ",".join(map(str, written)) + ";" + ",".join(map(str, reviewed))
    key = f"person-articles:{version}:{person.pk}:{ids}"
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
