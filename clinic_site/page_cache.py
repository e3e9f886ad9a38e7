"""Whole pages for anonymous visitors, kept in the shared cache and never stale.

A page is kept when its view marks it `Cache-Control: public`, the request carried no
session cookie (so never for staff or previews) and the answer is a plain 200 that
sets no cookie. Keys carry a content version: any change to what pages show
(articles, pages, tags, categories, people and their specialties, locations and
their hours) bumps it, so the next request renders afresh, on this server and every
other one sharing the cache. Keys also carry the clinic's date, since location pages
say what is open today and which closures are ahead. A kept page also expires when
the next scheduled article or page goes public.

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
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from blog.models import Article
from clinic.publishing import next_publication_time
from clinic_site.middleware import ask_csp, csp_requests
from pages.models import Page

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"

# What public pages show. Saving or deleting a row of these models, or changing one
# of these many-to-many links, invalidates every kept page. A test fails when a
# model of ours is in neither this list nor the test's list of models no page shows.
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


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        pass  # no version yet: the next reader makes a fresh one
    except Exception:  # the cache is down: pages it held cannot be served either
        logger.error("Could not bump the page cache version")


def bump_content_version(**signal_kwargs) -> None:
    """Invalidate every kept page: now, and again once the change is committed.

    The second bump discards pages that requests running during the transaction
    rendered from the data as it was before. It is registered once per transaction,
    however many rows the transaction changes.
    """
    _bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        callback is _bump_after_commit for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_after_commit)


def _bump_after_commit() -> None:
    _bump()


def bump_after_migrate(**signal_kwargs) -> None:
    """Deploys run `migrate`: pages kept by the previous release are dropped."""
    _bump()


def connect_invalidation() -> None:
    for model in map(apps.get_model, SHOWN_MODELS):
        post_save.connect(bump_content_version, sender=model, weak=False)
        post_delete.connect(bump_content_version, sender=model, weak=False)
    for through in map(apps.get_model, SHOWN_LINKS):
        m2m_changed.connect(bump_content_version, sender=through, weak=False)
    post_migrate.connect(bump_after_migrate, weak=False)


def _seconds_until_next_publication(version: int) -> float | None:
    """Seconds until the next scheduled article or page appears (one query per
    version)."""
    key = f"page-cache:{version}:next-publication"
    stamp = cache.get(key)
    if stamp is None or (stamp and stamp <= time.time()):
        moment: datetime | None = next_publication_time(Article, Page)
        stamp = moment.timestamp() if moment else 0
        cache.set(key, stamp, settings.PAGE_CACHE_SECONDS)
    return stamp - time.time() if stamp else None


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
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:40]
        today = timezone.localdate().isoformat()
        key = f"page-cache:{version}:{today}:{gzip}:{path}"
        stored = cache.get(key)
        if stored is not None:
            return self._replay(request, *stored)
        response = self.get_response(request)
        if self._keepable(response):
            self._keep(key, version, response)
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
    def _keep(key, version, response) -> None:
        timeout = settings.PAGE_CACHE_SECONDS
        until_next = _seconds_until_next_publication(version)
        if until_next is not None:
            timeout = min(timeout, int(until_next))
        if timeout > 0:
            stored = (response.content, list(response.items()), csp_requests(response))
            cache.set(key, stored, timeout)

    @staticmethod
    def _replay(request, content, headers, csp):
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        answer = conditional or response
        ask_csp(answer, csp)  # a 304's policy replaces the browser's copy's
        return answer
