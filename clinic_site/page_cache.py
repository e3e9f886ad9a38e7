"""Whole pages for anonymous visitors, kept in the shared cache and never stale.

A page is kept when its view marks it `Cache-Control: public`, the request carried no
session cookie (so never for staff or previews) and the answer is a plain 200 that
sets no cookie. A kept page carries surrogate keys (clinic_site/surrogate_keys.py:
the article, its categories, tags and author, the lists it shows, `site` for the
header and footer), each with a version in the shared cache. A change to what pages
show bumps the versions of the keys it touches, and a kept page whose keys' versions
moved is rendered afresh (one `get_many` on a hit), on this server and every other
one sharing the cache. The same keys go out in the `xkey` header and the change
purges them from a reverse proxy (clinic_site/purging.py), which may keep the page
as long as we do (`s-maxage`). Keys also carry the clinic's date, since location
pages say what is open today and which closures are ahead, and a kept page expires
at the clinic's midnight and when the next scheduled article or page goes public.

Fragments of pages (cards, the header and footer) are cached per content version,
which any change moves: they are cheap to render again, pages are not.

This middleware sits outside GZip and ConditionalGet: a hit skips the whole stack
below it (sessions, auth, the view) and is answered with its stored ETag, or 304.
It sits inside the Content-Security-Policy middleware, so a kept page keeps what
its view asked of the policy (a page with a video may frame the players), not the
header itself: the policy, nonce included, is made afresh for every answer.
"""

import hashlib
import logging
import re
import time
from datetime import datetime, timedelta
from typing import NamedTuple
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from blog.models import Article
from clinic import shown as shown_rows
from clinic.publishing import next_publication_time
from clinic_site import purging, surrogate_keys
from clinic_site.middleware import ask_csp, csp_requests
from pages.models import Page
from wordpress.addresses import PLAIN_LINKS

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"  # moved by any change
KEY_VERSION = "page-cache:key:{}"  # moved by a change that touches the key
KEY_HEADER = "xkey"  # Varnish's xkey module reads it; the proxy drops it
# The query parameters public pages read (grep request.GET): paged lists, the
# stylesheet's version, search and site addresses, the old site's plain links. The
# rest (campaign tags, made-up ones) change nothing on a page, so they stay out of
# its key: one copy serves them all, and random ones cannot fill the cache.
# deploy/varnish/default.vcl keys its copies by the same names.
READ_PARAMETERS = frozenset({"page", "v", "q", *PLAIN_LINKS})

# What public pages show. Saving or deleting a row of these models, or changing one
# of these many-to-many links, invalidates the kept pages that show it. A test fails
# when a model of ours is in neither this list nor the test's list of models no page
# shows.
SHOWN_MODELS = (
    "blog.Article",
    "blog.Category",
    "blog.TaggedArticle",
    "blog.RelatedPick",
    "taggit.Tag",
    "clinic.Person",
    "clinic.Specialty",
    "clinic.Location",
    "clinic.OpeningHours",
    "clinic.Closure",
    "clinic.SiteSettings",
    "clinic.Picture",  # a figure's credit and renditions
    "clinic_site.MenuItem",
    "pages.Page",
)
SHOWN_LINKS = (  # the many-to-many tables, by their through model
    "blog.Article_categories",
    "blog.TaggedArticle",
    "clinic.Person_specialties",
    "clinic.Person_locations",
    "blog.RelatedPick",
)
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def content_version() -> int:
    """The current content version (made anew if the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)  # never reuses an old one
        version = cache.get(VERSION_KEY, 0)
    return version


def key_versions(keys) -> dict[str, int]:
    """The current version of each surrogate key (made anew where the cache lost
    one), and the content version under VERSION_KEY."""
    names = [VERSION_KEY, *(KEY_VERSION.format(key) for key in keys)]
    versions = cache.get_many(names)
    missing = {name: time.time_ns() for name in names if name not in versions}
    if missing:
        cache.set_many(missing, timeout=None)
        versions |= missing
    return versions


def _bump(keys) -> None:
    for name in [VERSION_KEY, *(KEY_VERSION.format(key) for key in keys)]:
        try:
            cache.incr(name)
        except ValueError:
            pass  # no version yet: the next reader makes a fresh one
        except Exception:  # the cache is down: pages it held cannot be served either
            logger.error("Could not bump the page cache version")
            return


def invalidate(keys) -> None:
    """Make the pages carrying these keys stale: now, and again once the change is
    committed, here and in the reverse proxy.

    The second bump discards pages that requests running during the transaction
    rendered from the data as it was before. It is registered once per transaction,
    which gathers the keys of every row it changes.
    """
    _bump(keys)
    connection = transaction.get_connection()
    pending = getattr(connection, "_page_cache_keys", None)
    if (
        pending is not None
        and connection.in_atomic_block
        and any(
            callback is _after_commit for _, callback, _ in connection.run_on_commit
        )
    ):
        pending.update(keys)
        return
    connection._page_cache_keys = set(keys)
    transaction.on_commit(_after_commit)


def _after_commit() -> None:
    connection = transaction.get_connection()
    keys = connection._page_cache_keys
    connection._page_cache_keys = None
    _bump(keys)
    purging.purge_after_commit(keys)


def bump_content_version(sender=None, instance=None, action=None, **kwargs) -> None:
    """Invalidate what a saved or deleted row, or a changed link, shows on; every
    page when called with nothing (after a bulk load)."""
    if instance is None:
        invalidate({surrogate_keys.SITE})
    elif action is None:
        created = kwargs.get("created", False)
        invalidate(surrogate_keys.changed_keys(instance, created))
    elif action.startswith("post_"):
        model, pk_set = kwargs["model"], kwargs["pk_set"]
        invalidate(surrogate_keys.linked_keys(instance, model, pk_set))


def bump_after_migrate(**signal_kwargs) -> None:
    """Deploys run `migrate`: pages kept by the previous release are dropped."""
    _bump({surrogate_keys.SITE})


def connect_invalidation() -> None:
    models = list(map(apps.get_model, SHOWN_MODELS))
    for model in models:
        post_save.connect(bump_content_version, sender=model, weak=False)
        post_delete.connect(bump_content_version, sender=model, weak=False)
    for through in map(apps.get_model, SHOWN_LINKS):
        m2m_changed.connect(bump_content_version, sender=through, weak=False)
    post_migrate.connect(bump_after_migrate, weak=False)
    shown_rows.note_rows_of(models)


def _seconds_until_next_publication(version: int) -> float | None:
    """Seconds until the next scheduled article or page appears (one query per
    content version)."""
    key = f"page-cache:{version}:next-publication"
    stamp = cache.get(key)
    if stamp is None or (stamp and stamp <= time.time()):
        moment: datetime | None = next_publication_time(Article, Page)
        stamp = moment.timestamp() if moment else 0
        cache.set(key, stamp, settings.PAGE_CACHE_SECONDS)
    return stamp - time.time() if stamp else None


def _seconds_until_tomorrow() -> float:
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0)
    return (midnight - now).total_seconds()


def cache_address(request) -> str:
    """The page's path with only the query parameters its view may read."""
    if not request.META.get("QUERY_STRING"):
        return request.path
    read = [
        (name, value)
        for name, values in sorted(request.GET.lists())
        if name in READ_PARAMETERS
        for value in values
    ]
    return f"{request.path}?{urlencode(read)}" if read else request.path


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        version = content_version()
        accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
        gzip = "gz" if _ACCEPTS_GZIP.search(accepts) else "id"
        path = hashlib.sha256(cache_address(request).encode()).hexdigest()[:40]
        today = timezone.localdate().isoformat()
        key = f"page-cache:{today}:{gzip}:{path}"
        stored = cache.get(key)
        if stored is not None:
            content, headers, csp, versions, shared = stored
            if cache.get_many(list(versions)) == versions:
                return self._replay(request, content, headers, csp, shared)
        with shown_rows.noting() as shown:
            response = self.get_response(request)
        if self._keepable(response):
            keys = surrogate_keys.for_page(request, response, shown)
            self._keep(key, version, keys, response)
        return response

    @staticmethod
    def _keepable(response) -> bool:
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "public" in control
            and "private" not in control
            and "no-store" not in control
        )

    @staticmethod
    def _keep(key, version, keys, response) -> None:
        """Keep the page with its keys' versions, unless a change came while it
        rendered (it may show data from before the change)."""
        versions = key_versions(keys)
        if versions.pop(VERSION_KEY) != version:
            return
        changes_in = _seconds_until_tomorrow()
        until_next = _seconds_until_next_publication(version)
        if until_next is not None:
            changes_in = min(changes_in, until_next)
        timeout = min(settings.PAGE_CACHE_SECONDS, changes_in)
        if timeout >= 1:
            response[KEY_HEADER] = " ".join(keys)
            stored = (response.content, list(response.items()), csp_requests(response))
            shared = SharedCopy(
                expires=time.time() + timeout,
                may_linger=timeout + settings.PROXY_STALE_SECONDS <= changes_in,
            )
            cache.set(key, (*stored, versions, shared), int(timeout))
            shared.allow(response)

    @staticmethod
    def _replay(request, content, headers, csp, shared):
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        shared.allow(response)
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        answer = conditional or response
        ask_csp(answer, csp)  # a 304's policy replaces the browser's copy's
        return answer


class SharedCopy(NamedTuple):
    """How long a shared cache (a reverse proxy) may keep a kept page: as long as we
    do, while browsers check back every time. It may answer with its copy while it
    fetches a new one only when nothing is due to change meanwhile (a publication,
    midnight): an edit purges its copy anyway."""

    expires: float
    may_linger: bool

    def allow(self, response) -> None:
        seconds = max(int(self.expires - time.time()), 0)
        control = f"public, max-age=0, s-maxage={seconds}"
        if self.may_linger:
            control += f", stale-while-revalidate={settings.PROXY_STALE_SECONDS}"
        response["Cache-Control"] = control
