"""Count the views Varnish answers from its copy: they never reach the site.

Reads varnishncsa's log on stdin, one JSON object a request, in the format of
deploy/varnish/views.format (`varnishncsa -j` escapes quotes and control characters
inside the values, so a line cannot be split wrong). See docs/readership.md.
"""

import io
import json
import logging
import sys
from urllib.parse import unquote_to_bytes, urlsplit

from django.core.handlers.wsgi import WSGIRequest
from django.core.management.base import BaseCommand
from django.http import HttpResponse

from readership.counter import ViewCounter

logger = logging.getLogger(__name__)

# The format's fields and the request headers they were.
HEADERS = {
    "host": "HTTP_HOST",
    "agent": "HTTP_USER_AGENT",
    "accept": "HTTP_ACCEPT",
    "referer": "HTTP_REFERER",
    "dest": "HTTP_SEC_FETCH_DEST",
    "sec_purpose": "HTTP_SEC_PURPOSE",
    "purpose": "HTTP_PURPOSE",
    "forwarded": "HTTP_X_FORWARDED_FOR",
}


def request_and_response(logged: dict) -> tuple[WSGIRequest, HttpResponse]:
    """The request and answer one log line describes, as the site would have had
    them (ValueError, KeyError or TypeError if it describes none)."""
    url = urlsplit(logged["url"])
    environ = {
        "REQUEST_METHOD": logged["method"],
        # As a WSGI server passes it: unquoted bytes, each as one character.
        "PATH_INFO": unquote_to_bytes(url.path).decode("iso-8859-1"),
        "QUERY_STRING": url.query,
        # Varnish, on this machine, where the site's requests come from: the
        # visitor's address is the X-Forwarded-For that Varnish passes.
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "wsgi.input": io.BytesIO(),
    }
    # A header the browser did not send is absent, not empty (varnishncsa -j
    # writes "" for both).
    environ |= {meta: logged[field] for field, meta in HEADERS.items() if logged[field]}
    response = HttpResponse(status=int(logged["status"]), content_type=logged["type"])
    return WSGIRequest(environ), response


class Command(BaseCommand):
    help = (
        "Count the page views Varnish answered from its cache, from varnishncsa's "
        "log on stdin in the format of deploy/varnish/views.format, by the same "
        "rules and batches as the site. Misses and passes reached the site, which "
        "counted them: they are only remembered, so that a reader's reload from the "
        "cache does not count again. Runs until its input ends (docs/readership.md)."
    )
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        counter = ViewCounter()
        lines = options.get("stdin") or io.TextIOWrapper(
            sys.stdin.buffer, errors="replace"
        )
        hits = skipped = 0
        for line in lines:
            try:
                logged = json.loads(line)
                request, response = request_and_response(logged)
                hit = logged["hitmiss"] == "hit"
            except (ValueError, KeyError, TypeError):
                # Never the line itself in the log: it holds a visitor's address.
                skipped += 1
                if skipped == 1 or skipped % 1000 == 0:
                    logger.warning("Skipped %s unreadable log line(s)", skipped)
                continue
            hits += hit
            counter.count(request, response, counted_elsewhere=not hit)
        counter.push()
        self.stdout.write(f"Read {hits} hit(s); skipped {skipped} unreadable line(s).")
