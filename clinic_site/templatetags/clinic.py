import functools
import json

import phonenumbers
from django import template
from django.conf import settings
from django.template.defaultfilters import stringfilter
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from clinic.structured_data import breadcrumb_list

register = template.Library()

# The characters that could close a <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
@stringfilter  # the clinic's phone arrives as a lazy string
@functools.lru_cache(maxsize=256)  # a handful of numbers, on every page
def tel_href(phone: str) -> str:
    """A tel: link for a phone number as people write it."""
    try:
        number = phonenumbers.parse(phone, "US")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )


@register.filter
def absolute_url(url: str) -> str:
    """An address of ours with the site's origin (media on S3 has its own already)."""
    return url if url.startswith(("https://", "http://")) else settings.SITE_URL + url


@register.simple_tag
def json_ld(data) -> str:
    """Structured data for search engines, safe inside a script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    safe_text = mark_safe(text.translate(_JSON_ESCAPES))  # nothing left that HTML reads
    return format_html('<script type="application/ld+json">{}</script>', safe_text)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(trail):
    """The trail from the home page to this page, as visitors and search engines
    read it: one list of (name, address) pairs, the last one the page itself."""
    absolute = [(name, absolute_url(link)) for name, link in trail]
    return {"trail": trail, "structured_data": breadcrumb_list(absolute)}


# What the parts every page shares read from the context: the site chrome only.
HEAD_LINKS_CONTEXT = ["site_settings", "clinic_name"]
HEADER_CONTEXT = ["site_settings", "clinic_name", "clinic_phone", "header_menu"]
FOOTER_CONTEXT = [
    "site_settings",
    "clinic_name",
    "clinic_phone",
    "clinic_locations",
    "footer_menu",
    "legal_pages",
]


def _chrome_part(context, name, template: str, values: dict) -> str:
    """A part every page shares, rendered once per site chrome in each process
    (see context_processors.site_chrome): a page then only pastes it.

    Error pages render without the database or a chrome: their parts (what the
    cache or the environment knows of the clinic, no addresses) are rendered each
    time and never kept.
    """
    parts = context.get("chrome_parts")
    if parts is None:
        return render_to_string(template, values)
    html = parts.get(name)
    if html is None:
        html = parts[name] = render_to_string(template, values)
    return mark_safe(html)  # rendered by our own template, escaped there


@register.simple_tag(takes_context=True)
def site_head_links(context) -> str:
    """The icons, style sheets, scripts and feed every page links in its head."""
    values = {name: context.get(name) for name in HEAD_LINKS_CONTEXT}
    return _chrome_part(context, "head-links", "includes/head_links.html", values)


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    """The header, one copy per menu item it marks as this page's. On the search
    page it holds the words searched for: rendered there each time."""
    values = {name: context.get(name) for name in HEADER_CONTEXT}
    request = context.get("request")
    path = request.path if request else None
    values["current_url"] = next(
        (item["url"] for item in values["header_menu"] or () if item["url"] == path),
        None,
    )
    if query := context.get("query"):
        return render_to_string("includes/header.html", values | {"query": query})
    name = f"header:{values['current_url']}"
    return _chrome_part(context, name, "includes/header.html", values)


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    """The footer: the clinic's locations, menus, legal pages and social links."""
    values = {name: context.get(name) for name in FOOTER_CONTEXT}
    return _chrome_part(context, "footer", "includes/footer.html", values)
