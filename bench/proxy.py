"""The bench's rows for Varnish in front of the site (bench/run.py).

- through Varnish: the cached pages measured through Varnish with our
  configuration (deploy/varnish/default.vcl), as a ratio to the trivial view
  served by gunicorn directly (target: 5 times);
- mixed load: readers at a steady MIXED_RATE requests/s spread over the newest
  MIXED_ARTICLES articles and the list pages, while an editor saves one of those
  articles every EDIT_EVERY seconds of the schedule; Varnish's hit ratio with
  whole-site invalidation (every save purges every page, as the page cache did
  before surrogate keys) and with key purging. Both runs read the same pages in
  the same order, and save the same articles at the same points of it, however
  long the server takes to keep up. The page cache is shared through Redis on
  127.0.0.1:6379 (skipped when it does not answer), under a key prefix of the
  run's own, removed at the end.

Everything on 127.0.0.1, bounded in time or in requests, every process stopped at
the end.
"""

import http.client
import os
import random
import socket
import sqlite3
import threading
import time

import redis

from bench.serve import Gunicorn, free_port
from clinic_site.tests import varnish

MIXED_ARTICLES = 500
MIXED_RATE = 200  # reader requests per second
MIXED_SECONDS = 30
EDIT_EVERY = 3  # seconds
READERS = 8
REDIS = ("127.0.0.1", 6379)


def through_varnish(env: dict, pages: dict, load, seconds: float) -> dict:
    """Each page's measurement through Varnish (load.run: warmed first)."""
    with (
        Gunicorn(env, 2, app="bench.wsgi") as server,
        varnish.varnish_in_front_of(server.port, listen=free_port()) as proxy,
    ):
        port = int(proxy.address.rsplit(":", 1)[1])
        return {page: load.run(port, paths, seconds) for page, paths in pages.items()}


def mixed_load(size: int, env_for, database) -> list[dict]:
    """The hit ratio with whole-site invalidation and with key purging."""
    if reason := varnish.missing() or _redis_missing():
        print(f"  skipped: {reason}")
        return []
    paths, article_ids = _reading_list(database)
    found = []
    for invalidation in ("whole site", "keys"):
        prefix = f"bench-{os.getpid()}-{invalidation.replace(' ', '-')}"
        listen = free_port()
        env = env_for(
            REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/0",
            CACHE_KEY_PREFIX=prefix,
            CACHE_PURGE_URL=f"http://127.0.0.1:{listen}/",
        )
        try:
            with (
                Gunicorn(env, 2, app="bench.wsgi") as server,
                varnish.varnish_in_front_of(server.port, listen=listen) as proxy,
            ):
                found.append(
                    {"size": size, "invalidation": invalidation}
                    | _run_mixed(
                        server.port,
                        listen,
                        proxy,
                        paths,
                        article_ids,
                        whole_site=invalidation == "whole site",
                    )
                )
        finally:
            _forget(prefix)
    return found


def _reading_list(database) -> tuple[list[str], list[int]]:
    """What readers read (list pages a tenth of the time), and the articles the
    editor saves: the newest public ones."""
    with sqlite3.connect(database) as db:
        articles = db.execute(
            "SELECT id, slug FROM blog_article WHERE status = 'published'"
            " AND published_at <= datetime('now') ORDER BY published_at DESC LIMIT ?",
            (MIXED_ARTICLES,),
        ).fetchall()
        categories = [row[0] for row in db.execute("SELECT slug FROM blog_category")]
        tags = [
            row[0]
            for row in db.execute(
                "SELECT tag.slug FROM taggit_tag tag JOIN blog_taggedarticle link"
                " ON link.tag_id = tag.id GROUP BY tag.id ORDER BY COUNT(*) DESC"
                " LIMIT 20"
            )
        ]
    lists = ["/", "/blog/", "/blog/?page=2", "/blog/tag/"]
    lists += [f"/blog/category/{slug}/" for slug in categories]
    lists += [f"/blog/tag/{slug}/" for slug in tags]
    rng = random.Random(1)
    paths = [
        rng.choice(lists) if rng.random() < 0.1 else f"/blog/{rng.choice(articles)[1]}/"
        for _ in range(MIXED_RATE * MIXED_SECONDS)
    ]
    return paths, [pk for pk, _ in articles]


def _run_mixed(server_port, proxy_port, proxy, paths, article_ids, whole_site):
    for path in dict.fromkeys(paths):  # every page kept once, before measuring
        _get(proxy_port, path)
    before = proxy.counters()
    rng = random.Random(2)
    every = MIXED_RATE * EDIT_EVERY
    saves = {n: rng.choice(article_ids) for n in range(every, len(paths), every)}
    query = "?whole_site=1" if whole_site else ""
    edits = []
    started = time.monotonic()
    errors = [0]

    def reader(offset):
        for n in range(offset, len(paths), READERS):
            wait = started + n / MIXED_RATE - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            if n in saves:  # the editor, at this point of the schedule
                path = f"/bench/save-article/{saves[n]}/{query}"
                edits.append(_post(server_port, path))
            errors[0] += _get(proxy_port, paths[n]) != 200

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    after = proxy.counters()
    hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
    misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
    return {
        "requests": len(paths),
        "seconds": round(time.monotonic() - started, 1),
        "edits": len(edits),
        "edit_errors": sum(status != 200 for status in edits),
        "hits": hits,
        "misses": misses,
        "hit_ratio": hits / (hits + misses) if hits + misses else 0.0,
        "errors": errors[0],
    }


def _get(port, path) -> int:
    return _request(port, "GET", path)


def _post(port, path) -> int:
    return _request(port, "POST", path)


def _request(port, method, path) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def _redis_missing() -> str | None:
    try:
        socket.create_connection(REDIS, timeout=2).close()
    except OSError:
        return "Redis does not answer on 127.0.0.1:6379"
    return None


def _forget(prefix: str) -> None:
    """Remove the run's keys from Redis (the versions are kept without expiry)."""
    client = redis.Redis(*REDIS)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)
