from django.urls import reverse

from blog.models import Article, Category
from clinic.sitemaps import SiteSitemap


class ArticleSitemap(SiteSitemap):
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "published_at", "revised_at")
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.last_updated


class CategorySitemap(SiteSitemap):
    def items(self):
        return Category.objects.all()


class PageSitemap(SiteSitemap):
    def items(self):
        return ["blog:home", "blog:article_list", "blog:tag_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}
