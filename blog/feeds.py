from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape

from blog.models import Article, Category
from clinic import images
from clinic.models import SiteSettings

FEED_LENGTH = 20


class ArticleFeed(Feed):
    """RSS 2.0: the newest public articles, with their picture as an enclosure.

    Readers take the text of a feed as HTML, so every text here is HTML-escaped
    (and then XML-escaped by the feed writer), as WordPress does: a title such as
    "<b>Knee</b>" reaches subscribers as those characters, not as bold type.
    """

    feed_type = Rss201rev2Feed
    description = "Health articles from our physicians."

    def title(self, obj=None):
        return escape(SiteSettings.objects.current().name)

    # Addresses on SITE_URL, never on the host a request named: feeds are cached
    # whole, and one request for another allowed host must not set every
    # subscriber's links.
    def link(self, obj=None):
        return settings.SITE_URL + reverse("blog:article_list")

    def feed_url(self, obj=None):
        return settings.SITE_URL + reverse("blog:feed")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def items(self, obj=None):
        articles = Article.objects.published().for_cards()
        articles = articles.select_related("author").prefetch_related("categories")
        if obj is not None:
            articles = articles.filter(categories=obj)
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_updated

    def item_author_name(self, item):
        return escape(item.author.byline)

    def item_categories(self, item):
        return [escape(category.name) for category in item.categories.all()]

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
        return f"{super().title()}: {escape(obj.name)}"

    def link(self, obj=None):
        return settings.SITE_URL + obj.get_absolute_url()

    def feed_url(self, obj=None):
        return settings.SITE_URL + reverse(
            "blog:category_feed", kwargs={"slug": obj.slug}
        )
