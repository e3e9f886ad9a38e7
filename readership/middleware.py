"""Counting readers: above the whole-page cache, so its hits and 304s count too
(the pages Varnish answers from its copy are counted from its log:
count_proxy_views)."""

from django.conf import settings

from readership.counter import ViewCounter


class ReadershipMiddleware:
    """Count the views of public pages by people (readership.counter)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.counter = ViewCounter()

    def __call__(self, request):
        response = self.get_response(request)
        if settings.READERSHIP_COUNTING:
            self.counter.count(request, response)
        return response
