"""Django's Redis cache, except that a Redis that is down is a miss, not an error.

Pages then render from the database (slower, still correct). After a failure the
cache is skipped for RETRY_AFTER seconds, so each request does not wait for a
connection timeout. `incr` still raises: its callers decide what a lost count means.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)
RETRY_AFTER = 5.0


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, default, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return method(*args, **kwargs)
        except (ConnectionError, TimeoutError) as error:
            self._down_until = time.monotonic() + RETRY_AFTER
            logger.error("Cache unavailable, skipped for %ss: %s", RETRY_AFTER, error)
            return default

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(None, super().set, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._call(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        if time.monotonic() < self._down_until:
            raise ConnectionError("cache marked unavailable")
        return super().incr(key, delta, version)
