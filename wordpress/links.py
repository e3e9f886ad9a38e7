"""Links in imported bodies to the old site, made to lead to the new addresses.

Where an old address leads is what the import kept as clinic.Redirect
(wordpress/addresses.py): `Redirect.objects.new_addresses` is the one lookup, for
these links as for the old addresses people still visit. The links that lead
nowhere here are named per post in the report.
"""

import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from django.utils.html import escape

from clinic import rich_text, site_links
from clinic.models import Redirect
from wordpress.addresses import UPLOADS, old_path
from wordpress.bodies import upload_file

_LINK = re.compile(r'<a href="([^"]*)"')
_FILES = ("/wp-content/", "/wp-includes/", "/wp-admin/")


def host_name(address: str) -> str:
    """The host of an address or a bare domain, without "www.": "clinic.example"."""
    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    return host.removeprefix("www.")


def on_old_site(hosts: set[str]) -> Callable[[str], bool]:
    """Whether a link leads to the old site: to one of its hosts, or a path alone
    (written on the old site, it meant the old site)."""

    def test(href: str) -> bool:
        parts = urlsplit(href)
        if parts.netloc:
            return parts.scheme in ("", "http", "https") and host_name(href) in hosts
        return not parts.scheme and parts.path.startswith("/")

    return test


def rewrite(body: str, is_old: Callable[[str], bool]) -> tuple[str, list[str]]:
    """(the cleaned body with its old links leading to their new addresses, the old
    links that lead nowhere here). One `new_addresses` lookup for the whole body."""
    old = {href: old_path(href) or "/" for href in rich_text.link_addresses(body)}
    old = {href: path for href, path in old.items() if is_old(href)}
    if not old:
        return body, []
    found = new_addresses(set(old.values()))

    def new_link(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if (path := old.get(href)) not in found:
            return match.group(0)
        fragment = urlsplit(href).fragment
        address = found[path] + (f"#{fragment}" if fragment else "")
        return f'<a href="{escape(address)}"'

    new_body = rich_text.clean(_LINK.sub(new_link, body))
    return new_body, [href for href, path in old.items() if path not in found]


def new_addresses(paths: set[str]) -> dict[str, str]:
    """{old path: its address here} for the old site's paths this site has a home
    for: an old address the import kept (an upload in any size WordPress made
    leads where its file does), or a path that answers here as it is (a page kept
    at its old address). A fixed number of queries however many paths."""
    originals = {path: UPLOADS + file for path in paths if (file := upload_file(path))}
    found = Redirect.objects.new_addresses(
        paths | set(originals.values()), public_only=False
    )
    for path, original in originals.items():
        if path not in found and original in found:
            found[path] = found[original]
    rest = sorted(
        path
        for path in paths - found.keys()
        if not path.startswith(("/?", *_FILES))  # a plain link: kept, or nowhere
    )
    if rest:
        links = "".join(f'<a href="{escape(path)}"></a>' for path in rest)
        broken = set(site_links.broken_links(links))
        found.update((path, path) for path in rest if path not in broken)
    return found
