"""The database's plan for every query of the main public pages, at the bench size.

    .venv/bin/python bench/query_plans.py [--size 100000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic_bench \\
        .venv/bin/python bench/query_plans.py [--analyze]

Without DATABASE_URL it reads the SQLite database bench/run.py generated under
var/bench/<size>/ (the largest there, unless --size says which). Each page (home,
all articles, a category, a popular and a rare tag, an article with its related
posts, search for a common and a rare word, a page, the physicians and one of them,
the locations and one of them) is requested once in-process with
Django's test client, the page cache off and the cache empty; every query it makes
is captured, then explained: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (or EXPLAIN
ANALYZE with --analyze) on PostgreSQL, and timed (the best of three runs). Flagged:
a full scan of blog_article, blog_taggedarticle or blog_article_categories, a scan
of a whole index, a sort of everything found before a LIMIT, and any query slower
than SLOW_MS.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import BASE_DIR, bench_environment  # noqa: E402

WATCHED = ("blog_article", "blog_taggedarticle", "blog_article_categories")
ARTICLE_SAMPLE = 20
SLOW_MS = 2.0
BIG_SORT = 5000  # rows (PostgreSQL's estimate)
# SQLite: "SCAN blog_article", "SCAN U0 USING INDEX x", "SCAN blog_article AS T".
_SQLITE_SCAN = re.compile(
    r"^SCAN (?P<name>\w+)(?: AS (?P<alias>\w+))?(?P<index> USING (?:COVERING )?INDEX)?"
)
_FROM_ALIAS = re.compile(r'"?(\w+)"? (?:AS )?"?(\w+)"?')


def pick_pages() -> dict[str, list[str]]:
    """The addresses the benchmark visits, chosen from the generated data.

    The largest topical category; the most used tag and one of the least used (with
    two published articles: a list nearly empty, where an index walked in date order
    finds little); up to ARTICLE_SAMPLE published articles with eight tags or more,
    spread over the whole range of ids (the article page cycles through them); the
    first published page, clinician and active location (bench/run.py makes a page
    and three locations).
    """
    from django.db.models import Count
    from django.urls import reverse

    from bench.generate_data import (
        COMMON_SEARCH_WORD,
        RARE_SEARCH_WORD,
        TOPICS,
    )
    from blog.models import Article, Category, TaggedArticle
    from clinic.models import Location, Person
    from pages.models import Page

    category = (
        Category.objects.filter(slug__in=[topic.slug for topic in TOPICS])
        .annotate(size=Count("articles"))
        .order_by("-size", "slug")
        .first()
    )
    links = TaggedArticle.objects.filter(
        content_object__in=Article.objects.published()
    ).values("tag__slug")
    tag = links.annotate(size=Count("id")).order_by("-size", "tag__slug").first()
    rare_tag = (
        links.annotate(size=Count("id"))
        .filter(size__gte=2)
        .order_by("size", "tag__slug")
        .first()
    )
    many_tags = list(
        Article.objects.published()
        .annotate(tag_count=Count("tagged_items"))
        .filter(tag_count__gte=8)
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    step = max(1, len(many_tags) // ARTICLE_SAMPLE)
    articles = many_tags[::step][:ARTICLE_SAMPLE] or list(
        Article.objects.published().values_list("slug", flat=True)[:1]
    )
    search = reverse("search:search")
    return {
        "trivial": ["/bench/trivial/"],
        "home": [reverse("blog:home")],
        "all articles": [reverse("blog:article_list")],
        "category": [category.get_absolute_url()],
        "tag": [reverse("blog:tag", args=[tag["tag__slug"]])],
        "tag rare": [reverse("blog:tag", args=[rare_tag["tag__slug"]])],
        "article": [
            reverse("blog:article_detail", kwargs={"slug": slug}) for slug in articles
        ],
        "search common": [f"{search}?q={COMMON_SEARCH_WORD}"],
        "search rare": [f"{search}?q={RARE_SEARCH_WORD}"],
        "page": [Page.objects.published().first().get_absolute_url()],
        "physicians": [reverse("clinic:physician_list")],
        "physician": [Person.objects.clinicians().first().get_absolute_url()],
        "locations": [reverse("clinic:location_list")],
        "location": [Location.objects.active().first().get_absolute_url()],
    }


def explain(connection, sql: str, analyze: bool) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            rows = cursor.fetchall()
            depth = {0: -1}
            lines = []
            for node, parent, _, detail in rows:
                depth[node] = depth.get(parent, -1) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        cursor.execute(("EXPLAIN ANALYZE " if analyze else "EXPLAIN ") + sql)
        return [row[0] for row in cursor.fetchall()]


def _aliases(sql: str) -> dict[str, str]:
    """Alias -> table for the watched tables in a query ("U0" -> "blog_article")."""
    found = {}
    for table, alias in _FROM_ALIAS.findall(sql):
        if table in WATCHED:
            found[alias] = table
    return found | {table: table for table in WATCHED}


def flags(vendor: str, sql: str, plan: list[str], milliseconds: float) -> list[str]:
    """What to look at: full scans of the big tables, sorts before a LIMIT, slowness."""
    found = []
    aliases = _aliases(sql)
    limited = " LIMIT " in sql and any(table in sql for table in WATCHED)
    for line in plan:
        step = line.strip()
        if vendor == "sqlite":
            match = _SQLITE_SCAN.match(step)
            table = match and (
                aliases.get(match["name"]) or aliases.get(match["alias"])
            )
            if table and match["index"]:
                found.append(f"whole-index scan of {table}: {step}")
            elif table and re.search(rf"FROM {table} ORDER BY id DESC LIMIT ", sql):
                found.append(f"scan of {table} in id order, stopped by its LIMIT")
            elif table:
                found.append(f"FULL TABLE SCAN of {table}: {step}")
            elif limited and step == "USE TEMP B-TREE FOR ORDER BY":
                found.append("sorts every row found before its LIMIT")
        else:
            match = re.search(r"Seq Scan on (\w+)", step)
            if match and match[1] in WATCHED:
                found.append(f"FULL TABLE SCAN of {match[1]}: {step}")
            sort = re.match(r"(?:->\s*)?Sort\s+\(cost=\S+ rows=(\d+)", step)
            if limited and sort and int(sort[1]) > BIG_SORT:
                found.append(f"sorts ~{sort[1]} rows before its LIMIT")
    if milliseconds >= SLOW_MS:
        found.append(f"slow: {milliseconds:.1f} ms at this size")
    return list(dict.fromkeys(found))


def timed(connection, sql: str) -> float:
    """The best of three runs of the query, in milliseconds."""
    best = float("inf")
    with connection.cursor() as cursor:
        for _ in range(3):
            began = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            best = min(best, time.perf_counter() - began)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, help="Which var/bench/<size>/ (SQLite).")
    parser.add_argument(
        "--analyze", action="store_true", help="EXPLAIN ANALYZE (PostgreSQL only)."
    )
    parser.add_argument(
        "--sql", action="store_true", help="Print each query's SQL in full."
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url:
        sizes = sorted(
            int(folder.name)
            for folder in (BASE_DIR / "var" / "bench").glob("*")
            if folder.name.isdigit() and (folder / "db.sqlite3").exists()
        )
        size = args.size or (sizes[-1] if sizes else None)
        database = BASE_DIR / "var" / "bench" / str(size) / "db.sqlite3"
        if size is None or not database.exists():
            sys.exit("No bench database: run `make bench` first, or set DATABASE_URL.")
        database_url = f"sqlite:///{database}"
    os.environ.update(
        bench_environment(
            DATABASE_URL=database_url,
            PAGE_CACHE_SECONDS="0",
            STATIC_ROOT=str(BASE_DIR / "var" / "bench" / "static"),
        )
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
    import django
    from django.conf import settings

    settings.ROOT_URLCONF = "bench.urls"
    # Templates render without collectstatic's manifest.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
    }
    django.setup()
    report(args)


def report(args) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from blog.models import Article

    vendor = connection.vendor
    print(
        f"Query plans on {vendor} ({connection.settings_dict['NAME']}), "
        f"{Article.objects.count()} articles"
    )
    pages = pick_pages()
    client = Client(HTTP_HOST="127.0.0.1")
    summary = []
    for name, paths in pages.items():
        if name == "trivial":
            continue
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(paths[0])
        print(f"\n=== {name}: {paths[0]} ({response.status_code}) ===")
        for n, query in enumerate(captured.captured_queries, start=1):
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue  # BEGIN, or a write (EXPLAIN ANALYZE would run it again)
            plan = explain(connection, sql, args.analyze)
            milliseconds = timed(connection, sql)
            shown = (
                sql if args.sql else (sql[:300] + (" ..." if len(sql) > 300 else ""))
            )
            print(f"\n[{n}] {milliseconds:.2f} ms  {shown}")
            for line in plan:
                print(f"    {line}")
            for flag in flags(vendor, sql, plan, milliseconds):
                print(f"    !! {flag}")
                summary.append(f"{name} [{n}]: {flag}")
    print("\n=== flagged ===")
    print("\n".join(summary) if summary else "nothing")


if __name__ == "__main__":
    main()
