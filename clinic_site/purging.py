"""Purging the reverse proxy's copies of pages by surrogate key, after a change.

Once a change commits, the keys it touched (clinic_site/page_cache.py) are sent to
the proxy by the purger the settings name: CACHE_PURGER, given CACHE_PURGE_URL
(no URL, no proxy to purge). Here that is Varnish's xkey purge over HTTP; a CDN's
purge by surrogate key is another class with the same `purge(keys)`.

A purge is tried ATTEMPTS times, a moment apart, each bounded by TIMEOUT. One that
still fails waits in the database (PendingPurge) and is sent again, further apart
each time, by `manage.py retry_purges` and after the next purge that succeeds.
Nothing here fails or holds up the save for long: the edit is committed before any
of this runs, and a lost purge at worst leaves a page in the proxy until its
s-maxage ends, which is also when a waiting purge stops mattering and is dropped.
Logs count keys; they never name a page or what it says.
"""

import logging
import time
import urllib.request
from datetime import timedelta
from typing import Protocol

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from clinic_site.models import PendingPurge

logger = logging.getLogger(__name__)

ATTEMPTS = 3
FIRST_PAUSE = 0.1  # seconds between attempts, doubled each time
TIMEOUT = 0.5  # seconds per attempt: a proxy next door answers in a millisecond
RETRY_DELAY = timedelta(seconds=15)  # before the first retry, doubled each time
LONGEST_RETRY_DELAY = timedelta(minutes=5)
RETRIES_PER_ROUND = 50


class Purger(Protocol):
    def purge(self, keys: list[str]) -> None:
        """Drop every copy carrying any of these keys; raise when that fails."""


class VarnishPurger:
    """Varnish with the xkey module: a PURGE request to the proxy itself, naming the
    keys in its `xkey-purge` header (deploy/varnish/default.vcl lets only local
    addresses send it)."""

    KEYS_PER_REQUEST = 100  # a header well under Varnish's 8 KB limit

    def __init__(self, url: str):
        self.url = url
        # Straight to the proxy, whatever http_proxy the environment names.
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def purge(self, keys: list[str]) -> None:
        for start in range(0, len(keys), self.KEYS_PER_REQUEST):
            batch = " ".join(keys[start : start + self.KEYS_PER_REQUEST])
            request = urllib.request.Request(
                self.url, method="PURGE", headers={"xkey-purge": batch}
            )
            with self.opener.open(request, timeout=TIMEOUT):
                pass  # an answer other than 2xx raises HTTPError


def configured_purger() -> Purger | None:
    if not settings.CACHE_PURGE_URL:
        return None
    return import_string(settings.CACHE_PURGER)(settings.CACHE_PURGE_URL)


def purge_after_commit(keys) -> None:
    """Purge the keys from the proxy (a few quick tries), or queue them to be tried
    again; never raises."""
    purger = configured_purger()
    if purger is None or not keys:
        return
    keys = sorted(keys)
    if not _send(purger, keys, ATTEMPTS):
        _queue(keys)
        return
    try:
        retry_due(purger)
    except DatabaseError:
        logger.exception("Could not look for purges waiting to be retried")


def _send(purger: Purger, keys: list[str], attempts: int) -> bool:
    for attempt in range(attempts):
        if attempt:
            time.sleep(FIRST_PAUSE * 2 ** (attempt - 1))
        try:
            purger.purge(keys)
            return True
        except Exception as error:
            failure = type(error).__name__
    logger.warning("Purge of %d key(s) failed (%s)", len(keys), failure)
    return False


def _queue(keys: list[str]) -> None:
    try:
        PendingPurge.objects.create(
            keys=" ".join(keys), next_attempt_at=timezone.now() + RETRY_DELAY
        )
    except DatabaseError:
        logger.exception(
            "Could not queue a failed purge: pages may stay in the proxy until "
            "they expire"
        )


def retry_due(purger: Purger | None = None) -> int:
    """Send the waiting purges that are due; how many went through.

    A purge is claimed by a conditional update before it is sent, so two runs never
    send the same one. Purges older than a kept page's lifetime are dropped: every
    copy they were meant for has expired.
    """
    purger = purger or configured_purger()
    if purger is None:
        return 0
    now = timezone.now()
    lifetime = timedelta(
        seconds=settings.PAGE_CACHE_SECONDS + settings.PROXY_STALE_SECONDS
    )
    PendingPurge.objects.filter(created_at__lt=now - lifetime).delete()
    due = PendingPurge.objects.filter(next_attempt_at__lte=now).order_by("pk")
    sent = 0
    for pending in due[:RETRIES_PER_ROUND]:
        delay = min(RETRY_DELAY * 2**pending.attempts, LONGEST_RETRY_DELAY)
        claimed = PendingPurge.objects.filter(
            pk=pending.pk, attempts=pending.attempts
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + delay)
        if claimed and _send(purger, pending.keys.split(), attempts=1):
            pending.delete()
            sent += 1
    return sent
