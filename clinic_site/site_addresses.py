"""Addresses for the editor's link dialog: published articles and pages found by
title, so an editor links to them without copying addresses from another tab."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from blog.models import Article
from pages.models import Page

KINDS = [(Article, "Article"), (Page, "Page")]
SHORTEST_QUERY = 2
LIMIT = 10  # of each kind


@require_safe
def site_addresses(request):
    """{"results": [{title, url, kind}]} for ?q=, those of each kind the user may
    change; 403 for staff who may change neither."""
    kinds = [
        (model, kind)
        for model, kind in KINDS
        if request.user.has_perm(
            f"{model._meta.app_label}.change_{model._meta.model_name}"
        )
    ]
    if not kinds:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    results = []
    if len(query) >= SHORTEST_QUERY:
        for model, kind in kinds:
            found = (
                model.objects.published()
                .filter(title__icontains=query)
                .only("title", model.address_field)
                .order_by("title")[:LIMIT]
            )
            results += [
                {"title": item.title, "url": item.get_absolute_url(), "kind": kind}
                for item in found
            ]
    return JsonResponse({"results": results})
