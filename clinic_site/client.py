import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The visitor's address; behind our proxy, the one the proxy saw.

    Only the last X-Forwarded-For entry is trusted: it is the one our proxy added.
    Without a proxy the header is ignored, since anyone can send it.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def asks_too_often(request, what: str, per_minute: int) -> bool:
    """Count this request, and say whether its client asked for `what` more than
    `per_minute` times this minute. The cache holds a hash, not the address. When
    the cache is down the client is let through: these limits slow scripts down,
    they never turn a patient away."""
    minute = int(time.time() // 60)
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"rate:{what}:{minute}:{client}"
    try:
        cache.add(key, 0, 120)
        return cache.incr(key) > per_minute
    except Exception:
        logger.warning("Rate limit on %s skipped: the cache did not answer", what)
        return False
