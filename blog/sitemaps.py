from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.models import Article, Category


class ArticleSitemap(Sitemap):
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.all()


class PageSitemap(Sitemap):
    def items(self):
        return ["blog:home", "blog:article_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}
