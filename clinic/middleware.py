from django.http import HttpResponsePermanentRedirect

from clinic.models import Redirect


class RedirectFallbackMiddleware:
    """Send a request for an old address to the current page of what lived there.

    Old addresses are paths that now answer 404: former slugs and parents, imported
    WordPress permalinks. Drafts and scheduled content are not revealed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        redirect = (
            Redirect.objects.filter(old_path=request.path)
            .select_related("content_type")
            .first()
        )
        target = redirect.target if redirect is not None else None
        if target is None or not target.is_public:
            return response
        return HttpResponsePermanentRedirect(target.get_absolute_url())
