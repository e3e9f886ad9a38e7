import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from blog.models import Category
from clinic.models import Location, SiteSettings
from clinic.structured_data import location_data, postal_address
from clinic_site import navigation
from clinic_site.page_cache import content_version
from clinic_site.templatetags.clinic import absolute_url

# This process's copy of the current chrome, by content version and day: reading it
# from the shared cache (unpickling model instances) cost a millisecond per page.
_latest_chrome: dict = {}


def site_chrome(version: int) -> dict:
    """Settings, navigation and locations with their weekly hours, kept per content
    version (no queries), and worked out again when a scheduled page it links to
    goes public."""
    key = _chrome_key(version)
    mine = (version, timezone.localdate())
    chrome = _latest_chrome.get(mine) or cache.get(key)
    if chrome is None or (chrome["changes_at"] or math.inf) <= time.time():
        links = navigation.site_links()
        chrome = {
            "parts": {},  # rendered from this chrome, in this process (site_header...)
            "changes_at": links.changes_at,
            "site": SiteSettings.objects.current(),
            "categories": [
                {
                    "name": c.name,
                    "url": c.get_absolute_url(),
                    "description": c.description,
                }
                for c in Category.objects.all()
            ],
            "locations": list(
                Location.objects.active().prefetch_related("opening_hours")
            ),
            "menus": links.menus,
            "legal_pages": links.legal_pages,
        }
        cache.set(key, chrome, settings.FRAGMENT_CACHE_SECONDS)
    if _latest_chrome.get(mine) is not chrome:
        _latest_chrome.clear()
        _latest_chrome[mine] = chrome
    return chrome


def _chrome_key(version) -> str:
    return f"site-chrome:{version}"


def cached_site_settings() -> SiteSettings:
    """The site settings without touching the database, for error pages: as last
    kept in the cache, else the first-run defaults from the environment."""
    chrome = cache.get(_chrome_key(content_version()))
    return chrome["site"] if chrome else SiteSettings.first_run_defaults()


def clinic(request):
    """What every page's header and footer show (looked up only if a page uses it)."""
    version = SimpleLazyObject(content_version)
    chrome = SimpleLazyObject(lambda: site_chrome(version))
    site = SimpleLazyObject(lambda: chrome["site"])
    return {
        "content_version": version,
        "chrome_parts": SimpleLazyObject(lambda: chrome["parts"]),
        "fragment_cache_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "site_settings": site,
        "clinic_name": SimpleLazyObject(lambda: site.name),
        "clinic_phone": SimpleLazyObject(lambda: site.phone),
        "site_url": settings.SITE_URL,
        "nav_categories": SimpleLazyObject(lambda: chrome["categories"]),
        "header_menu": SimpleLazyObject(lambda: chrome["menus"]["header"]),
        "footer_menu": SimpleLazyObject(lambda: chrome["menus"]["footer"]),
        "legal_pages": SimpleLazyObject(lambda: chrome["legal_pages"]),
        "clinic_locations": SimpleLazyObject(lambda: chrome["locations"]),
        "clinic_organization": SimpleLazyObject(
            lambda: organization(chrome["site"], chrome["locations"])
        ),
    }


def organization(site: SiteSettings, locations) -> dict:
    """The clinic as schema.org describes it, for structured data."""
    data = {
        "@type": "MedicalClinic",
        "name": site.name,
        "url": settings.SITE_URL + "/",
        "telephone": site.phone,
        "address": [postal_address(location) for location in locations],
        "subOrganization": [location_data(location) for location in locations],
    }
    if site.description:
        data["description"] = site.description
    if site.logo:
        data["logo"] = absolute_url(site.logo.url)
    if site.social_links:
        data["sameAs"] = [url for _, url in site.social_links]
    return data
