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
would. At evenly spread points of the run, a worker whose socket table (in /proc)
holds the connection of a post in flight gets SIGKILL. Every failure is counted, and
at the end the stored rows are counted per marker.

The exit status is 1 unless no acknowledged request is lost, none is duplicated, no
confirmation names another request, every kill is verified (the worker was serving
a post and that post's connection broke), every error is one a kill caused, and both
probes were refused. Bounded in requests and time.
"""

import argparse
import http.client
import os
import queue
import re
import signal
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
TIME_LIMIT = 300  # seconds for the whole load, after which unsent forms count as failed
TIMEOUT = 30  # seconds for one request
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
FORM_PATH = "/appointments/request/"
RATE_PROBE_POSTS = 100  # one address; refused by the 21st at 5/600 on 4 workers
BROKEN = "broken connection"
ESTABLISHED = "01"  # the state column of /proc/net/tcp


@dataclass
class Visit:
    """One visitor: a form fetched, filled in and posted, all from one address."""

    marker: str
    address: str
    cookie: str = ""
    fields: dict = field(default_factory=dict)
    fetched_at: float = 0.0
    fetch_error: str = ""
    answers: list = field(default_factory=list)  # one per post: status or BROKEN
    confirmation: str = ""  # the redirect's address, when acknowledged

    @property
    def acknowledged(self) -> bool:
        return bool(self.confirmation)


@dataclass
class Kill:
    pid: int
    seconds: float
    settled: int  # forms done when it was sent
    visit: Visit  # the post the worker was serving
    attempt: int

    @property
    def verified(self) -> bool:
        return self.visit.answers[self.attempt] == BROKEN


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


def post_form(port: int, visit: Visit, in_flight: dict, lock) -> str:
    """POST the form once; record the answer. `in_flight` maps client port to post."""
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": visit.cookie,
        "X-Forwarded-For": visit.address,
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    client_port = None
    try:
        connection.connect()
        client_port = connection.sock.getsockname()[1]
        with lock:
            in_flight[client_port] = (visit, len(visit.answers))
        connection.request(
            "POST", FORM_PATH, urllib.parse.urlencode(visit.fields), headers
        )
        response = connection.getresponse()
        response.read()
        answer = str(response.status)
    except (OSError, http.client.HTTPException):
        answer = BROKEN
    finally:
        connection.close()
        with lock:
            in_flight.pop(client_port, None)
            visit.answers.append(answer)
    if answer == "302":
        visit.confirmation = response.getheader("Location")
    return answer


def established_connections(server_port: int) -> dict[int, int]:
    """Socket inode -> client port, for each established connection to the server."""
    connections = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].split(":")[1], 16)
        if local_port == server_port and fields[3] == ESTABLISHED:
            connections[int(fields[9])] = int(fields[2].split(":")[1], 16)
    return connections


def socket_inodes(pid: int) -> set[int]:
    inodes = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[len("socket:[") : -1]))
    return inodes


def worker_serving_a_post(server: Gunicorn, in_flight: dict, lock):
    """(pid, (visit, attempt)) of a worker holding a post's connection, or None."""
    connections = established_connections(server.port)
    for pid in server.worker_pids():
        try:
            inodes = socket_inodes(pid)
        except OSError:  # exited meanwhile
            continue
        for inode in inodes & connections.keys():
            with lock:
                post = in_flight.get(connections[inode])
            if post:
                return pid, post
    return None


class Load:
    """Fetchers fill a queue with forms; posters post each once its fill time is up."""

    def __init__(self, server, requests, concurrency, kills, fill_seconds):
        self.server, self.concurrency = server, concurrency
        self.fill_seconds = fill_seconds
        self.visits = [Visit(f"load test {n}", address(n)) for n in range(requests)]
        self.kills_wanted = kills
        self.kills: list[Kill] = []
        self.in_flight: dict = {}
        self.lock = threading.Lock()
        self.settled = 0
        self.to_fetch = iter(self.visits)
        self.fetched = queue.Queue()
        self.finished = threading.Event()

    def run(self) -> None:
        self.started = time.monotonic()
        self.deadline = self.started + TIME_LIMIT
        fetchers = [
            threading.Thread(target=self.fetch) for _ in range(self.concurrency)
        ]
        posters = [threading.Thread(target=self.post) for _ in range(self.concurrency)]
        killer = threading.Thread(target=self.kill)
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
            if ready > self.deadline:
                continue  # never posted: counted as failed
            time.sleep(max(0.0, ready - time.monotonic()))
            port = self.server.port
            if post_form(port, visit, self.in_flight, self.lock) == BROKEN:
                post_form(port, visit, self.in_flight, self.lock)  # as a browser would
            self.settle()

    def kill(self) -> None:
        """At evenly spread points of the run, SIGKILL a worker serving a post."""
        for k in range(self.kills_wanted):
            due = (2 * k + 1) * len(self.visits) // (2 * self.kills_wanted)
            while self.settled < due:
                if self.finished.wait(0.01):
                    return
            while not self.finished.is_set():
                if found := worker_serving_a_post(
                    self.server, self.in_flight, self.lock
                ):
                    pid, (visit, attempt) = found
                    os.kill(pid, signal.SIGKILL)
                    seconds = time.monotonic() - self.started
                    self.kills.append(Kill(pid, seconds, self.settled, visit, attempt))
                    break
                time.sleep(0.002)


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
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def prepare() -> None:
    """Schema, static files (the pages need the manifest) and one location."""
    from django.core.management import call_command

    from appointments.models import Location

    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    Location.objects.create(
        name="Load",
        street_address="1 Main St",
        city="Cambridge",
        region="MA",
        postal_code="02139",
        phone="(617) 555-0110",
    )


def probe_defences(port: int, fill_seconds: float) -> tuple[Visit, list[Visit]]:
    """A form posted at once, and one address posting until refused (at most 100)."""
    hasty = Visit("probe fill time", "192.0.2.1")
    if fetch_form(port, hasty):
        post_form(port, hasty, {}, threading.Lock())
    burst = [Visit(f"probe rate {n}", "192.0.2.2") for n in range(RATE_PROBE_POSTS)]
    burst = [visit for visit in burst if fetch_form(port, visit)]
    time.sleep(fill_seconds)
    for visit in burst:
        if post_form(port, visit, {}, threading.Lock()) != "302":
            break
    return hasty, [visit for visit in burst if visit.answers]


def answer_counts(visits) -> Counter:
    return Counter(answer for visit in visits for answer in visit.answers)


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
    # The production values, whatever this shell says; REDIS_URL: each worker's own
    # cache, so no run shares counters with another.
    for name in ("APPOINTMENT_RATE_LIMIT", "APPOINTMENT_MIN_FILL_SECONDS", "REDIS_URL"):
        os.environ.pop(name, None)
    with throwaway_database(args.postgres) as database_url:
        env = bench_environment(
            DATABASE_URL=database_url,
            DJANGO_BEHIND_PROXY="true",
            NOTIFICATIONS_INLINE="false",
        )
        os.environ.update(
            env
        )  # this process prepares and counts with the same settings
        os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
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
    """Reference of every stored request, by reason (our marker)."""
    from appointments.models import AppointmentRequest

    stored = defaultdict(list)
    for reason, reference in AppointmentRequest.objects.values_list(
        "reason", "reference"
    ):
        stored[reason].append(reference)
    return stored


def confirmed_reference(visit: Visit) -> str:
    """The reference the visitor's confirmation address names."""
    from django.core import signing

    from appointments.views import THANKS_SALT

    token = visit.confirmation.rstrip("/").rsplit("/", 1)[1]
    return signing.loads(token, salt=THANKS_SALT)


def report(load: Load, hasty: Visit, burst: list[Visit]) -> bool:
    """Print the counts; True when the run failed."""
    from django.conf import settings
    from django.db import connection

    stored = stored_references()
    visits = load.visits
    acknowledged = [visit for visit in visits if visit.acknowledged]
    answers = answer_counts(visits)
    count = {
        "forms": len(visits),
        "form fetches failed": sum(1 for visit in visits if visit.fetch_error),
        "forms not posted within the time limit": sum(
            1 for visit in visits if visit.fields and not visit.answers
        ),
        "posts sent": answers.total(),
        "  resent after a broken connection": sum(
            1 for visit in visits if len(visit.answers) == 2
        ),
        "  answered 302 (acknowledged)": answers["302"],
        "  broken connection": answers[BROKEN],
        "  answered otherwise": answers.total() - answers["302"] - answers[BROKEN],
    }
    count["errors"] = (
        count["form fetches failed"]
        + count["forms not posted within the time limit"]
        + count["  broken connection"]
        + count["  answered otherwise"]
    )
    verified = sum(1 for kill in load.kills if kill.verified)
    count |= {
        "  not caused by a kill": count["errors"] - verified,
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
        "kills on a worker serving a post": len(load.kills),
        "kills verified (that post broke)": verified,
    }
    fill_time_refused = hasty.answers == ["200"]
    burst_answers = [visit.answers[0] for visit in burst]
    rate_limit_refused = burst_answers[-1:] == ["429"]

    print(
        f"{connection.display_name}, {WORKERS} gunicorn sync workers, "
        f"{load.concurrency} threads fetching forms and {load.concurrency} posting "
        f"them, rate limit {settings.APPOINTMENT_RATE_LIMIT}, minimum fill time "
        f"{load.fill_seconds} s, one client address per form (X-Forwarded-For)"
    )
    print(
        f"probe, a form posted at once: answered {' '.join(hasty.answers) or 'nothing'}"
        f" ({'refused' if fill_time_refused else 'NOT REFUSED'})"
    )
    print(
        f"probe, one address posting: {burst_answers.count('302')} accepted, then "
        f"{burst_answers[-1] if burst_answers else 'nothing'}"
        f" ({'refused' if rate_limit_refused else 'NOT REFUSED'})"
    )
    for n, kill in enumerate(load.kills, 1):
        print(
            f"kill {n} at {kill.seconds:5.1f} s, after {kill.settled} forms: worker "
            f"{kill.pid} held a post's connection; that post: "
            f"{kill.visit.answers[kill.attempt]}"
        )
    for label, value in count.items():
        print(f"{label:<42}{value:>6}")
    print(f"{'elapsed':<42}{load.elapsed:>6.1f} s")
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
