"""Links in a body to addresses on this site that answer 404.

Each link is resolved with the URL resolver, never fetched. A view that shows one
object (an article, a page, a physician) registers a finder for its URL name; the
links of one kind are then checked together, so a body with a hundred links costs
one query per kind, plus two for old addresses (clinic.Redirect).
"""

from collections import defaultdict
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from clinic import rich_text
from clinic.models import Location, Person, Redirect

# URL name -> finder: given the values of the URL's one argument, the values
# that name something the public can see.
Finder = Callable[[set[str]], set[str]]
_FINDERS: dict[str, tuple[str, Finder]] = {}


def register(view_name: str, argument: str, finder: Finder) -> None:
    _FINDERS[view_name] = (argument, finder)


def found_by(queryset: Callable, field: str) -> Finder:
    """A finder of the values of field in queryset() (one query)."""
    return lambda values: set(
        queryset().filter(**{f"{field}__in": values}).values_list(field, flat=True)
    )


# Either address of a person answers, redirecting to the other when it must.
for _view_name in ("clinic:person_detail", "clinic:author_detail"):
    register(_view_name, "slug", found_by(Person.objects.all, "slug"))
register("clinic:location_detail", "slug", found_by(Location.objects.active, "slug"))


def broken_links(body: str, base: str = "/") -> list[str]:
    """The addresses, as written, of the body's links to this site that answer 404.

    base is the address of the page holding the body (relative links start there).
    """
    paths = {}  # as written -> path on this site
    for href in rich_text.link_addresses(body):
        path = _site_path(href, base)
        if path is not None:
            paths.setdefault(href, path)
    wanted = defaultdict(dict)  # view name -> {argument value: [paths]}
    missing = set()
    for path in set(paths.values()):
        match = _resolve(path)
        if match is None:
            missing.add(path)
        elif match.view_name in _FINDERS:
            argument, _ = _FINDERS[match.view_name]
            wanted[match.view_name].setdefault(match.kwargs[argument], []).append(path)
    for view_name, by_value in wanted.items():
        found = _FINDERS[view_name][1](set(by_value))
        missing.update(
            p for value, ps in by_value.items() if value not in found for p in ps
        )
    missing -= Redirect.objects.new_addresses(missing).keys()  # old, still public
    return [href for href, path in paths.items() if path in missing]


def _site_path(href: str, base: str) -> str | None:
    """The path on this site a link leads to, or None for other sites, mail,
    phone, same-page anchors and uploaded or static files."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc:
        site = urlsplit(settings.SITE_URL)
        if parts.scheme not in ("http", "https", "") or parts.hostname != site.hostname:
            return None
    elif not parts.path:
        return None
    path = unquote(urlsplit(urljoin(base, parts.path)).path) or "/"
    files = (
        "/" + settings.MEDIA_URL.lstrip("/"),
        "/" + settings.STATIC_URL.lstrip("/"),
    )
    if path.startswith(files):
        return None
    return path


def _resolve(path: str):
    """The match of a path, or of the path with the slash Django would append."""
    for candidate in (path, path + "/") if not path.endswith("/") else (path,):
        try:
            return resolve(candidate)
        except Resolver404:
            continue
    return None
