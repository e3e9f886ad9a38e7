"""The speed benchmark (`make bench`): public pages as ratios to a trivial view.

    .venv/bin/python bench/run.py [--fresh] [--sizes 1000,100000] [--seconds 8]
    .venv/bin/python bench/run.py --counting-only --sizes 1000   # counting on/off

For each size (BENCH_SIZES, default "1000,100000" articles) a SQLite database under
var/bench/<size>/ is generated once by `python -m bench.generate_data` and reused
while the size and the generator's version match (--fresh makes it anew). Then
gunicorn (2 sync workers, 127.0.0.1) serves bench.wsgi: the site, plus
/bench/trivial/, a view that returns "ok" through the same middleware. wrk (or, if
it cannot be installed, a small Python client) keeps 8 connections busy on each
page for BENCH_SECONDS (default 8), after a 2-second warm-up:

- uncached: the server runs with PAGE_CACHE_SECONDS=0 (no whole-page cache): every
  request renders the page, as after a content change, with the navigation, footer
  and article cards kept per content version as in production;
- cached: default settings, each page warmed first: what visitors mostly get;
- counting: COUNTED_PAGES cached, on two servers at once, one with readership
  counting on and one with it off (READERSHIP_COUNTING=false), measured in turns
  (off, on, on, off, off, on ...) so that other load on the machine, and going
  first, fall on both alike;
  the median, over the turns, of requests per CPU-second of the workers with
  counting on over the next turn's with it off is the share of throughput
  counting keeps (target 90 %; requests/s, which other work on a shared machine
  bends, is printed beside it). Counts are
  written every 10 s (READERSHIP_BATCH_SECONDS), more often than production's 60,
  so the batch writes are in the measurement; the views that reached the database
  are printed as proof that counting was on. Every view counts there
  (READERSHIP_REPEAT_SECONDS=0): the load comes from one address, real readers
  from many, so counting does all its work for each request.

Every request is a browser's: a Firefox user agent, Accept: text/html and gzip
(what the readership rules count).

Then the appointment form: BENCH_POSTS (default 1500) forms fetched first (CSRF
cookie and tokens), then posted from 8 threads, rate limit and minimum fill time
off; any answer but a redirect is an error. Then worker memory: RSS of each worker
after 100 and after 10,000 requests of the page mix (uncached). Queries per page
are counted in-process (Django's test client against the same database).

It prints one table (requests/s, p50 and p99 latency, queries, ratio to the trivial
view of the same server), the growth of p50 from the smallest size to the largest,
the memory check and the POST check, each against its target, and writes it all to
var/bench/results.json. Everything runs on 127.0.0.1, bounded in time and requests,
and every process it starts is stopped at the end.
"""

import argparse
import ast
import http.client
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import proxy  # noqa: E402
from bench.serve import BASE_DIR, Gunicorn, bench_environment  # noqa: E402
from clinic_site.tests import varnish  # noqa: E402

BENCH_DIR = BASE_DIR / "var" / "bench"
GENERATOR = BASE_DIR / "bench" / "generate_data.py"
SEED = 1
WORKERS = 2
CONNECTIONS = 8
WARM_SECONDS = 2
MEMORY_STEPS = (100, 1000, 5000, 10_000)  # requests: RSS is read after each
MEMORY_SECONDS = 600  # at most, for all of them
REGENERATE_AFTER_DAYS = 25  # scheduled articles (30-90 days ahead) stay scheduled
PAGES = (
    "trivial",
    "home",
    "all articles",
    "category",
    "tag",
    "tag rare",
    "article",
    "search common",
    "search rare",
    "page",
    "physicians",
    "physician",
    "locations",
    "location",
)
COUNTED_PAGES = ("home", "category", "article")
COUNTING_TURNS = 5  # per page and server
GROWTH_TURNS = 5  # per page and size, for search's growth in turns
COUNTING_TARGET = 0.90  # cached requests/s with counting on / with it off
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 "
    "Firefox/133.0",
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Encoding": "gzip",
}
# Minimum requests/s as a share of the trivial view's, per page and mode.
LISTS_AND_ARTICLE = ("home", "all articles", "category", "tag", "tag rare", "article")
CLINIC_PAGES = ("page", "physicians", "physician", "locations", "location")
SEARCHES = ("search common", "search rare")
TARGETS = {
    "uncached": dict.fromkeys(LISTS_AND_ARTICLE + CLINIC_PAGES, 0.10)
    | dict.fromkeys(SEARCHES, 0.05)
    | {"article": 0.12},
    # Search is never kept whole (results change with every article): same target.
    "cached": dict.fromkeys(LISTS_AND_ARTICLE + CLINIC_PAGES, 0.80)
    | dict.fromkeys(SEARCHES, 0.05),
    # Kept pages through Varnish, against the trivial view served by gunicorn.
    "varnish": dict.fromkeys(LISTS_AND_ARTICLE + CLINIC_PAGES, 5.0),
}
POST_TARGET = 100  # requests/s, with no error
GROWTH_TARGET = 1.5  # p50 at the largest size / p50 at the smallest
MEMORY_TARGET = 1.2  # RSS after 10,000 requests / after 100
LUA = """
local paths = {%(paths)s}
local sent = 0
request = function()
  sent = sent + 1
  return wrk.format(nil, paths[(sent - 1) %% #paths + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK-JSON {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, " ..
    "\\"p99_us\\": %%d, \\"status_errors\\": %%d, \\"socket_errors\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="Regenerate the data.")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,100000"))
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "8"))
    )
    parser.add_argument(
        "--posts", type=int, default=int(os.environ.get("BENCH_POSTS", "1500"))
    )
    parser.add_argument(
        "--report", action="store_true", help="Print var/bench/results.json again."
    )
    parser.add_argument(
        "--counting-only",
        action="store_true",
        help="Only cached pages with readership counting on and off.",
    )
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="Only search's growth, the smallest and largest size in turns.",
    )
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe()
        return
    if args.report:
        results = json.loads((BENCH_DIR / "results.json").read_text())
        results["growth"] = growth(results["rows"], results["settings"]["sizes"])
        print_report(results)
        return
    sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    if not sizes or not 1 <= args.seconds <= 120 or not 100 <= args.posts <= 20_000:
        sys.exit("Sizes: numbers, seconds: 1-120, posts: 100-20,000.")
    load = Wrk() if find_wrk() else PythonLoad()
    started = time.monotonic()
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": machine(load),
        "settings": {
            "sizes": sizes,
            "seconds": args.seconds,
            "connections": CONNECTIONS,
            "workers": WORKERS,
            "posts": args.posts,
            "seed": SEED,
        },
        "rows": [],
        "post": [],
        "memory": [],
        "counting": [],
        "mixed": [],
        "pages": {},
    }
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    for n, size in enumerate(sizes):
        env = prepare(size, args.fresh, collect_static=n == 0)
        if not args.search_only:
            bench_size(size, env, load, args, results)
    results["growth"] = growth(results["rows"], sizes)
    if len(sizes) > 1 and not args.counting_only:
        results["search_growth"] = search_growth(sizes, load, args.seconds)
    results["elapsed_seconds"] = round(time.monotonic() - started, 1)
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print_report(results)
    print(f"\nResults: {BENCH_DIR / 'results.json'}")


# The data


def generator_version() -> int:
    """GENERATOR_VERSION from the command's source (no Django needed)."""
    for node in ast.parse(GENERATOR.read_text()).body:
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == "GENERATOR_VERSION"
            for target in node.targets
        ):
            return node.value.value
    raise RuntimeError(f"No GENERATOR_VERSION in {GENERATOR}")


def environment(size: int, **overrides) -> dict:
    folder = BENCH_DIR / str(size)
    return bench_environment(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(BENCH_DIR / "static"),
        NOTIFICATIONS_INLINE="false",
        SEARCH_RATE_LIMIT="0",  # the load comes from one address
        **overrides,
    )


def manage(env: dict, *args: str, quiet: bool = True, timeout: int = 3600) -> str:
    return python(env, "manage.py", *args, quiet=quiet, timeout=timeout)


def python(env: dict, *args: str, quiet: bool = True, timeout: int = 3600) -> str:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr}")
    if not quiet:
        print(result.stdout.rstrip())
    return result.stdout


def prepare(size: int, fresh: bool, collect_static: bool) -> dict:
    """The size's database: reused when its size and generator version match."""
    folder = BENCH_DIR / str(size)
    stamp = folder / "bench-data.json"
    wanted = {"articles": size, "seed": SEED, "generator_version": generator_version()}
    env = environment(size)
    try:
        made = json.loads(stamp.read_text())
        age = (date.today() - date.fromisoformat(made.pop("generated_on"))).days
    except (OSError, ValueError, KeyError):
        made, age = None, 0
    if fresh or made != wanted or age > REGENERATE_AFTER_DAYS:
        print(f"\n[{size}] generating {size} articles in {folder} ...", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        manage(env, "migrate", "--noinput")
        python(
            env,
            "-m",
            "bench.generate_data",
            "--articles",
            str(size),
            "--seed",
            str(SEED),
            quiet=False,
        )
        stamp.write_text(
            json.dumps(wanted | {"generated_on": date.today().isoformat()})
        )
    else:
        print(f"\n[{size}] reusing {folder} (delete it or pass --fresh to regenerate)")
        manage(env, "migrate", "--noinput")  # a migration added since (an index?)
    if collect_static:
        manage(env, "collectstatic", "--noinput")
    manage(
        env,
        "shell",
        "-c",
        "from datetime import time\n"
        "from clinic.models import Location\n"
        "for n, city in enumerate(['Cambridge', 'Somerville', 'Medford']):\n"
        "    location, created = Location.objects.get_or_create(name=city,"
        " defaults=dict(position=n, slug=city.lower(),"
        " street_address=f'{n + 1} Main Street', city=city, region='MA',"
        " postal_code='02139', phone='(617) 555-0110'))\n"
        "    for day in range(5 if created else 0):\n"
        "        location.opening_hours.create(weekday=day, opens=time(8),"
        " closes=time(17))\n"
        "from django.utils import timezone\n"
        "from pages.models import Page\n"
        "Page.objects.get_or_create(slug='about', defaults=dict(title='About the"
        " clinic', summary='Who we are and how we care for bones and joints.',"
        " body='<h2>Our practice</h2>' + '<p>Our physicians and therapists see"
        " patients at every stage, from a first twinge to recovery.</p>' * 12,"
        " status=Page.Status.PUBLISHED, published_at=timezone.now()))",
    )
    return env


# One size


def bench_size(size: int, env: dict, load, args, results: dict) -> None:
    modes = {"uncached": {"PAGE_CACHE_SECONDS": "0"}, "cached": {}}
    probes = {}
    for mode, overrides in modes.items():
        probes[mode] = run_probe(environment(size, **overrides))
    pages = {
        name: info["paths"]
        for name, info in probes["uncached"].items()
        if name in PAGES
    }
    results["pages"][str(size)] = pages
    print(f"[{size}] counting on and off: {', '.join(COUNTED_PAGES)}", flush=True)
    results["counting"] += counting(size, pages, load, args.seconds)
    if args.counting_only:
        return
    for mode, overrides in modes.items():
        print(f"[{size}] {mode}: {', '.join(PAGES)}", flush=True)
        with Gunicorn(
            environment(size, **overrides), WORKERS, app="bench.wsgi"
        ) as server:
            for page in PAGES:
                measured = load.run(server.port, pages[page], args.seconds)
                results["rows"].append(
                    {"page": page, "mode": mode, "size": size}
                    | measured
                    | {
                        "queries": probes[mode][page]["repeat"],
                        "first_visit_queries": probes[mode][page]["first"],
                    }
                )
    kept = LISTS_AND_ARTICLE + CLINIC_PAGES
    print(f"[{size}] through Varnish: {', '.join(kept)}", flush=True)
    if reason := varnish.missing():
        print(f"  skipped: {reason}")
    else:
        measured = proxy.through_varnish(
            environment(size),
            {page: pages[page] for page in kept},
            load,
            args.seconds,
        )
        for page, row in measured.items():
            results["rows"].append(
                {"page": page, "mode": "varnish", "size": size}
                | row
                | {
                    "queries": probes["cached"][page]["repeat"],
                    "first_visit_queries": probes["cached"][page]["first"],
                }
            )
    trivial = {
        row["mode"]: row["rps"]
        for row in results["rows"]
        if row["size"] == size and row["page"] == "trivial"
    }
    trivial["varnish"] = trivial["cached"]  # gunicorn's, without Varnish
    for row in results["rows"]:
        if row["size"] == size:
            row["ratio"] = (
                row["rps"] / trivial[row["mode"]] if trivial[row["mode"]] else 0
            )
            target = TARGETS[row["mode"]].get(row["page"])
            row["target"] = target
            row["met"] = (
                None
                if target is None
                else bool(row["ratio"] >= target and not row["errors"])
            )
    print(f"[{size}] mixed load through Varnish: hit ratios", flush=True)
    results["mixed"] += proxy.mixed_load(
        size,
        lambda **overrides: environment(size, **overrides),
        BENCH_DIR / str(size) / "db.sqlite3",
    )
    print(f"[{size}] appointment form posts", flush=True)
    post = post_benchmark(size, args.posts)
    post |= {"queries": probes["uncached"]["post"]["repeat"]}
    results["post"].append(post)
    print(f"[{size}] worker memory", flush=True)
    mix = [path for page in PAGES[1:] for path in pages[page][:3]]
    results["memory"].append({"size": size} | memory_check(size, mix))


def counting(size: int, pages: dict, load, seconds: float) -> list[dict]:
    """Cached pages' requests/s with readership counting on and off, in turns."""
    # Every view counts (one client address here, many in real life).
    batches = {"READERSHIP_BATCH_SECONDS": "10", "READERSHIP_REPEAT_SECONDS": "0"}
    servers = {
        "on": environment(size, **batches),
        "off": environment(size, **batches, READERSHIP_COUNTING="false"),
    }
    written = views_in_database(size)
    found = []
    with (
        Gunicorn(servers["on"], WORKERS, app="bench.wsgi") as on,
        Gunicorn(servers["off"], WORKERS, app="bench.wsgi") as off,
    ):
        every_path = [path for page in COUNTED_PAGES for path in pages[page]]
        # Each worker's first requests take seconds: not in any measurement.
        run_threads(
            lambda port: [fetch(port, "GET", path) for path in every_path],
            [server.port for server in (on, off) for _ in range(CONNECTIONS)],
        )
        for page in COUNTED_PAGES:
            for server in (on, off):
                load.measure(server.port, pages[page], WARM_SECONDS)
            wall = {"on": [], "off": []}  # requests per second
            cpu = {"on": [], "off": []}  # requests per CPU-second of the workers
            for turn in range(COUNTING_TURNS):
                order = (("on", on), ("off", off))
                for name, server in order[:: 1 if turn % 2 else -1]:  # either first
                    before = workers_cpu_seconds(server)
                    measured = load.measure(
                        server.port, pages[page], seconds / COUNTING_TURNS
                    )
                    spent = workers_cpu_seconds(server) - before
                    wall[name].append(measured["rps"])
                    cpu[name].append(measured["requests"] / spent if spent else 0.0)
            found.append(
                {
                    "size": size,
                    "page": page,
                    "counted_rps": statistics.mean(wall["on"]),
                    "uncounted_rps": statistics.mean(wall["off"]),
                    "ratio": paired_ratio(wall),
                    "counted_per_cpu_second": statistics.mean(cpu["on"]),
                    "uncounted_per_cpu_second": statistics.mean(cpu["off"]),
                    "cpu_ratio": paired_ratio(cpu),
                    "target": COUNTING_TARGET,
                }
            )
            found[-1]["met"] = bool(found[-1]["cpu_ratio"] >= COUNTING_TARGET)
    # The last window of each worker dies with it (local memory): not written.
    for row in found:
        row["views_written"] = views_in_database(size) - written
    return found


def paired_ratio(turns: dict) -> float:
    """The median of each "on" turn over the "off" turn beside it: the
    machine's other load changes between pairs far more than within one."""
    return statistics.median(
        on / off if off else 0.0
        for on, off in zip(turns["on"], turns["off"], strict=True)
    )


def search_growth(sizes: list[int], load, seconds: float) -> list[dict]:
    """Uncached search and the trivial view at the smallest and largest size, two
    servers side by side, measured in turns (small, large, large, small ...):
    growth is the median over the turns of large p50 / small p50 beside it, so
    the machine's other work, which drifts between the two sizes' runs above,
    weighs on both sides of each ratio alike."""
    small, large = sizes[0], sizes[-1]
    paths = {
        size: run_probe(environment(size, PAGE_CACHE_SECONDS="0")) for size in sizes
    }
    found = []
    with (
        Gunicorn(
            environment(small, PAGE_CACHE_SECONDS="0"), WORKERS, app="bench.wsgi"
        ) as small_server,
        Gunicorn(
            environment(large, PAGE_CACHE_SECONDS="0"), WORKERS, app="bench.wsgi"
        ) as large_server,
    ):
        servers = ((small, small_server), (large, large_server))
        for page in ("trivial", *SEARCHES):
            print(f"[{small} and {large}] {page} in turns", flush=True)
            for size, server in servers:
                load.measure(server.port, paths[size][page]["paths"], WARM_SECONDS)
            turns = {small: [], large: []}
            for turn in range(GROWTH_TURNS):
                for size, server in servers[:: 1 if turn % 2 else -1]:
                    turns[size].append(
                        load.measure(
                            server.port,
                            paths[size][page]["paths"],
                            seconds / GROWTH_TURNS,
                        )
                    )
            found.append(
                {"page": page, "from": small, "to": large}
                | {
                    f"{key}_{name}": statistics.median(t[key] for t in turns[size])
                    for size, name in ((small, "small"), (large, "large"))
                    for key in ("rps", "p50_ms")
                }
                | {
                    "errors": sum(t["errors"] for size in sizes for t in turns[size]),
                    "growth": statistics.median(
                        b["p50_ms"] / a["p50_ms"] if a["p50_ms"] else 0.0
                        for a, b in zip(turns[small], turns[large], strict=True)
                    ),
                }
            )
    trivial = found[0]
    for row in found[1:]:
        for name in ("small", "large"):
            row[f"ratio_{name}"] = row[f"rps_{name}"] / trivial[f"rps_{name}"]
        row["met"] = bool(
            row["growth"] <= GROWTH_TARGET
            and row["ratio_large"] >= TARGETS["uncached"][row["page"]]
            and not row["errors"]
        )
    return found


def workers_cpu_seconds(server) -> float:
    """CPU time the server's workers have used so far (user and system)."""
    ticks = 0
    for pid in server.worker_pids():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def views_in_database(size: int) -> int:
    """Page views the readership counts have written to this size's database."""
    with sqlite3.connect(BENCH_DIR / str(size) / "db.sqlite3") as database:
        (total,) = database.execute(
            "SELECT COALESCE(SUM(views), 0) FROM readership_pageviews"
        ).fetchone()
    return total


def run_probe(env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--probe"],
        cwd=BASE_DIR,
        env=env
        | {"APPOINTMENT_MIN_FILL_SECONDS": "0", "APPOINTMENT_RATE_LIMIT_OFF": "true"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode:
        sys.exit(f"The probe failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def probe() -> None:
    """(In a subprocess, with the bench environment.) Addresses and query counts.

    Each page is requested twice with an empty cache to start with: the first
    visit's queries, and the next visit's (what every request costs without the
    page cache; what a cached page costs with it).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
    import django
    from django.conf import settings

    settings.ROOT_URLCONF = "bench.urls"
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.query_plans import pick_pages

    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for name, paths in pick_pages().items():
        cache.clear()
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(paths[0])
            if response.status_code != 200:
                raise SystemExit(f"{paths[0]} answered {response.status_code}")
            counts.append(len(queries))
        if name.startswith("search") and b'class="card"' not in response.content:
            raise SystemExit(f"{paths[0]} found nothing")
        found[name] = {"paths": paths, "first": counts[0], "repeat": counts[1]}
    counts = []
    for _ in range(2):
        form = client.get("/appointments/request/").content.decode()
        data = form_data(form, 0)
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/appointments/request/", data)
        if response.status_code != 302:
            raise SystemExit(f"The appointment form answered {response.status_code}")
        counts.append(len(queries))
    found["post"] = {
        "paths": ["/appointments/request/"],
        "first": counts[0],
        "repeat": counts[1],
    }
    print(json.dumps(found))


# Load


def find_wrk() -> str | None:
    """wrk, installed with apt-get (as root) if it is missing; None if it cannot be."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (apt-get install wrk) ...", flush=True)
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        for command in (
            ["apt-get", "install", "-y", "-qq", "wrk"],
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "wrk"],
        ):
            try:
                done = subprocess.run(
                    command, env=env, capture_output=True, timeout=300
                )
            except subprocess.TimeoutExpired:
                break
            if command[1] == "install" and done.returncode == 0:
                break
    if not shutil.which("wrk"):
        print("wrk is not available: using the Python load generator instead.")
    return shutil.which("wrk")


class Wrk:
    name = "wrk"

    def run(self, port: int, paths: list[str], seconds: float) -> dict:
        """Warm up, then load `paths` (in turn) for `seconds`."""
        self.measure(port, paths, WARM_SECONDS)
        return self.measure(port, paths, seconds)

    def measure(self, port: int, paths: list[str], seconds: float) -> dict:
        threads = max(1, min(2, os.cpu_count() or 1))
        script = LUA % {
            "paths": ", ".join(json.dumps(path) for path in paths),
        }
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
            lua.write(script)
            lua.flush()
            output = subprocess.run(
                [
                    "wrk",
                    f"-t{threads}",
                    f"-c{CONNECTIONS}",
                    f"-d{max(1, round(seconds))}s",  # whole seconds: "1.6s" fails
                    "--timeout",
                    "30s",
                    *[
                        argument
                        for name, value in BROWSER_HEADERS.items()
                        for argument in ("-H", f"{name}: {value}")
                    ],
                    "-s",
                    lua.name,
                    f"http://127.0.0.1:{port}{paths[0]}",
                ],
                capture_output=True,
                text=True,
                timeout=seconds + 60,
                check=True,
            ).stdout
        line = next(line for line in output.splitlines() if line.startswith("WRK-JSON"))
        raw = json.loads(line.removeprefix("WRK-JSON"))
        return {
            "requests": raw["requests"],
            "rps": raw["requests"] / (raw["duration_us"] / 1e6),
            "p50_ms": raw["p50_us"] / 1000,
            "p99_ms": raw["p99_us"] / 1000,
            "errors": raw["status_errors"] + raw["socket_errors"],
        }


class PythonLoad:
    """CONNECTIONS threads, one request at a time each: the fallback for wrk, and
    the exact counts of the memory check. Bounded in time and in requests."""

    name = "python"

    def run(self, port: int, paths: list[str], seconds: float) -> dict:
        self.load(port, paths, WARM_SECONDS)
        return self.load(port, paths, seconds)

    def measure(self, port: int, paths: list[str], seconds: float) -> dict:
        return self.load(port, paths, seconds)

    def load(self, port, paths, seconds, limit=0) -> dict:
        latencies, errors, lock = [], [0], threading.Lock()
        deadline = time.monotonic() + seconds
        budget = iter(range(limit or 10**9))

        def worker(offset):
            n = offset
            while time.monotonic() < deadline:
                with lock:
                    if next(budget, None) is None:
                        return
                path = paths[n % len(paths)]
                n += 1
                began = time.perf_counter()
                status = fetch(port, "GET", path, headers=BROWSER_HEADERS)[0]
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    errors[0] += status >= 400

        began = time.monotonic()
        threads = [
            threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return summarise(latencies, time.monotonic() - began, errors[0])


def fetch(port, method, path, body=None, headers=None):
    """One request on its own connection: (status, headers, body); 0 if it broke."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    except (OSError, http.client.HTTPException):
        return 0, [], b""
    finally:
        connection.close()


def summarise(latencies: list[float], elapsed: float, errors: int) -> dict:
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "errors": errors,
    }


# The appointment form


def form_data(page: str, n: int) -> dict:
    def field(name):
        return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)

    return {
        "csrfmiddlewaretoken": field("csrfmiddlewaretoken"),
        "form_token": field("form_token"),
        "full_name": f"Bench Visitor {n}",
        "phone": "(617) 555-0123",
        "email": "",
        "contact_method": "phone",
        "patient_type": "new",
        "location": re.search(r'<option value="(\d+)"', page).group(1),
        "preferred_time": "any",
        "reason": "Knee pain when climbing stairs.",
        "consent": "on",
        "website": "",
    }


def post_benchmark(size: int, count: int) -> dict:
    """Fetch `count` forms, then post them all from CONNECTIONS threads."""
    env = environment(
        size, APPOINTMENT_RATE_LIMIT_OFF="true", APPOINTMENT_MIN_FILL_SECONDS="0"
    )
    with Gunicorn(env, WORKERS, app="bench.wsgi") as server:
        forms, lock = [], threading.Lock()

        def fetch_forms(share):
            for _ in range(share):
                status, headers, body = fetch(
                    server.port, "GET", "/appointments/request/"
                )
                cookie = next(
                    (
                        v.split(";")[0]
                        for k, v in headers
                        if k.lower() == "set-cookie" and v.startswith("csrftoken")
                    ),
                    "",
                )
                if status == 200 and cookie:
                    with lock:
                        forms.append((cookie, form_data(body.decode(), len(forms))))

        run_threads(
            fetch_forms,
            [
                count // CONNECTIONS + (n < count % CONNECTIONS)
                for n in range(CONNECTIONS)
            ],
        )
        latencies, statuses = [], []
        queue = iter(forms)

        def post(_):
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                cookie, data = item
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "Referer": f"http://127.0.0.1:{server.port}/appointments/request/",
                }
                began = time.perf_counter()
                status = fetch(
                    server.port,
                    "POST",
                    "/appointments/request/",
                    urllib.parse.urlencode(data),
                    headers,
                )[0]
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    statuses.append(status)

        began = time.monotonic()
        run_threads(post, range(CONNECTIONS))
        elapsed = time.monotonic() - began
    result = summarise(latencies, elapsed, sum(status != 302 for status in statuses))
    result["errors"] += count - len(forms)  # forms that could not even be fetched
    return {
        "size": size,
        "target": POST_TARGET,
        "met": bool(result["rps"] >= POST_TARGET and not result["errors"]),
    } | result


def run_threads(target, arguments) -> None:
    threads = [threading.Thread(target=target, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# Worker memory


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))


def memory_check(size: int, paths: list[str]) -> dict:
    """RSS of each worker after 100, 1,000, 5,000 and 10,000 requests of the mix."""
    client = PythonLoad()
    done, rss = 0, {}
    with Gunicorn(
        environment(size, PAGE_CACHE_SECONDS="0"), WORKERS, app="bench.wsgi"
    ) as server:
        began = time.monotonic()
        for step in MEMORY_STEPS:
            remaining = MEMORY_SECONDS - (time.monotonic() - began)
            if remaining <= 0:
                break
            done += client.load(server.port, paths, remaining, step - done)["requests"]
            rss[done] = {pid: rss_kib(pid) for pid in server.worker_pids()}
    first, last = rss[min(rss)], rss[max(rss)]
    same = set(first) == set(last)
    ratio = max(last[pid] / first[pid] for pid in first) if same else None
    return {
        "requests": done,
        "rss_kib": {str(n): list(by_pid.values()) for n, by_pid in rss.items()},
        "ratio": ratio,
        "target": MEMORY_TARGET,
        "met": bool(same and ratio <= MEMORY_TARGET and done >= MEMORY_STEPS[-1]),
    }


# The report


def growth(rows: list[dict], sizes: list[int]) -> list[dict]:
    if len(sizes) < 2:
        return []
    p50 = {(r["page"], r["mode"], r["size"]): r["p50_ms"] for r in rows}
    found = []
    for mode in ("uncached", "cached"):
        for page in PAGES:
            if (page, mode, sizes[0]) not in p50:  # a --counting-only run
                continue
            small, large = p50[page, mode, sizes[0]], p50[page, mode, sizes[-1]]
            ratio = large / small if small else None
            # The same, with each p50 taken relative to the trivial view's in the
            # same server: what is left once the machine's load drifts in between.
            trivial = p50["trivial", mode, sizes[-1]] / p50["trivial", mode, sizes[0]]
            found.append(
                {
                    "page": page,
                    "mode": mode,
                    "from": sizes[0],
                    "to": sizes[-1],
                    "p50_ms_small": small,
                    "p50_ms_large": large,
                    "growth": ratio,
                    "growth_vs_trivial": ratio / trivial if ratio else None,
                    "target": GROWTH_TARGET,
                    "met": bool(ratio is not None and ratio <= GROWTH_TARGET),
                }
            )
    return found


def machine(load) -> dict:
    wrk = shutil.which("wrk")
    version = ""
    if wrk:
        version = subprocess.run(
            [wrk, "--version"], capture_output=True, text=True
        ).stdout.splitlines()[0:1]
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load_generator": load.name,
        # Other work on the machine (tests, browsers) skews every number.
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "wrk": version[0] if version else None,
    }


def verdict(met) -> str:
    return "" if met is None else ("met" if met else "NOT MET")


def print_report(results: dict) -> None:
    info = results["machine"]
    settings = results["settings"]
    print(
        f"\nclinic_site benchmark: {info['cpus']} CPUs, Python {info['python']}, "
        f"SQLite {info['sqlite']}, load by {info['load_generator']}, "
        f"{settings['connections']} connections, {settings['workers']} sync workers, "
        f"{settings['seconds']:g} s per measurement; load average before the run "
        f"{info['load_average_before'][0]:.2f} (busy machines give noisy numbers)"
    )
    header = (
        f"{'page':<14} {'mode':<9} {'size':>7} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'queries':>7} {'x trivial':>9} {'errors':>6}  target"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for row in results["rows"]:
        target = f">= {row['target']:.0%} of trivial" if row["target"] else "baseline"
        print(
            f"{row['page']:<14} {row['mode']:<9} {row['size']:>7} {row['rps']:>8.0f} "
            f"{row['p50_ms']:>8.1f} {row['p99_ms']:>8.1f} {row['queries']:>7} "
            f"{row['ratio']:>9.2f} {row['errors']:>6}  {target} {verdict(row['met'])}"
        )
    for post in results["post"]:
        print(
            f"{'form POST':<14} {'-':<9} {post['size']:>7} {post['rps']:>8.0f} "
            f"{post['p50_ms']:>8.1f} {post['p99_ms']:>8.1f} {post['queries']:>7} "
            f"{'':>9} {post['errors']:>6}  >= {POST_TARGET} req/s, no error "
            f"{verdict(post['met'])}"
        )
    if results["growth"]:
        print(
            f"\n{'page':<14} {'mode':<9} {'p50 small':>10} {'p50 large':>10} "
            f"{'growth':>7} {'/trivial':>8}  target"
        )
        for row in results["growth"]:
            print(
                f"{row['page']:<14} {row['mode']:<9} {row['p50_ms_small']:>10.1f} "
                f"{row['p50_ms_large']:>10.1f} {row['growth']:>7.2f} "
                f"{row['growth_vs_trivial']:>8.2f}  "
                f"<= {GROWTH_TARGET}x ({row['from']} -> {row['to']} articles) "
                f"{verdict(row['met'])}"
            )
    if results.get("search_growth"):
        print(
            "\nSearch uncached, the two sizes side by side in turns "
            "(medians over the turns)\n"
            f"{'page':<14} {'size':>7} {'req/s':>8} {'p50 ms':>8} {'x trivial':>9} "
            f"{'growth':>7}  target"
        )
        for row in results["search_growth"]:
            for name in ("small", "large"):
                size = row["from"] if name == "small" else row["to"]
                ratio = row.get(f"ratio_{name}")
                print(
                    f"{row['page']:<14} {size:>7} {row[f'rps_{name}']:>8.0f} "
                    f"{row[f'p50_ms_{name}']:>8.1f} "
                    + (f"{ratio:>9.3f}" if ratio else f"{'1.000':>9}")
                    + (f" {row['growth']:>7.2f}" if name == "large" else f" {'':>7}")
                    + (
                        f"  <= {GROWTH_TARGET}x, >= "
                        f"{TARGETS['uncached'][row['page']]:.0%} of trivial "
                        f"{verdict(row['met'])}"
                        if name == "large" and "met" in row
                        else ""
                    )
                )
    if results.get("counting"):
        print(
            "\nReadership counting, cached pages: counted / uncounted, in requests "
            "per second and per CPU-second of the workers\n"
            f"{'page':<14} {'size':>7} {'req/s on':>9} {'off':>6} {'ratio':>6} "
            f"{'req/cpu-s on':>13} {'off':>6} {'ratio':>6}  target"
        )
        for row in results["counting"]:
            print(
                f"{row['page']:<14} {row['size']:>7} {row['counted_rps']:>9.0f} "
                f"{row['uncounted_rps']:>6.0f} {row['ratio']:>6.2f} "
                f"{row['counted_per_cpu_second']:>13.0f} "
                f"{row['uncounted_per_cpu_second']:>6.0f} {row['cpu_ratio']:>6.2f}  "
                f"per CPU-second >= {row['target']:.0%} {verdict(row['met'])}"
            )
        written = {row["size"]: row["views_written"] for row in results["counting"]}
        for size, views in written.items():
            print(
                f"{size} articles: {views} views counted and written to the database "
                "while the cached pages were measured"
            )
    if results.get("mixed"):
        print(
            f"\nMixed load through Varnish: readers at {proxy.MIXED_RATE} req/s over "
            f"the newest {proxy.MIXED_ARTICLES} articles and the lists for "
            f"{proxy.MIXED_SECONDS} s, an editor saving one of those articles every "
            f"{proxy.EDIT_EVERY} s\n"
            f"{'invalidation':<12} {'size':>7} {'hit ratio':>9} {'hits':>6} "
            f"{'misses':>6} {'edits':>5} {'errors':>6}"
        )
        for row in results["mixed"]:
            print(
                f"{row['invalidation']:<12} {row['size']:>7} {row['hit_ratio']:>9.1%} "
                f"{row['hits']:>6} {row['misses']:>6} {row['edits']:>5} "
                f"{row['errors'] + row['edit_errors']:>6}"
            )
    print()
    for memory in results["memory"]:
        steps = "; ".join(
            f"{n}: " + ", ".join(f"{kib / 1024:.1f}" for kib in values)
            for n, values in memory["rss_kib"].items()
        )
        ratio = f"{memory['ratio']:.2f}" if memory["ratio"] else "n/a (restarted)"
        print(
            f"worker RSS (MiB) after N requests, {memory['size']} articles: {steps}; "
            f"last / first x{ratio} (<= {MEMORY_TARGET}x) {verdict(memory['met'])}"
        )


if __name__ == "__main__":
    main()
