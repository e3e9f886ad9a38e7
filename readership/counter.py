"""Views counted in one process, added to the cache in batches: the middleware's, and
count_proxy_views' for the pages Varnish answers from its copy."""

import logging
import threading
import time
from collections import Counter
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError

from readership import tally
from readership.repeats import RecentViews
from readership.rules import is_reading, source_of

logger = logging.getLogger(__name__)
PAUSE_SECONDS = 5.0


class ViewCounter:
    """Count each view of a public page by a person (readership.rules), once per
    reader and page in half an hour (readership.repeats), and, when this process
    keeps the counts in its own memory, write them once a window."""

    def __init__(self):
        self.pending = Counter()  # views not yet added to the cache
        self.lock = threading.Lock()
        self.pusher = None
        self.paused_until = 0.0
        self.flushed_window = None
        self.recent = RecentViews(settings.READERSHIP_REPEAT_SECONDS)

    @cached_property
    def cache(self):
        # Looked up once: the lookup costs as much as the count (both backends are
        # safe to share between threads).
        return caches["readership"]

    def count(self, request, response, *, counted_elsewhere: bool = False) -> None:
        """Count this view; one `counted_elsewhere` (by the site, for Varnish's
        misses) is only remembered, so that the same reader's reload is not."""
        if (
            is_reading(request, response)
            and len(request.path) <= 300
            and self.recent.first_in_a_while(request)
            and not counted_elsewhere
        ):
            counted = tally.entry(tally.today(), request.path, *source_of(request))
            with self.lock:
                self.pending[counted] += 1
            self._push_soon()
        if settings.READERSHIP_FLUSH_INLINE:
            self._flush_once_a_window()

    def _push_soon(self) -> None:
        if settings.READERSHIP_PUSH_SECONDS <= 0:
            self.push()
        elif self.pusher is None or not self.pusher.is_alive():  # or forked since
            self.pusher = threading.Thread(
                target=self._push_every_interval, name="readership-push", daemon=True
            )
            self.pusher.start()

    def _push_every_interval(self) -> None:
        # Beside the requests, so that an idle worker's views reach the cache too.
        while (seconds := settings.READERSHIP_PUSH_SECONDS) > 0:
            time.sleep(seconds)
            self.push()

    def push(self) -> None:
        """Add the views counted here to the cache: one increment per page and
        source a second, not one per view (a Redis round trip costs more than the
        rest of a cached page)."""
        with self.lock:
            pending, self.pending = self.pending, Counter()
        now = time.monotonic()
        if not pending or now < self.paused_until:
            return
        try:
            tally.add(pending, cache=self.cache)
        except Exception:
            # A count is worth less than the page: a cache that fails pauses
            # counting for a few seconds rather than making visitors wait for it.
            # What was not added is dropped: some of it may have been, and a view
            # must never count twice.
            self.paused_until = now + PAUSE_SECONDS
            logger.exception("Could not count page views; pausing %ss", PAUSE_SECONDS)

    def _flush_once_a_window(self) -> None:
        window = tally.window_of(time.time() - tally.GRACE_SECONDS)
        if window == self.flushed_window:
            return
        self.flushed_window = window
        try:
            tally.flush(cache=self.cache)
        except DatabaseError:
            logger.exception("Could not write the readership counts; they wait")
