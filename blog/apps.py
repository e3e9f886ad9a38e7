from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blog import signals  # noqa: F401 (connects the search index)
        from blog.models import Article, Category
        from clinic import site_links

        site_links.register(
            "blog:article_detail",
            "slug",
            site_links.found_by(Article.objects.published, "slug"),
        )
        site_links.register(
            "blog:category", "slug", site_links.found_by(Category.objects.all, "slug")
        )
        site_links.register("blog:tag", "slug", _found_tags)


def _found_tags(slugs: set[str]) -> set[str]:
    """A topic's address takes any spelling of its slug (one query)."""
    from django.db.models import Q
    from taggit.models import Tag

    spellings = Q()
    for slug in slugs:
        spellings |= Q(slug__iexact=slug)
    known = Tag.objects.filter(spellings).values_list("slug", flat=True)
    lowered = {slug.lower() for slug in known}
    return {slug for slug in slugs if slug.lower() in lowered}
