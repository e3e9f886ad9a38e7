"""Post appointment requests to gunicorn while killing workers in the middle of a post.

    .venv/bin/python bench/load_with_kills.py [--requests 2000] [--concurrency 32]
                                             [--kills 5] [--postgres]

Starts gunicorn (4 sync workers, 127.0.0.1) on a throwaway database: SQLite in a
temporary folder, or with --postgres a database of its own on 127.0.0.1:5432, dropped
at the end. The rate limit and the minimum fill time keep their production values:
the server runs behind the proxy setting and every form comes from its own address
in X-Forwarded-For, as patients behind the proxy do. Two probes first show that both
refuse: a form posted at once, and one address posting until it is refused.

Then `concurrency` threads fetch the forms and as many post them, each no sooner than
the minimum fill time after it was fetched, each with a unique marker in its reason.
A post whose connection broke is sent once more with the same form, as a browser
would. At evenly spread points of the run, a worker whose descriptors (in /proc) hold
the connection of a post with no byte of answer yet gets SIGKILL. Every failure is
counted, and at the end the stored rows are counted per marker.

The exit status is 1 unless no acknowledged request is lost, none is duplicated, no
confirmation names another request, every kill is verified (the worker was serving
a post and that post's connection broke), every error is one a kill caused and both
probes were refused. Bounded in requests and time.
"""

import argparse
import http.client
import os
import queue
import re
import signal
import socket
import struct
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import Gunicorn, bench_environment  # noqa: E402

WORKERS = 4
TIME_LIMIT = 600  # seconds for the load; forms not posted by then count as errors
TIMEOUT = 30  # seconds for one request
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
FORM_PATH = "/appointments/request/"
RATE_PROBE_POSTS = 100  # from one address: 5/600 on 4 workers refuses the 21st
BROKEN = "broken connection"
TCPI_BYTES_RECEIVED = 128  # offset in Linux's struct tcp_info (TCP_INFO)
KILL_TRIES = 5  # per kill wanted, see Load.kill


@dataclass
class Visit:
    """One visitor: a form fetched, filled in and posted, all from one address."""

    marker: str  # the reason field: finds this visit's rows
    address: str
    cookie: str = ""
    fields: dict = field(default_factory=dict)
    fetched_at: float = 0.0
    fetch_error: str = ""
    answers: list = field(default_factory=list)  # one per post: status or BROKEN
    confirmation: str = ""  # the redirect's address, when acknowledged


@dataclass
class Kill:
    pid: int
    seconds: float
    settled: int  # forms done when it was sent
    visit: Visit  # whose post the worker was serving
    attempt: int

    @property
    def verified(self) -> bool:
        return self.visit.answers[self.attempt] == BROKEN


@dataclass(frozen=True)
class Post:
    visit: Visit
    attempt: int
    sock: socket.socket

    def unanswered(self) -> bool:
        """No byte of the answer has reached the client yet, read or not."""
        try:
            info = self.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 256)
        except OSError:  # closed: the post is over
            return False
        return struct.unpack_from("Q", info, TCPI_BYTES_RECEIVED)[0] == 0


class PostsInFlight:
    """Which post is on each client port, while it is sent: what the killer aims at."""

    def __init__(self):
        self._posts, self._lock = {}, threading.Lock()

    @contextmanager
    def sending(self, sock: socket.socket, visit: Visit):
        client_port = sock.getsockname()[1]
        with self._lock:
            self._posts[client_port] = Post(visit, len(visit.answers), sock)
        try:
            yield
        finally:
            with self._lock:
                del self._posts[client_port]

    def get(self, client_port: int) -> Post | None:
        with self._lock:
            return self._posts.get(client_port)


def address(n: int) -> str:
    """A distinct client address per form, in 198.18.0.0/15 (kept for benchmarks)."""
    return f"198.{18 + n // 65536}.{n // 256 % 256}.{n % 256}"


def fetch_form(port: int, visit: Visit) -> bool:
    """GET the form: its CSRF cookie and token, its one-time token, a location."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        connection.request("GET", FORM_PATH, headers={"X-Forwarded-For": visit.address})
        response = connection.getresponse()
        page = response.read().decode()
        connection.close()
    except (OSError, http.client.HTTPException) as error:
        visit.fetch_error = type(error).__name__
        return False
    hidden = re.findall(
        r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', page
    )
    location = re.search(r'<option value="(\d+)"', page)
    cookie = (response.getheader("Set-Cookie") or "").split(";")[0]
    if response.status != 200 or len(hidden) != 2 or not location or not cookie:
        visit.fetch_error = f"status {response.status}"
        return False
    visit.fetched_at = time.monotonic()
    visit.cookie = cookie
    visit.fields = dict(hidden) | {
        "full_name": "Load Test",
        "phone": "(617) 555-0123",
        "contact_method": "phone",
        "patient_type": "new",
        "location": location.group(1),
        "preferred_time": "any",
        "reason": visit.marker,
        "consent": "on",
        "website": "",
    }
    return True


def post_form(port: int, visit: Visit, in_flight: PostsInFlight) -> str:
    """POST the form once; record and return the answer."""
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": visit.cookie,
        "X-Forwarded-For": visit.address,
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.connect()
        with in_flight.sending(connection.sock, visit):
            body = urllib.parse.urlencode(visit.fields)
            connection.request("POST", FORM_PATH, body, headers)
            response = connection.getresponse()
            response.read()
        answer = str(response.status)
        if answer == "302":
            visit.confirmation = response.getheader("Location")
    except (OSError, http.client.HTTPException):
        answer = BROKEN
    finally:
        connection.close()
    visit.answers.append(answer)
    return answer


class Load:
    """Fetchers fill a queue with forms; posters post each once its fill time is up."""

    def __init__(self, server, requests, concurrency, kills, fill_seconds):
        self.server, self.concurrency = server, concurrency
        self.fill_seconds, self.kills_wanted = fill_seconds, kills
        self.visits = [Visit(f"load test {n}", address(n)) for n in range(requests)]
        self.kills: list[Kill] = []
        self.in_flight = PostsInFlight()
        self.lock = threading.Lock()
        self.settled = 0  # forms done with: fetch failed, or posted
        self.to_fetch = iter(self.visits)
        self.fetched = queue.Queue()
        self.finished = threading.Event()

    def run(self) -> None:
        self.started = time.monotonic()
        self.deadline = self.started + TIME_LIMIT
        fetchers = [
            threading.Thread(target=self.fetch, daemon=True)
            for _ in range(self.concurrency)
        ]
        posters = [
            threading.Thread(target=self.post, daemon=True)
            for _ in range(self.concurrency)
        ]
        killer = threading.Thread(target=self.kill, daemon=True)
        for thread in [*fetchers, *posters, killer]:
            thread.start()
        for thread in fetchers:
            thread.join()
        for _poster in posters:
            self.fetched.put(None)
        for thread in posters:
            thread.join()
        self.finished.set()
        killer.join()
        self.elapsed = time.monotonic() - self.started

    def settle(self) -> None:
        with self.lock:
            self.settled += 1

    def fetch(self) -> None:
        while time.monotonic() < self.deadline:
            with self.lock:
                visit = next(self.to_fetch, None)
            if visit is None:
                return
            if fetch_form(self.server.port, visit):
                self.fetched.put(visit)
            else:
                self.settle()

    def post(self) -> None:
        while visit := self.fetched.get():
            ready = visit.fetched_at + self.fill_seconds
            if max(ready, time.monotonic()) > self.deadline:
                continue  # never posted: an error in the report
            time.sleep(max(0.0, ready - time.monotonic()))
            if post_form(self.server.port, visit, self.in_flight) == BROKEN:
                post_form(self.server.port, visit, self.in_flight)  # as browsers do
            self.settle()

    def kill(self) -> None:
        """At evenly spread points of the run, SIGKILL a worker serving a post.

        Should the worker answer in the instant between the last look and the
        signal, the kill broke nothing, and another one serving a post is killed.
        """
        for k in range(self.kills_wanted):
            due = (2 * k + 1) * len(self.visits) // (2 * self.kills_wanted)
            while self.settled < due:
                if self.finished.wait(0.01):
                    return
            for _try in range(KILL_TRIES):
                kill = self.kill_a_worker_serving_a_post()
                if kill is None:
                    return
                while len(kill.visit.answers) <= kill.attempt:
                    self.finished.wait(0.01)  # the post's timeout bounds this
                if kill.verified:
                    break

    def kill_a_worker_serving_a_post(self) -> Kill | None:
        """Look until one is found (then kill it) or the load has finished."""
        while not self.finished.is_set():
            for pid, clients in self.server.clients_by_worker().items():
                for client_port in clients:
                    post = self.in_flight.get(client_port)
                    # The look in /proc may be stale by now (other threads ran), but
                    # a worker that has not begun the answer is still serving it.
                    if post and post.unanswered():
                        os.kill(pid, signal.SIGKILL)
                        seconds = time.monotonic() - self.started
                        kill = Kill(
                            pid, seconds, self.settled, post.visit, post.attempt
                        )
                        self.kills.append(kill)
                        return kill
            time.sleep(0.002)
        return None


def probe_defences(port: int, fill_seconds: float) -> tuple[Visit, list[Visit]]:
    """A form posted at once, and one address posting until refused (at most 100)."""
    in_flight = PostsInFlight()
    hasty = Visit("probe fill time", "192.0.2.1")
    if fetch_form(port, hasty):
        post_form(port, hasty, in_flight)
    burst = [Visit(f"probe rate {n}", "192.0.2.2") for n in range(RATE_PROBE_POSTS)]
    burst = [visit for visit in burst if fetch_form(port, visit)]
    time.sleep(fill_seconds)
    for visit in burst:
        if post_form(port, visit, in_flight) != "302":
            break
    return hasty, [visit for visit in burst if visit.answers]


@contextmanager
def throwaway_database(postgres: bool):
    """A DATABASE_URL for a new, empty database, removed afterwards."""
    if not postgres:
        with tempfile.TemporaryDirectory(prefix="clinic-load-") as folder:
            yield f"sqlite:///{folder}/db.sqlite3"
        return
    import psycopg

    name = f"clinic_load_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:  # FORCE: also ends this process's own connection to it
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def prepare() -> None:
    """Schema, static files (pages need their manifest) and the one location."""
    from django.core.management import call_command

    from clinic.models import Location

    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    Location.objects.create(
        name="Load",
        slug="load",
        street_address="1 Main St",
        city="Cambridge",
        region="MA",
        postal_code="02139",
        phone="(617) 555-0110",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument(
        "--postgres", action="store_true", help=f"on {POSTGRES_SERVER}, not SQLite"
    )
    args = parser.parse_args()
    if not (
        100 <= args.requests <= 20_000
        and 1 <= args.concurrency <= 64
        and 1 <= args.kills <= args.requests // 100
    ):
        sys.exit("requests: 100-20,000, concurrency: 1-64, kills: 1 per 100 requests.")
    # Production's limits whatever this shell says; no REDIS_URL, so each worker
    # counts in its own memory and no run shares counters with another.
    for name in ("APPOINTMENT_RATE_LIMIT", "APPOINTMENT_MIN_FILL_SECONDS", "REDIS_URL"):
        os.environ.pop(name, None)
    with throwaway_database(args.postgres) as database_url:
        env = bench_environment(
            DATABASE_URL=database_url,
            DJANGO_BEHIND_PROXY="true",
            NOTIFICATIONS_INLINE="false",
        )
        # This process prepares and counts, with the server's settings.
        os.environ.update(env, DJANGO_SETTINGS_MODULE="clinic_site.settings")
        import django

        django.setup()
        from django.conf import settings

        prepare()
        fill_seconds = settings.APPOINTMENT_MIN_FILL_SECONDS
        with Gunicorn(env, workers=WORKERS) as server:
            probes = probe_defences(server.port, fill_seconds)
            load = Load(
                server, args.requests, args.concurrency, args.kills, fill_seconds
            )
            load.run()
        failed = report(load, *probes)
    sys.exit(1 if failed else 0)


def stored_references() -> dict[str, list[str]]:
    """The reference of every stored request, by reason (our marker)."""
    from appointments.models import AppointmentRequest

    stored = defaultdict(list)
    rows = AppointmentRequest.objects.values_list("reason", "reference")
    for reason, reference in rows:
        stored[reason].append(reference)
    return stored


def confirmed_reference(visit: Visit) -> str:
    """The reference that the visitor's confirmation address names."""
    from django.core import signing

    from appointments.views import THANKS_SALT

    token = visit.confirmation.rstrip("/").rsplit("/", 1)[1]
    return signing.loads(token, salt=THANKS_SALT)


def report(load: Load, hasty: Visit, burst: list[Visit]) -> bool:
    """Print what happened and the counts; True when the run failed."""
    from django.conf import settings
    from django.db import connection

    stored = stored_references()
    visits = load.visits
    acknowledged = [visit for visit in visits if visit.confirmation]
    answers = Counter(answer for visit in visits for answer in visit.answers)
    fetch_failed = sum(1 for visit in visits if visit.fetch_error)
    unanswered = sum(1 for visit in visits if not visit.answers)
    verified = sum(1 for kill in load.kills if kill.verified)
    errors = unanswered + answers.total() - answers["302"]
    count = {
        "forms": len(visits),
        "form fetches failed": fetch_failed,
        "forms not posted in time": unanswered - fetch_failed,
        "posts": answers.total(),
        "  answered 302 (acknowledged)": answers["302"],
        "  broken connection (then resent once)": answers[BROKEN],
        "  answered otherwise": answers.total() - answers["302"] - answers[BROKEN],
        "errors": errors,
        "  not caused by a kill": errors - verified,
        "acknowledged": len(acknowledged),
        "stored": sum(len(stored[visit.marker]) for visit in visits),
        "lost": sum(1 for visit in acknowledged if not stored[visit.marker]),
        "duplicated": sum(max(0, len(stored[visit.marker]) - 1) for visit in visits),
        "confirmations naming another request": sum(
            1
            for visit in acknowledged
            if stored[visit.marker]
            and confirmed_reference(visit) not in stored[visit.marker]
        ),
        "kills requested": load.kills_wanted,
        "kills made, each of a worker holding a post": len(load.kills),
        "kills verified: that post broke": verified,
    }
    fill_time_refused = hasty.answers == ["200"]
    burst_answers = [visit.answers[0] for visit in burst]
    rate_limit_refused = burst_answers[-1:] == ["429"]

    limit, window = settings.APPOINTMENT_RATE_LIMIT
    print(
        f"{connection.display_name}, {WORKERS} gunicorn sync workers, "
        f"{load.concurrency} threads fetching forms and {load.concurrency} posting, "
        f"rate limit {limit}/{window}, minimum fill time "
        f"{load.fill_seconds} s, one client address per form (X-Forwarded-For)"
    )
    print(
        f"probe, a form posted at once: {' '.join(hasty.answers) or 'no answer'} "
        f"({'refused' if fill_time_refused else 'NOT REFUSED'})"
    )
    print(
        f"probe, one address posting: {burst_answers.count('302')} accepted, then "
        f"{burst_answers[-1] if burst_answers else 'nothing'} "
        f"({'refused' if rate_limit_refused else 'NOT REFUSED'})"
    )
    for n, kill in enumerate(load.kills, 1):
        print(
            f"kill {n} at {kill.seconds:5.1f} s, {kill.settled} forms done: worker "
            f"{kill.pid} held a post's connection; that post: "
            f"{kill.visit.answers[kill.attempt]}"
        )
    for label, value in count.items():
        print(f"{label:<44}{value:>6}")
    print(f"{'elapsed':<44}{load.elapsed:>6.1f} s")
    failed = bool(
        count["lost"]
        or count["duplicated"]
        or count["confirmations naming another request"]
        or count["  not caused by a kill"]
        or verified < load.kills_wanted
        or not acknowledged
        or not (fill_time_refused and rate_limit_refused)
    )
    print("FAILED" if failed else "passed")
    return failed


if __name__ == "__main__":
    main()
