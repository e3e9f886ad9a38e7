import time

import pytest
from django.conf import settings

from readership import tally

# A browser's first visit to a page: what rules.is_reading expects of a person.
BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 "
    "Firefox/133.0",
    "HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8",
}


def reader(n: int) -> dict:
    """The browser of the n-th of several readers, each at its own address (the
    same reader opening a page again soon counts once: readership.repeats)."""
    return BROWSER | {"REMOTE_ADDR": f"198.51.100.{n}"}


def later() -> float:
    """A moment when every window open now has closed."""
    return time.time() + 2 * settings.READERSHIP_BATCH_SECONDS + tally.GRACE_SECONDS


@pytest.fixture
def write_counts():
    """Write what the cache holds to the database, as the worker would later."""
    return lambda **kwargs: tally.flush(now=later(), **kwargs)
