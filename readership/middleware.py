"""Counting readers: above the whole-page cache, so its hits and 304s count too."""

import logging
import time
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError

from readership import tally
from readership.rules import is_reading, source_of

logger = logging.getLogger(__name__)
PAUSE_SECONDS = 5.0


class ReadershipMiddleware:
    """Count each view of a public page by a person (readership.rules), and, when
    this process keeps the counts in its own memory, write them once a window."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.paused_until = 0.0
        self.flushed_window = None

    @cached_property
    def cache(self):
        # Looked up once: the lookup costs as much as the count (both backends are
        # safe to share between threads).
        return caches["readership"]

    def __call__(self, request):
        response = self.get_response(request)
        if settings.READERSHIP_COUNTING:
            if is_reading(request, response):
                self._count(request)
            if settings.READERSHIP_FLUSH_INLINE:
                self._flush_once_a_window()
        return response

    def _count(self, request) -> None:
        # A count is worth less than the page: a cache that fails pauses counting
        # for a few seconds rather than making every visitor wait for it.
        if time.monotonic() < self.paused_until or len(request.path) > 300:
            return
        source, came_from = source_of(request)
        try:
            tally.record(
                tally.today(), request.path, source, came_from, cache=self.cache
            )
        except Exception:
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            logger.exception("Could not count a page view; pausing %ss", PAUSE_SECONDS)

    def _flush_once_a_window(self) -> None:
        window = tally.window_of(time.time() - tally.GRACE_SECONDS)
        if window == self.flushed_window:
            return
        self.flushed_window = window
        try:
            tally.flush(cache=self.cache)
        except DatabaseError:
            logger.exception("Could not write the readership counts; they wait")
