"""Surrogate keys: what a public page shows, and what a change makes stale.

A kept page carries the keys of everything it shows, and of every list it shows
that a changed row could join:
- `site`, on every page: the header and footer (settings, menus, categories,
  locations) and anything else only a whole-site change can tell;
- `<app>.<model>:<pk>` for each row of a shown model the page loaded while it
  rendered (the article, its categories, tags and pictures, the physicians of a
  location...) or showed from a kept fragment (the cards of other articles):
  noted by clinic/shown.py;
- `<app>.<model>` instead, past MOST_ROWS rows of one model (a sitemap, a feed),
  and on pages that list every public row of a model (the home page, the article
  list, the directories);
- `articles-in-category:<slug>`, `articles-tagged:<slug>`, `articles-by:<slug>`:
  the articles of a category, a tag or an author, on their pages;
- `related-in-category:<slug>`, `related-tagged:<slug>`, `related-newest`: where an
  article's related posts are ranked from (blog/related.py), and its author's and
  reviewer's keys, on its page.

A change names the keys it touches (`changed_keys`): its row's and its model's,
for an article the lists it is in now, for a picture the bodies that show it, and
`site` for what every page shows. A row
leaving a page is covered by its own key, a row joining a list by the list's. An
edited article cannot climb into another's related posts (they are ranked by
shared tags and categories, then by id): only one that joins a tag or category, or
a new one, can; other articles' pages loaded it as a candidate if it could show.
"""

from taggit.models import Tag

from blog.models import Article, Category
from clinic.models import Person, PictureUse

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


def _lists(view_name: str, kwargs: dict, item) -> set[str] | None:
    """The keys of the lists a public view shows, which a changed row may join;
    None for a view not known here."""
    match view_name:
        case "blog:home" | "blog:article_list" | "blog:feed":
            return {"blog.article"}
        case "blog:tag_list":  # every topic, with how many articles
            return {"blog.article", "taggit.tag"}
        case "blog:category" | "blog:category_feed":
            return {f"articles-in-category:{kwargs['slug']}"}
        case "blog:tag":  # other spellings of the slug redirect here
            return {f"articles-tagged:{kwargs['slug']}"}
        case "blog:article_detail":
            return _related_posts(item) | _people(item)
        case "clinic:person_detail" | "clinic:author_detail":
            return {f"articles-by:{kwargs['slug']}"}
        case "clinic:physician_list":
            return {"clinic.person"}
        case "sitemap":  # pages, categories and locations: `site`
            return {"blog.article", "clinic.person"}
        case "clinic:location_list" | "clinic:location_detail" | "pages:page":
            return set()  # what may join them changes every page (`site`)
    return None


def _related_posts(article) -> set[str]:
    """Where an article's related posts are ranked from (blog/related.py)."""
    relating = [c.slug for c in article.categories.all() if c.relates_articles]
    return (
        {"related-newest"}
        | {f"related-in-category:{slug}" for slug in relating}
        | {f"related-tagged:{tag.slug.lower()}" for tag in article.tags.all()}
    )


def _people(article) -> set[str]:
    """The article's author and reviewer: its page names them even when it showed
    them from a kept fragment, without loading them."""
    people = {article.author_id, article.medical_reviewer_id} - {None}
    return {f"clinic.person:{pk}" for pk in people}


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
    item = getattr(response, "shown_item", None)
    lists = _lists(match.view_name, match.kwargs, item) if match else None
    keys |= set(shown) if lists is None else lists
    return sorted(keys)


def changed_keys(instance, created=False) -> set[str]:
    """The keys a saved or deleted row makes stale: its own and its model's, and
    those its kind of row adds (an article's lists: three queries)."""
    label = instance._meta.label_lower
    if label in SITE_WIDE:
        return {SITE}
    keys = {label, f"{label}:{instance.pk}"}
    match label:
        case "blog.article":
            keys |= article_keys(instance)
            if created:
                keys.add("related-newest")
        case "blog.taggedarticle":
            keys |= joined_keys(instance.content_object_id, tag_pks=[instance.tag_id])
        case "blog.relatedpick":
            keys.add(f"blog.article:{instance.from_article_id}")
        case "clinic.closure":
            keys.add(f"clinic.location:{instance.location_id}")
        case "clinic.specialty":  # the directory lists people by specialty
            keys.add("clinic.person")
        case "clinic.picture":  # kept texts show it without loading its row
            keys |= picture_use_keys(instance.pk)
    return keys


def picture_use_keys(picture_pk) -> set[str]:
    """The keys of the articles and pages whose bodies show a picture (a query)."""
    uses = PictureUse.objects.filter(picture=picture_pk).values_list(
        "content_type__app_label", "content_type__model", "object_id"
    )
    return {f"{app}.{model}:{pk}" for app, model, pk in uses}


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


def article_keys(article) -> set[str]:
    """An article's keys and those of every list it is in now (three queries)."""
    categories = Category.objects.filter(articles=article.pk)
    tags = Tag.objects.filter(blog_taggedarticle_items__content_object=article.pk)
    # By primary key: joined from the people's side, the articles of an author or a
    # reviewer took 55 s to look up at 100,000 articles.
    people = Person.objects.filter(
        pk__in=[article.author_id, article.medical_reviewer_id]
    )
    return (
        {f"blog.article:{article.pk}", "blog.article"}
        | {f"articles-in-category:{slug}" for slug in _slugs(categories)}
        | {f"articles-tagged:{slug.lower()}" for slug in _slugs(tags)}
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
            keys |= {
                f"articles-tagged:{slug.lower()}",
                f"related-tagged:{slug.lower()}",
            }
    return keys


def _slugs(queryset) -> list[str]:
    return list(queryset.values_list("slug", flat=True))
