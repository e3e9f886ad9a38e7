"""Imports never overwrite an edit silently, and every change they make is a revision.

The import remembers a fingerprint of what it wrote to each article and page
(wordpress.Imported). If the fields it imports differ from that fingerprint when
it comes back, someone changed them on this site since: they are kept, unless the
operator asks to overwrite them.
"""

import hashlib
import json
from contextlib import contextmanager
from datetime import UTC, datetime

import reversion
from django.contrib.contenttypes.models import ContentType

from wordpress.models import Imported

COMMENT = "Imported from WordPress"
# Any save here sets these, edit or not; what was edited shows in other fields.
NOT_COMPARED = ("created_at", "updated_at")


def fingerprint(state: dict) -> str:
    """A digest of imported field values (sets and times in a stable form)."""
    compared = {
        name: value for name, value in state.items() if name not in NOT_COMPARED
    }
    return hashlib.sha256(
        json.dumps(compared, sort_keys=True, default=_stable).encode()
    ).hexdigest()


def _stable(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, set):
        return sorted(value)
    return str(value)


def recorded(obj) -> Imported | None:
    """What the import wrote to this object last time, if it wrote it (a query)."""
    if obj.pk is None:
        return None
    content_type = ContentType.objects.get_for_model(obj)
    return Imported.objects.filter(content_type=content_type, object_id=obj.pk).first()


def edited_here(obj, state: dict) -> bool:
    """Whether the object's imported fields changed since the import wrote them."""
    record = recorded(obj)
    return record is not None and record.fingerprint != fingerprint(state)


def remember(obj, wordpress_id: int, state: dict) -> None:
    """Record what the import wrote to the object (one upsert)."""
    Imported.objects.bulk_create(
        [
            Imported(
                target=obj, wordpress_id=wordpress_id, fingerprint=fingerprint(state)
            )
        ],
        update_conflicts=True,
        unique_fields=["content_type", "object_id"],
        update_fields=["wordpress_id", "fingerprint"],
    )


@contextmanager
def revision():
    """Saves inside make one revision in the history, "Imported from WordPress"."""
    with reversion.create_revision():
        reversion.set_comment(COMMENT)
        yield
