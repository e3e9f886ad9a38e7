"""What changed between two saved versions of something published, for editors.

Read from django-reversion's stored versions: each field an editor fills, shown
before and after, and the rich text as a readable diff of its paragraphs, headings
and list items (the words, not the markup).
"""

import difflib
import html
import re

from django.db import models
from django.utils.html import strip_tags

_BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|figcaption|caption|th|td|tr)>|<br>", re.I
)


def blocks(body: str) -> list[str]:
    """The readable lines of a rich-text body: one per paragraph, heading, item."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", body or "")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def text_diff(before: str, after: str) -> list[tuple[str, str]]:
    """(kind, line) for each line of two bodies: "same", "removed" or "added"."""
    kinds = {" ": "same", "-": "removed", "+": "added"}
    return [
        (kinds[line[0]], line[2:])
        for line in difflib.ndiff(blocks(before), blocks(after))
        if line[0] in kinds
    ]


def shown_value(field, value) -> str:
    """A stored field value as an editor reads it (names, not ids)."""
    if value in (None, "", []):
        return "—"
    if isinstance(field, models.ManyToManyField):
        names = field.related_model.objects.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in names))
    if isinstance(field, models.ForeignKey):
        item = field.related_model._base_manager.filter(pk=value).first()
        return str(item) if item else f"(deleted, #{value})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def changes(model, older: dict, newer: dict, rich_text_field: str) -> list[dict]:
    """The fields that differ between two versions' field values, in form order."""
    found = []
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created:
            continue
        if field.name not in older and field.name not in newer:
            continue
        before, after = older.get(field.name), newer.get(field.name)
        if isinstance(field, models.ManyToManyField):
            before, after = sorted(before or []), sorted(after or [])
        if before == after:
            continue
        change = {"label": field.verbose_name}
        if field.name == rich_text_field:
            change["diff"] = text_diff(before, after)
        else:
            change["before"] = shown_value(field, before)
            change["after"] = shown_value(field, after)
        found.append(change)
    return found
