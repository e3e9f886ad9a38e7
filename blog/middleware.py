from django.http import HttpResponsePermanentRedirect

from blog.models import Redirect


class RedirectFallbackMiddleware:
    """Send a request for an article's old address (404) to its current page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
