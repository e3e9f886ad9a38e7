from django.http import HttpResponsePermanentRedirect

from clinic.models import Redirect


class RedirectFallbackMiddleware:
    """Send a request for an old address to the current page of what lived there.

    Old addresses are paths that now answer 404: former slugs and parents, imported
    WordPress permalinks, archives, feeds and uploads. Drafts and scheduled content
    are not revealed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        address = Redirect.objects.new_address(request.path)
        if address is None:
            return response
        return HttpResponsePermanentRedirect(address)
