"""What a page shows: the rows of shown models it loaded while it rendered, and the
rows it showed from kept fragments without loading them (`note`). The whole-page
cache names a page's surrogate keys from them (clinic_site/surrogate_keys.py)."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_init

_shown: ContextVar[dict[str, set] | None] = ContextVar("shown_rows", default=None)


def note(label: str, pks: Iterable) -> None:
    """Note rows of the model `label` ("blog.article") as shown on this page."""
    shown = _shown.get()
    if shown is not None:
        shown.setdefault(label, set()).update(pks)


def _note_row(sender, instance, **kwargs) -> None:
    if instance.pk is not None:
        note(sender._meta.label_lower, [instance.pk])


def note_rows_of(models: Iterable) -> None:
    """Note the rows of these models that pages load (see `noting`)."""
    for model in models:
        post_init.connect(_note_row, sender=model, weak=False)


@contextmanager
def noting() -> Iterator[dict[str, set]]:
    """The rows of shown models loaded or noted inside the block, by model label."""
    shown: dict[str, set] = {}
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)
