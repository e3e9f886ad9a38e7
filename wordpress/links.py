"""Links in imported bodies to the old site, made to lead to the new addresses."""

import html
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from django.utils.html import escape

from clinic import rich_text
from wordpress.old_addresses import new_addresses

_LINK = re.compile(r'<a href="([^"]*)"')


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
    old = {href: _old_path(href) for href in rich_text.link_addresses(body)}
    old = {href: path for href, path in old.items() if is_old(href)}
    if not old:
        return body, []
    found = new_addresses(old.values())

    def new_link(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if (path := old.get(href)) not in found:
            return match.group(0)
        fragment = urlsplit(href).fragment
        address = found[path] + (f"#{fragment}" if fragment else "")
        return f'<a href="{escape(address)}"'

    new_body = rich_text.clean(_LINK.sub(new_link, body))
    return new_body, [href for href, path in old.items() if path not in found]


def _old_path(href: str) -> str:
    parts = urlsplit(href)
    path = unquote(parts.path) or "/"
    return f"{path}?{parts.query}" if parts.query else path
