from django.views.decorators.http import require_safe

from clinic.preview import public_or_preview, render_publishable
from pages.models import Page
from pages.structured_data import page_data


@require_safe
def page(request, path):
    """A page, with its trail of public parents and its public subpages (3 queries).

    A page stays public when a parent above it is not: the trail then skips that
    parent rather than show an unpublished title.
    """
    page = public_or_preview(request, Page.objects.all(), path=path)
    parents = []
    if page.parent_id:
        parents = sorted(
            Page.objects.published()
            .filter(path__in=page.ancestor_paths)
            .only("title", "path"),
            key=lambda parent: len(parent.path),
        )
    trail = [
        ("Home", "/"),
        *[(parent.title, parent.get_absolute_url()) for parent in parents],
        (page.title, page.get_absolute_url()),
    ]
    context = {
        "page": page,
        "trail": trail,
        # parent too: Django sets it on each subpage, and would load it one by one
        "subpages": page.children.published().only(
            "title", "path", "summary", "parent"
        ),
        "structured_data": page_data(page),
    }
    return render_publishable(request, "pages/page_detail.html", context, page)
