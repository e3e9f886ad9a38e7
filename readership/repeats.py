"""A reader who opens the same page again soon is counted once.

Reloads, the back button and a script fetching one article in a loop would otherwise
each count as a view. Each web process remembers, for READERSHIP_REPEAT_SECONDS
(half an hour; 0 counts every view, as the benchmark does), a keyed hash
of (client address, user agent, path) for the views it counted: the key is random,
made when the process starts and never written anywhere, so the hashes cannot be
matched with anything outside this process's memory, and they are forgotten once
that time is over. At most CAPACITY are held (about 4 MB); past that the oldest go
first. With several processes, a reader served by each in turn counts once per
process.
"""

import hashlib
import secrets
import threading
import time

from clinic_site.client import client_address

CAPACITY = 20_000


class RecentViews:
    def __init__(self, seconds: float, capacity: int = CAPACITY):
        self.seconds = seconds
        self.capacity = capacity
        self.key = secrets.token_bytes(16)
        self.expiry: dict[bytes, float] = {}  # oldest first
        self.lock = threading.Lock()

    def first_in_a_while(self, request) -> bool:
        """Whether this reader has not had this page counted in the last while."""
        meta = request.META
        reader = "\n".join(
            (client_address(request), meta.get("HTTP_USER_AGENT", ""), request.path)
        )
        digest = hashlib.blake2b(
            reader.encode(errors="replace"), key=self.key, digest_size=12
        ).digest()
        now = time.monotonic()
        with self.lock:
            if self.expiry.get(digest, 0.0) > now:
                return False
            self.expiry.pop(digest, None)  # so that it moves to the end, the newest
            self.expiry[digest] = now + self.seconds
            self._forget_old(now)
        return True

    def _forget_old(self, now: float) -> None:
        expiry = self.expiry
        while expiry:
            oldest = next(iter(expiry))
            if expiry[oldest] > now and len(expiry) <= self.capacity:
                return
            del expiry[oldest]
