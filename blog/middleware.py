import re

from django.http import HttpResponsePermanentRedirect

from blog.models import Article, Redirect

_WORDPRESS_ID = re.compile(r"[0-9]{1,18}")  # fits a bigint column


class RedirectFallbackMiddleware:
    """Send a request for an article's old address to its current page.

    Old addresses are paths that now answer 404 (former slugs, imported WordPress
    permalinks) and WordPress's plain links to a post, /?p=<post ID>.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and "p" in request.GET:
            article = self._wordpress_article(request)
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        redirect = Redirect.objects.filter(old_path=request.path).select_related(
            "article"
        )
        redirect = redirect.first()
        if redirect is None or not redirect.article.is_public:
            return response
        return HttpResponsePermanentRedirect(redirect.article.get_absolute_url())

    def _wordpress_article(self, request) -> Article | None:
        """The public article imported from WordPress post ?p=<ID>, if any (a query)."""
        post_id = request.GET["p"]
        if request.method not in ("GET", "HEAD") or not _WORDPRESS_ID.fullmatch(
            post_id
        ):
            return None
        return Article.objects.published().filter(wordpress_id=int(post_id)).first()
