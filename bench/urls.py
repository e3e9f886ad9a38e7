"""The project's URLs plus one trivial view: the yardstick of bench/run.py.

The trivial view goes through the whole middleware stack, like every page. It is
tried first: the standalone pages' pattern takes any path of slugs, so after it the
trivial view would never be reached (a 404 for every request).
"""

from django.http import HttpResponse
from django.urls import path

from clinic_site import urls as site


def trivial(request):
    return HttpResponse("ok")


handler500 = site.handler500
urlpatterns = [path("bench/trivial/", trivial), *site.urlpatterns]
