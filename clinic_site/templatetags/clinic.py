import json

import phonenumbers
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could close a <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def tel_href(phone: str) -> str:
    """A tel: link for a phone number as people write it."""
    try:
        number = phonenumbers.parse(phone, "US")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(c for c in phone if c.isdigit() or c == "+")
    return "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )


@register.simple_tag
def json_ld(data) -> str:
    """Structured data for search engines, safe inside a script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    safe_text = mark_safe(text.translate(_JSON_ESCAPES))  # nothing left that HTML reads
    return format_html('<script type="application/ld+json">{}</script>', safe_text)
