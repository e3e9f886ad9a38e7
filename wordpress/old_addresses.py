"""Where the old site's addresses lead on this one.

`new_addresses` is the one door: the link rewriting of imported bodies asks it, and
nothing else decides what an old address became.
"""

from collections import defaultdict
from collections.abc import Iterable

from clinic.models import Picture, Redirect
from wordpress.bodies import upload_file


def new_addresses(paths: Iterable[str]) -> dict[str, str]:
    """{old path: its address here} for the paths this site has a home for.

    An old path is what clinic.Redirect remembers (imported permalinks, former
    slugs; also without its trailing slash, as WordPress redirects), an upload
    (/wp-content/uploads/..., any size WordPress made) leads to the imported
    picture's file, and the old home page to the home page. A fixed number of
    queries however many paths: the redirects, one per kind of thing they lead to,
    and the pictures.
    """
    paths = set(paths)
    found = {"/": "/"} if "/" in paths else {}
    asked = {}  # path stored as an old address -> the path asked for
    for path in paths:
        for candidate in (path, path if path.endswith("/") else path + "/"):
            asked.setdefault(candidate, path)
    redirects = Redirect.objects.filter(old_path__in=asked).select_related(
        "content_type"
    )
    targets = defaultdict(dict)  # model -> {object id: [old paths]}
    for redirect in redirects:
        model = redirect.content_type.model_class()
        targets[model].setdefault(redirect.object_id, []).append(redirect.old_path)
    for model, by_id in targets.items():
        for target in model._base_manager.filter(pk__in=by_id):
            for old_path in by_id[target.pk]:
                found.setdefault(asked[old_path], target.get_absolute_url())
    uploads = defaultdict(list)  # file -> the paths asked for
    for path in paths:
        if file := upload_file(path):
            uploads[file].append(path)
    if uploads:
        for picture in Picture.objects.filter(wordpress_file__in=uploads):
            for path in uploads[picture.wordpress_file]:
                found[path] = picture.image.url
    return found
