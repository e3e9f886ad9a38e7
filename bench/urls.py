"""The project's URLs plus what bench/run.py needs: a trivial view, the yardstick,
and an editor's save, for the mixed load of bench/proxy.py.

They are tried first: the standalone pages' pattern takes any path of slugs, so
after it they would never be reached (a 404 for every request).
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from blog.models import Article
from clinic_site import urls as site
from clinic_site.page_cache import bump_content_version


def trivial(request):
    return HttpResponse("ok")


@csrf_exempt
@require_POST
def save_article(request, pk):
    """Save an article unchanged, as an editor does: what it shows is purged, or,
    with ?whole_site=1, every page, as the page cache did before surrogate keys."""
    get_object_or_404(Article, pk=pk).save()
    if request.GET.get("whole_site"):
        bump_content_version()
    return HttpResponse("saved")


handler500 = site.handler500
urlpatterns = [
    path("bench/trivial/", trivial),
    path("bench/save-article/<int:pk>/", save_article),
    *site.urlpatterns,
]
