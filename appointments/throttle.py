"""A per-client limit on appointment requests, counted in the shared cache.

What counts is what a client made the clinic keep or caught it at: accepted
requests, and posts caught by the honeypot or the minimum fill time. A patient
correcting a mistake is never counted, so a kiosk in the waiting room or a slow
typist is not turned away.

The window slides: it is cut into SLOTS, each counted under its own key with an
atomic increment, and a check adds up the slots of the last window. So five posts
at the end of one window and five at the start of the next are ten in one window,
not five in each. A post can count for up to one slot (a tenth of the window)
longer than the window itself: the limit errs on the side of refusing a bot.

With Redis, every server counts together. If the cache cannot be reached the
limit lets the visitor through (and logs it): the honeypot and the minimum fill
time still stand, and a patient is never turned away because a counter is down.
Posts sent at the same moment may pass a little over the limit: it slows a
client down, it is not a lock.
"""

import hashlib
import logging
import math

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from clinic_site.client import client_address

logger = logging.getLogger(__name__)
SLOTS = 10


def is_limited(request) -> bool:
    """True when this client has reached the limit in the last window."""
    if settings.APPOINTMENT_RATE_LIMIT_OFF:
        return False
    allowed, _ = settings.APPOINTMENT_RATE_LIMIT
    try:
        counts = cache.get_many(_window_keys(request))
    except Exception:  # the cache is down: let the patient through
        logger.warning("Appointment rate limit skipped: the cache did not answer")
        return False
    return sum(counts.values()) >= allowed


def count(request) -> None:
    """Count an accepted request, or a post caught by a trap, for this client."""
    if settings.APPOINTMENT_RATE_LIMIT_OFF:
        return
    _, seconds = settings.APPOINTMENT_RATE_LIMIT
    key = _window_keys(request)[-1]
    try:
        cache.add(key, 0, seconds + math.ceil(seconds / SLOTS))
        cache.incr(key)
    except Exception:  # the cache is down or lost the key: the post goes uncounted
        logger.warning("Appointment rate limit skipped: the cache did not answer")


def _window_keys(request) -> list[str]:
    """The keys of the slots that make up the last window, the current one last."""
    _, seconds = settings.APPOINTMENT_RATE_LIMIT
    slot = int(timezone.now().timestamp() * SLOTS // seconds)
    # Hashed: the cache holds no visitor address.
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return [
        f"appointment-posts:{seconds}:{n}:{client}"
        for n in range(slot - SLOTS, slot + 1)
    ]
