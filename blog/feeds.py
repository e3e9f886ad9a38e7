from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from blog.models import Article, Category
from clinic import images
from clinic.models import SiteSettings

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """RSS 2.0: the newest public articles, with their picture as an enclosure."""

    feed_type = Rss201rev2Feed
    description = "Health articles from our physicians."

    def title(self, obj=None):
        return SiteSettings.objects.current().name

    def link(self, obj=None):
        return reverse("blog:article_list")

    def items(self, obj=None):
        articles = Article.objects.published().for_cards()
        articles = articles.select_related("author").prefetch_related("categories")
        if obj is not None:
            articles = articles.filter(categories=obj)
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author.byline

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]

    def item_enclosures(self, item):
        if not item.featured_image:
            return []
        width = images.rendition_widths(item.image_width)[:2][-1]
        name = images.rendition_name(item.featured_image.name, width, "jpg")
        storage = item.featured_image.storage
        url = settings.SITE_URL + storage.url(name)
        return [Enclosure(url, str(storage.size(name)), "image/jpeg")]


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{super().title()}: {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()
