from django.http import HttpResponsePermanentRedirect

from clinic.models import Redirect
from wordpress import addresses


class WordPressLinkMiddleware:
    """Send WordPress's plain links (/?p=12, /?page_id=7, /?cat=3, /?tag=knee) to
    their new address: kept as old addresses by the import, path and query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            old_path = addresses.plain_link(request.GET)
            address = old_path and Redirect.objects.new_address(old_path)
            if address:
                return HttpResponsePermanentRedirect(address)
        return self.get_response(request)
