"""Which requests are a person reading a page, and where they came from.

A view is counted when all of these hold (documented for editors in
docs/readership.md):

1. It is a GET (HEAD, POST and the rest are not reading) for a page, not a file: the
   answer is a 200 HTML page, or a 304 to a browser asking for HTML (its copy of the
   page is still current, so it is reading it again).
2. It is not under /admin/ (nor the two-step sign-in, which lives under /account/).
3. The browser is not prefetching or prerendering a page the person may never open
   (`Sec-Purpose`/`Purpose: prefetch`), and the page is the top-level document when
   the browser says so (`Sec-Fetch-Dest: document`), not a frame.
4. The user agent is present and is not a known bot, crawler, link preview
   (Slack, Facebook, WhatsApp ...), monitor or health check: the patterns of the
   crawlerdetect library, kept up to date by its authors, plus the few health
   checkers it misses.
5. Nobody signed in as staff is counted (previews of drafts included).
6. The view did not opt out with `@not_counted` (a page whose address carries a
   token, such as the request form's confirmation).

Nothing here keeps the address, the user agent or any identifier: the user agent is
looked at and forgotten, and the referrer is reduced to a kind of source and, for the
request form reached by a link on one of our published articles, that article's path.
"""

import re
from functools import wraps
from urllib.parse import urlsplit

from crawlerdetect import CrawlerDetect
from django.core.exceptions import DisallowedHost
from django.urls import Resolver404, resolve, reverse

from blog.models import Article
from readership.models import PageViews, Source

# Load balancers' and uptime monitors' probes that crawlerdetect does not list
# (words, not a pattern: a case-blind regular expression cost 20 us a view).
_HEALTH_CHECKS = ("kube-probe", "healthcheck", "health-check", "uptime")
_NOT_READING_PATHS = ("/admin/", "/account/")
_crawlers = CrawlerDetect()
_crawlers.is_crawler("Mozilla/5.0")  # compiles its patterns as the worker starts
_LONGEST_PATH = PageViews._meta.get_field("came_from").max_length

SEARCH_ENGINES = re.compile(
    r"(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|"
    r"yahoo\.co\.jp|ecosia\.org|baidu\.com|yandex\.[a-z]+|startpage\.com|"
    r"qwant\.com|search\.brave\.com|kagi\.com|naver\.com|seznam\.cz)$"
)
SOCIAL_NETWORKS = re.compile(
    r"(^|\.)(facebook\.com|fb\.me|instagram\.com|t\.co|twitter\.com|x\.com|"
    r"linkedin\.com|lnkd\.in|reddit\.com|pinterest\.[a-z.]+|youtube\.com|"
    r"tiktok\.com|threads\.net|nextdoor\.com|bsky\.app|mastodon\.social|"
    r"whatsapp\.com|telegram\.org|t\.me)$"
)
WEBMAIL = re.compile(
    r"(^|\.)(mail\.google\.com|outlook\.live\.com|outlook\.office\.com|"
    r"outlook\.office365\.com|mail\.yahoo\.com|mail\.aol\.com|mail\.proton\.me|"
    r"mail\.yandex\.[a-z]+|webmail\.[a-z0-9.-]+|mail\.[a-z0-9-]+\.[a-z.]+)$"
)


def not_counted(view):
    """Keep a view's pages out of the counts (and their addresses out of the
    database)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.not_counted = True
        return response

    return wrapper


def is_reading(request, response) -> bool:
    """Whether this answer is a person reading one of our pages (the rules above)."""
    if (
        request.method != "GET"
        or request.path.startswith(_NOT_READING_PATHS)
        or getattr(response, "not_counted", False)
    ):
        return False
    meta = request.META
    if response.status_code == 200:
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
    elif response.status_code != 304 or "text/html" not in meta.get("HTTP_ACCEPT", ""):
        return False
    purpose = meta.get("HTTP_SEC_PURPOSE", "") + meta.get("HTTP_PURPOSE", "")
    if "prefetch" in purpose or meta.get("HTTP_SEC_FETCH_DEST", "document") != (
        "document"
    ):
        return False
    agent = meta.get("HTTP_USER_AGENT", "").strip()
    if not agent or _crawlers.is_crawler(agent):
        return False
    lowered = agent.lower()
    if any(word in lowered for word in _HEALTH_CHECKS):
        return False
    return not _is_staff(request)


def _is_staff(request) -> bool:
    # Anonymous visitors carry no session, so this costs nothing for them (and
    # nothing on a whole-page cache hit, which is only ever for them).
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_staff)


def source_of(request) -> tuple[str, str]:
    """The kind of source ("search", "social" ...) and, for the request form reached
    from one of our articles, that article's path (else "")."""
    referrer = request.META.get("HTTP_REFERER", "")
    if not referrer:
        return (Source.EMAIL if _tagged_email(request) else Source.DIRECT), ""
    try:
        parts = urlsplit(referrer)
        host = (parts.hostname or "").lower()
    except ValueError:
        return Source.OTHER_SITE, ""
    if host and host == _own_host(request):
        return Source.INTERNAL, _article_leading_to_form(request, parts.path)
    # Webmail first: mail.google.com is no search engine.
    if WEBMAIL.search(host) or _tagged_email(request):
        return Source.EMAIL, ""
    if SEARCH_ENGINES.search(host):
        return Source.SEARCH, ""
    if SOCIAL_NETWORKS.search(host):
        return Source.SOCIAL, ""
    return Source.OTHER_SITE, ""


def _article_leading_to_form(request, path: str) -> str:
    """`path` when this page is the request form and `path` is one of our published
    articles, else "": the report asks nothing else of the referring page, and any
    other value is the visitor's to make up (each one would be a counter to keep,
    or a token from a thanks page's address)."""
    if len(path) > _LONGEST_PATH or request.path != reverse("appointments:request"):
        return ""
    try:
        match = resolve(path)
    except Resolver404:
        return ""
    if match.view_name != "blog:article_detail":
        return ""
    # One query, only on the form reached from an article: made-up slugs stay out of
    # the cache, not just out of the database.
    published = Article.objects.published().filter(slug=match.kwargs["slug"])
    return path if published.exists() else ""


def _tagged_email(request) -> bool:
    """A link tagged utm_medium=email (the query string is parsed only if it has one:
    most views have none, and parsing costs more than the rest of the count)."""
    if "utm_medium" not in request.META.get("QUERY_STRING", ""):
        return False
    return "email" in request.GET.get("utm_medium", "").lower()


def _own_host(request) -> str:
    try:
        return request.get_host().split(":")[0].lower()
    except DisallowedHost:  # a cache hit is answered before any view checks it
        return ""
