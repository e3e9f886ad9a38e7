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

from clinic_site.client import client_address

logger = logging.getLogger(__name__)


def over_limit(request) -> bool:
    """Count this post; True when the client has posted too often in the window."""
    if settings.APPOINTMENT_RATE_LIMIT_OFF:
        return False
    allowed, seconds = settings.APPOINTMENT_RATE_LIMIT
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
