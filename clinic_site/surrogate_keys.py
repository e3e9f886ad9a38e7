"""Surrogate keys: what a public page shows, and what a change makes stale.

A kept page carries the keys of everything it shows, and of every list it shows
that a changed row could join:
- `site`, on every page: the header and footer (settings, menus, categories,
  locations) and anything else only a whole-site change can tell;
- `<app>.<model>:<pk>` for each row of a shown model the page loaded while it
  rendered (the article, its categories, tags, author and pictures, the cards of
  other articles, the physicians of a location...): noted as the rows are loaded;
- `<app>.<model>` instead, past MOST_ROWS rows of one model (a sitemap, a feed),
  and on pages that list every public row of a model (the home page, the article
  list, the directories);
- `articles-in-category:<slug>`, `articles-tagged:<slug>`, `articles-by:<slug>`:
  the articles of a category, a tag or an author, on their pages;
- `related-in-category:<slug>`, `related-tagged:<slug>`, `related-newest`: where an
  article's related posts are ranked from (blog/related.py), on its page.

A change names the keys it touches (`changed_keys`): its row's and its model's,
for an article the lists it is in now, and `site` for what every page shows. A row
leaving a page is covered by its own key, a row joining a list by the list's. An
edited article cannot climb into another's related posts (they are ranked by
shared tags and categories, then by id): only one that joins a tag or category, or
a new one, can; other articles' pages loaded it as a candidate if it could show.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_init
from taggit.models import Tag

from blog.models import Article, Category
from clinic.models import Person

SITE = "site"
MOST_ROWS = 20  # past this, a page names the model instead: headers stay short

# Changing any of these changes every page: they are in the header or footer.
SITE_WIDE = {
    "clinic.sitesettings",
    "clinic_site.menuitem",
    "blog.category",
    "clinic.location",
    "clinic.openinghours",
    "pages.page",  # menus and the footer's legal links lead to pages
}

_shown: ContextVar[dict[str, set] | None] = ContextVar("shown_rows", default=None)


def _note_row(sender, instance, **kwargs) -> None:
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.setdefault(sender._meta.label_lower, set()).add(instance.pk)


def note_rows_of(models: Iterable) -> None:
    """Note the rows of these models that pages load (see `noting`)."""
    for model in models:
        post_init.connect(_note_row, sender=model, weak=False)


@contextmanager
def noting() -> Iterator[dict[str, set]]:
    """The rows of shown models loaded inside the block, by model label."""
    shown: dict[str, set] = {}
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)


def _article_page(request, kwargs, item) -> set[str]:
    if item is None:
        return set()
    relating = [c.slug for c in item.categories.all() if c.relates_articles]
    return (
        {"related-newest"}
        | {f"related-in-category:{slug}" for slug in relating}
        | {f"related-tagged:{tag.slug}" for tag in item.tags.all()}
    )


# What each public view lists, by view name: the keys of rows that may join it.
LISTS = {
    "blog:home": lambda request, kwargs, item: {"blog.article"},
    "blog:article_list": lambda request, kwargs, item: {"blog.article"},
    "blog:feed": lambda request, kwargs, item: {"blog.article"},
    "blog:tag_list": lambda request, kwargs, item: {"blog.article", "taggit.tag"},
    "blog:category": lambda request, kwargs, item: {
        f"articles-in-category:{kwargs['slug']}"
    },
    "blog:category_feed": lambda request, kwargs, item: {
        f"articles-in-category:{kwargs['slug']}"
    },
    "blog:tag": lambda request, kwargs, item: {f"articles-tagged:{kwargs['slug']}"},
    "blog:article_detail": _article_page,
    "clinic:person_detail": lambda request, kwargs, item: {
        f"articles-by:{kwargs['slug']}"
    },
    "clinic:author_detail": lambda request, kwargs, item: {
        f"articles-by:{kwargs['slug']}"
    },
    "clinic:physician_list": lambda request, kwargs, item: {"clinic.person"},
    "clinic:location_list": lambda request, kwargs, item: set(),
    "clinic:location_detail": lambda request, kwargs, item: set(),
    "pages:page": lambda request, kwargs, item: set(),
    "sitemap": lambda request, kwargs, item: {"blog.article", "clinic.person"},
}


def for_page(request, response, shown: dict[str, set]) -> list[str]:
    """The keys of a page that rendered while `shown` noted its rows.

    A view this module does not know gets the key of every model it loaded rows
    of, as if it listed them all: never stale, at worst purged too often.
    """
    keys = {SITE}
    for label, pks in shown.items():
        if len(pks) > MOST_ROWS:
            keys.add(label)
        else:
            keys |= {f"{label}:{pk}" for pk in pks}
    match = request.resolver_match
    lists = LISTS.get(match.view_name) if match else None
    if lists is None:
        keys |= set(shown)
    else:
        keys |= lists(request, match.kwargs, getattr(response, "shown_item", None))
    return sorted(keys)


def changed_keys(instance, created=False) -> set[str]:
    """The keys a saved or deleted row makes stale (an article's: three queries)."""
    label = instance._meta.label_lower
    if label in SITE_WIDE:
        return {SITE}
    if label == "blog.article":
        return article_keys(instance.pk) | ({"related-newest"} if created else set())
    if label == "blog.taggedarticle":
        return joined_keys(instance.content_object_id, tag_pks=[instance.tag_id])
    if label == "blog.relatedpick":
        return {f"blog.article:{instance.from_article_id}"}
    if label == "clinic.closure":
        return {f"clinic.location:{instance.location_id}"}
    if label == "clinic.specialty":
        return {f"{label}:{instance.pk}", "clinic.person"}
    return {f"{label}:{instance.pk}", label}


def linked_keys(instance, model, pk_set) -> set[str]:
    """The keys a change to the many-to-many links of `instance` makes stale: for an
    article given new categories or tags, their lists and related posts too."""
    if isinstance(instance, Article):
        if model is Category:
            return joined_keys(instance.pk, category_pks=pk_set or ())
        if model is Tag:
            return joined_keys(instance.pk, tag_pks=pk_set or ())
    keys = changed_keys(instance)
    if model is Article:  # from the other side: category.articles.add(...)
        keys |= {f"blog.article:{pk}" for pk in pk_set or ()} | {"blog.article"}
    else:  # a person's specialties or locations, whose pages list the people
        keys |= {f"{model._meta.label_lower}:{pk}" for pk in pk_set or ()}
    return keys


def article_keys(article_pk) -> set[str]:
    """An article's keys and those of every list it is in now (three queries)."""
    categories = Category.objects.filter(articles=article_pk)
    tags = Tag.objects.filter(blog_taggedarticle_items__content_object=article_pk)
    people = Person.objects.filter(
        Q(articles=article_pk) | Q(reviewed_articles=article_pk)
    )
    return (
        {f"blog.article:{article_pk}", "blog.article"}
        | {f"articles-in-category:{slug}" for slug in _slugs(categories)}
        | {f"articles-tagged:{slug}" for slug in _slugs(tags)}
        | {f"articles-by:{slug}" for slug in _slugs(people)}
    )


def joined_keys(article_pk, category_pks=(), tag_pks=()) -> set[str]:
    """An article's keys and those of the categories and tags it just joined: their
    lists and the related posts ranked among them (a query for each kind)."""
    keys = {f"blog.article:{article_pk}", "blog.article"}
    if category_pks:
        categories = Category.objects.filter(pk__in=category_pks)
        for slug, relates in categories.values_list("slug", "relates_articles"):
            keys.add(f"articles-in-category:{slug}")
            if relates:
                keys.add(f"related-in-category:{slug}")
    if tag_pks:
        for slug in _slugs(Tag.objects.filter(pk__in=tag_pks)):
            keys |= {f"articles-tagged:{slug}", f"related-tagged:{slug}"}
    return keys


def _slugs(queryset) -> list[str]:
    return list(queryset.values_list("slug", flat=True))
