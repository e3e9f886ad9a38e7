"""How published things answer: kept by shared caches while public, and shown to
the staff who may change them before that (a preview: private, never stored, never
indexed)."""

from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from clinic import rich_text
from clinic.caching import PUBLIC_CACHE


def public_or_preview(request, queryset, **lookup):
    """The public object, or any, draft and scheduled too, for staff who may change it.

    404 when there is none (one query, plus the user's rights for staff).
    """
    options = queryset.model._meta
    if request.user.has_perm(f"{options.app_label}.change_{options.model_name}"):
        return get_object_or_404(queryset, **lookup)
    return get_object_or_404(queryset.published(), **lookup)


def render_publishable(request, template, context, item):
    """Render the page of a published thing: public, or a private preview.

    A page whose text holds a video may frame the video players, and no other page.
    """
    response = render(request, template, context)
    response.shown_item = item  # what the page is about, for its surrogate keys
    if rich_text.has_video(getattr(item, item.rich_text_field)):
        response._csp_update = {"frame-src": rich_text.VIDEO_FRAME_ORIGINS}
    if item.is_public:
        patch_cache_control(response, **PUBLIC_CACHE)
    else:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response
