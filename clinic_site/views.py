import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from appointments.models import Notification
from clinic import icons
from clinic_site.context_processors import cached_site_settings, site_chrome
from clinic_site.page_cache import content_version

CACHE_PROBE_KEY = "healthz-probe"
ICON_MAX_AGE = 24 * 60 * 60  # a new logo reaches browsers within a day
ONE_YEAR = 365 * 24 * 60 * 60
logger = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 while the database answers, else 503.

    "degraded" when the cache does not answer or appointment emails are failing.
    """
    database = _database_answers()
    cache_ok = _cache_answers()
    notifications = _notifications_state() if database else "unknown"
    if not database:
        status = "down"
    elif cache_ok and notifications == "ok":
        status = "ok"
    else:
        status = "degraded"
    body = {
        "status": status,
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache_ok else "unavailable",
        "notifications": notifications,
    }
    return JsonResponse(body, status=200 if database else 503)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _notifications_state() -> str:
    try:
        return "failing" if Notification.objects.failing().exists() else "ok"
    except DatabaseError:
        return "unknown"


def _cache_answers() -> bool:
    try:
        cache.set(CACHE_PROBE_KEY, 1, 10)
        return cache.get(CACHE_PROBE_KEY) == 1
    except Exception:  # any backend failure means "not answering"
        return False


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        # The request form is a page patients look for; its thanks pages are not.
        "Disallow: /appointments/request/thanks/",
        "Disallow: /search/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_safe
@cache_control(public=True, max_age=ICON_MAX_AGE)
def favicon(request):
    return _icon(icons.FAVICON, "image/x-icon")


@require_safe
@cache_control(public=True, max_age=ICON_MAX_AGE)
def touch_icon(request):
    return _icon(icons.TOUCH_ICON, "image/png")


@require_safe
def brand_css(request):
    """The brand colours of the site settings, as CSS custom properties.

    Pages link it with the colours' version in the address (?v=), which browsers may
    keep for a year: new colours mean a new address on every page (the page cache
    drops pages when the settings change). Any other address is checked every time.
    """
    site = site_chrome(content_version())["site"]
    response = HttpResponse(site.brand_stylesheet, content_type="text/css")
    if request.GET.get("v") == site.brand_version:
        patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def _icon(icon: str, content_type: str) -> HttpResponse:
    """The icon made from the clinic's logo, or our own when there is no logo."""
    logo = site_chrome(content_version())["site"].logo
    content = icons.default_icons()[icon]
    if logo:
        try:
            content = icons.icon_bytes(logo.name, icon)
        except OSError:  # media lost or unreachable: a plain icon beats a broken one
            logger.error("The %s made from the logo %s is missing", icon, logo.name)
    return HttpResponse(content, content_type=content_type)


def server_error(request):
    """500, or 503 when the database is out of reach; rendered without touching it."""
    site = cached_site_settings()
    context = {
        "site_settings": site,
        "clinic_name": site.name,
        "clinic_phone": site.phone,
    }
    if isinstance(sys.exc_info()[1], DatabaseError):
        response = HttpResponse(render_to_string("503.html", context), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponse(render_to_string("500.html", context), status=500)
