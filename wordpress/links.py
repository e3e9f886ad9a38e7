"""Links in a post's body to pages of the old site."""

import re
from urllib.parse import urlsplit

from django.utils.html import escape

from clinic import site_links
from clinic.models import Redirect
from wordpress import addresses

_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_FILES = ("/wp-content/", "/wp-includes/", "/wp-admin/")


def old_paths(content: str, hosts: set[str]) -> set[str]:
    """The old paths of the pages a body links to on the old site (on one of
    `hosts`, or relative): not files, not the home page."""
    found, hosts = set(), hosts | {""}  # "": a link within the site
    for href in _HREF.findall(content):
        parts = urlsplit(href.strip())
        if parts.scheme not in ("", "http", "https") or parts.netloc not in hosts:
            continue
        if not parts.netloc and not parts.path.startswith("/"):
            continue  # an anchor, or relative to a page: nothing to look up
        path = addresses.old_path(href.strip())
        if path and not path.startswith(_FILES):
            found.add(path)
    return found


class OldLinks:
    """The links of each article to the old site's pages (on one of `hosts`: the
    old site's, and any other domain it had), to list those leading nowhere."""

    def __init__(self, hosts: set[str]):
        self.hosts = hosts
        self.by_article: dict[str, set[str]] = {}

    def note(self, article: str, content: str) -> None:
        if paths := old_paths(content, self.hosts):
            self.by_article[article] = paths

    def leading_nowhere(self) -> dict[str, list[str]]:
        """{article: its links to old paths that neither are an address here nor
        lead to one}, once everything is imported."""
        found = {
            article: _leading_nowhere(paths)
            for article, paths in self.by_article.items()
        }
        return {article: paths for article, paths in found.items() if paths}


def _leading_nowhere(paths: set[str]) -> list[str]:
    """Those old paths that neither are an address here nor lead to one."""
    plain = {path for path in paths if path.startswith("/?")}
    body = "".join(f'<a href="{escape(path)}"></a>' for path in paths - plain)
    missing = set(site_links.broken_links(body))
    missing |= {path for path in plain if not Redirect.objects.new_address(path)}
    return sorted(missing)
