"""A per-client limit on appointment form posts, counted in the shared cache.

With Redis, every server counts together. If the cache cannot be reached the
limit lets the visitor through (and logs it): the honeypot and the minimum fill
time still stand, and a patient is never turned away because a counter is down.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from clinic_site.client import client_address

logger = logging.getLogger(__name__)


def _limit() -> tuple[int, int]:
    try:
        count, seconds = (
            int(part) for part in settings.APPOINTMENT_RATE_LIMIT.split("/")
        )
    except ValueError:
        raise ImproperlyConfigured(
            "APPOINTMENT_RATE_LIMIT should look like 5/600"
        ) from None
    return count, seconds


def over_limit(request) -> bool:
    """Count this post; True when the client has posted too often in the window."""
    allowed, seconds = _limit()
    if allowed == 0:
        return False
    window = int(time.time() // seconds)
    # Hashed: the cache holds no visitor address.
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"appointment-posts:{window}:{client}"
    try:
        cache.add(key, 0, seconds)
        count = cache.incr(key)
    except Exception:  # the cache is down or lost the key: let the patient through
        logger.warning("Appointment rate limit skipped: the cache did not answer")
        return False
    return count > allowed
