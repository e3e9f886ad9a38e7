"""Views counted in the shared cache, written to the database in batches.

Each web process adds up its views in memory for READERSHIP_PUSH_SECONDS (one
second), then adds them to counters in the `readership` cache (Redis, shared by
every server, one INCRBY per page and source; else this process's memory), in the
batch window of the moment: READERSHIP_BATCH_SECONDS, 60 by default. The first view
of a page in a window also notes the counter in the window's list, so the writer
finds it without scanning the cache. A window is written once it has closed, plus
GRACE_SECONDS for requests still under way, by the notification worker, by
`manage.py flush_readership`, or (READERSHIP_FLUSH_INLINE, the default without
Redis) by the web process itself, once a window.

The database remembers, per cache, the last window written, in the same transaction
as its counts: running the writer twice, or two writers at once, never counts a view
twice, and a writer killed halfway writes nothing, so the next one writes it all.
What can be lost: with Redis, the views a dying web process had not pushed yet (its
last second of views); counters wait in Redis for KEEP_UNWRITTEN, so a dying writer
loses nothing. With local memory, a dying process takes the counts of the window
under way (at most READERSHIP_BATCH_SECONDS + GRACE_SECONDS of its views).
"""

import hashlib
import logging
import time
import uuid
from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models import Max, Sum
from django.db.models.functions import TruncMonth
from django.urls import Resolver404, resolve
from django.utils import timezone

from blog.models import Article
from readership.models import Batches, PageViews

logger = logging.getLogger(__name__)

PREFIX = "readership"
GRACE_SECONDS = 5
KEEP_UNWRITTEN = 7 * 24 * 60 * 60  # a worker down over a long weekend loses nothing
CHUNK = 500  # cache keys read at once
FIRST_WINDOW = f"{PREFIX}:first-window"  # the first window this cache ever counted


def _chunks(items, size=CHUNK):
    items = list(items)
    return [items[start : start + size] for start in range(0, len(items), size)]


def window_of(moment: float) -> int:
    return int(moment // settings.READERSHIP_BATCH_SECONDS)


_today = (date.min, 0.0)  # the clinic's date, and the moment it ends


def today() -> date:
    """The clinic's date, worked out once a day rather than once a view."""
    global _today
    day, ends = _today
    if time.time() >= ends:
        now = timezone.localtime()
        tomorrow = (now + timedelta(days=1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        day, ends = now.date(), tomorrow.timestamp()
        _today = (day, ends)
    return day


def entry(day: date, path: str, source: str, came_from: str) -> tuple:
    """What one view is counted under: day, page, kind of source, referring page."""
    return (day.isoformat(), path, source, came_from)


def add(counts: Counter, *, cache=None) -> None:
    """Add views (entry -> how many) to the counters of the window under way."""
    cache = cache or caches["readership"]
    window = window_of(time.time())
    for counted, views in counts.items():
        # NUL separates safely: an address holding one is refused before any view.
        key = "\0".join(counted).encode()
        digest = hashlib.blake2b(key, digest_size=12).hexdigest()
        counter = f"{PREFIX}:{window}:n:{digest}"
        if _increment(cache, counter, views) == views:  # this call made it
            slot = _increment(cache, f"{PREFIX}:{window}:slots")
            cache.set(
                f"{PREFIX}:{window}:slot:{slot}", (counted, counter), KEEP_UNWRITTEN
            )
            if slot == 1:  # once a window: the writer starts looking here
                cache.add(FIRST_WINDOW, window, timeout=None)


def _increment(cache, key: str, delta: int = 1) -> int:
    """Add to a counter, made if missing; the new value (`delta`: made by this call)."""
    if isinstance(cache, RedisCache):
        # One round trip that also says who came first: Django's incr() asks whether
        # the key exists before adding, and refuses a missing one.
        name = cache.make_and_validate_key(key)
        client = cache._cache.get_client(name, write=True)
        value = client.incr(name, delta)
        if value == delta:
            client.expire(name, KEEP_UNWRITTEN)
        return value
    try:
        return cache.incr(key, delta)
    except ValueError:
        if cache.add(key, delta, KEEP_UNWRITTEN):
            return delta
        return cache.incr(key, delta)


def _cache_id(cache) -> str | None:
    """Who holds these counters: the same for every server sharing a Redis, and
    different for each process keeping them in its own memory."""
    key = f"{PREFIX}:cache-id"
    cache.add(key, uuid.uuid4().hex, timeout=None)
    return cache.get(key)


def flush(*, cache=None, now: float | None = None) -> int:
    """Write the counts of every closed window to the database; how many views."""
    cache = cache or caches["readership"]
    last_closed = window_of((now or time.time()) - GRACE_SECONDS) - 1
    cache_id = _cache_id(cache)
    if cache_id is None:
        return 0  # the cache is down: the counts it holds wait there
    if Batches.objects.filter(
        cache_id=cache_id, written_through__gte=last_closed
    ).exists():
        return 0
    oldest = last_closed - KEEP_UNWRITTEN // settings.READERSHIP_BATCH_SECONDS
    with transaction.atomic():
        mark, _ = Batches.objects.select_for_update().get_or_create(
            cache_id=cache_id, defaults={"written_through": oldest}
        )
        if mark.written_through >= last_closed:
            return 0  # another writer was first
        first = cache.get(FIRST_WINDOW, last_closed + 1)  # none: nothing counted
        start = max(mark.written_through + 1, oldest + 1, first)
        windows = range(start, last_closed + 1)
        counts, keys = _gather(cache, windows)
        _add(counts)
        mark.written_through = last_closed
        mark.save(update_fields=["written_through"])
    cache.delete_many(keys)  # after the commit: until then they are the only copy
    # Processes that kept counts in their own memory and are gone: their last
    # window left KEEP_UNWRITTEN ago, so nothing of theirs can still arrive.
    Batches.objects.filter(written_through__lt=oldest).delete()
    return sum(counts.values())


def _gather(cache, windows: range) -> tuple[Counter, list[str]]:
    """The counts noted in these windows, and every cache key that held them."""
    counts, keys = Counter(), []
    slot_totals = {}
    for chunk in _chunks(windows):
        found = cache.get_many([f"{PREFIX}:{window}:slots" for window in chunk])
        slot_totals |= {key: int(total) for key, total in found.items()}
    slot_keys = []
    for total_key, total in slot_totals.items():
        window_prefix = total_key.removesuffix(":slots")
        slot_keys += [f"{window_prefix}:slot:{n}" for n in range(1, total + 1)]
    keys += list(slot_totals) + slot_keys
    for chunk in _chunks(slot_keys):
        slots = cache.get_many(chunk).values()
        values = cache.get_many([counter for _entry, counter in slots])
        for entry, counter in slots:
            counts[tuple(entry)] += int(values.get(counter, 0))
            keys.append(counter)
    return counts, keys


def _add(counts: Counter) -> None:
    """Add counts to the daily rows (a fixed number of queries per batch)."""
    paths = {path for _day, path, _source, _came in counts}
    paths |= {came for *_rest, came in counts if came}
    articles = _articles_at(paths)
    merged = Counter()
    for (day, path, source, came_from), views in counts.items():
        # A referring page is kept only when it is one of our articles: any other
        # value in a Referer header is the visitor's to make up.
        kept = came_from if came_from in articles else ""
        merged[(date.fromisoformat(day), path, source, kept)] += views
    _add_to_rows(
        PageViews.Span.DAY,
        {
            key: (views, articles.get(key[1]), articles.get(key[3]))
            for key, views in merged.items()
        },
    )


def _add_to_rows(span: str, totals: dict) -> None:
    """Add views to the rows of `span`, made where missing (three queries).

    `totals`: (day, path, source, came_from) -> (views, article id, from article id).
    Callers hold the lock that keeps other writers out (Batches, or roll-up's days).
    """
    existing = {
        (row.day, row.path, row.source, row.came_from): row
        for row in PageViews.objects.filter(
            span=span,
            day__in={day for day, *_rest in totals},
            path__in={path for _day, path, *_rest in totals},
        )
    }
    changed, made = [], []
    for key, (views, article_id, from_article_id) in totals.items():
        if row := existing.get(key):
            row.views += views
            changed.append(row)
        else:
            day, path, source, came_from = key
            made.append(
                PageViews(
                    span=span,
                    day=day,
                    path=path,
                    source=source,
                    came_from=came_from,
                    article_id=article_id,
                    from_article_id=from_article_id,
                    views=views,
                )
            )
    PageViews.objects.bulk_update(changed, ["views"], batch_size=CHUNK)
    PageViews.objects.bulk_create(made, batch_size=CHUNK)


def _articles_at(paths) -> dict[str, int]:
    """Which of these paths are articles' pages: path -> article id (one query)."""
    slugs = {}
    for path in paths:
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name == "blog:article_detail":
            slugs[match.kwargs["slug"]] = path
    found = Article.objects.filter(slug__in=slugs).values_list("slug", "pk")
    return {slugs[slug]: pk for slug, pk in found}


def roll_up(*, today: date | None = None) -> int:
    """Fold daily rows older than READERSHIP_DAILY_DAYS into one row per month, by
    whole months (a month is never half daily); how many daily rows went."""
    today = today or timezone.localdate()
    cutoff = (today - timedelta(days=settings.READERSHIP_DAILY_DAYS)).replace(day=1)
    with transaction.atomic():
        old = PageViews.objects.filter(span=PageViews.Span.DAY, day__lt=cutoff)
        months = (
            old.annotate(month=TruncMonth("day"))
            .values("month", "path", "source", "came_from")
            .annotate(
                total=Sum("views"),
                last_article=Max("article"),
                last_from_article=Max("from_article"),
            )
            .order_by()
        )
        _add_to_rows(
            PageViews.Span.MONTH,
            {
                (month["month"], month["path"], month["source"], month["came_from"]): (
                    month["total"],
                    month["last_article"],
                    month["last_from_article"],
                )
                for month in months
            },
        )
        deleted, _ = old.delete()
    return deleted
