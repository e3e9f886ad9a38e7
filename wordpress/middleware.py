import re

from django.http import HttpResponsePermanentRedirect

from blog.models import Article

_WORDPRESS_ID = re.compile(r"[0-9]{1,18}")  # fits a bigint column


class WordPressLinkMiddleware:
    """Send WordPress's plain link to a post, /?p=<post ID>, to its article."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and "p" in request.GET:
            article = self._wordpress_article(request)
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        return self.get_response(request)

    def _wordpress_article(self, request) -> Article | None:
        """The public article imported from WordPress post ?p=<ID>, if any (a query)."""
        post_id = request.GET["p"]
        if request.method not in ("GET", "HEAD") or not _WORDPRESS_ID.fullmatch(
            post_id
        ):
            return None
        return Article.objects.published().filter(wordpress_id=int(post_id)).first()
