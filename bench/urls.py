"""The project's URLs plus one trivial view: the yardstick of bench/run.py.

The trivial view goes through the whole middleware stack, like every page, and is
tried last, after every pattern of the site.
"""

from django.http import HttpResponse
from django.urls import path

from clinic_site import urls as site


def trivial(request):
    return HttpResponse("ok")


handler500 = site.handler500
urlpatterns = [*site.urlpatterns, path("bench/trivial/", trivial)]
