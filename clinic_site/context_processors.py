from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from blog.models import Category
from clinic.models import Location
from clinic.structured_data import location_data, postal_address
from clinic_site.page_cache import content_version


def site_chrome(version: int) -> dict:
    """Navigation categories and locations with their weekly hours, kept per content
    version (no queries)."""
    key = f"site-chrome:{version}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = {
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
        }
        cache.set(key, chrome, settings.FRAGMENT_CACHE_SECONDS)
    return chrome


def clinic(request):
    """What every page's header and footer show (looked up only if a page uses it)."""
    version = SimpleLazyObject(content_version)
    chrome = SimpleLazyObject(lambda: site_chrome(version))
    return {
        "content_version": version,
        "fragment_cache_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "clinic_name": settings.CLINIC_NAME,
        "clinic_phone": settings.CLINIC_PHONE,
        "site_url": settings.SITE_URL,
        "nav_categories": SimpleLazyObject(lambda: chrome["categories"]),
        "clinic_locations": SimpleLazyObject(lambda: chrome["locations"]),
        "clinic_organization": SimpleLazyObject(
            lambda: organization(chrome["locations"])
        ),
    }


def organization(locations) -> dict:
    """The clinic as schema.org describes it, for structured data."""
    return {
        "@type": "MedicalClinic",
        "name": settings.CLINIC_NAME,
        "url": settings.SITE_URL + "/",
        "telephone": settings.CLINIC_PHONE,
        "address": [postal_address(location) for location in locations],
        "subOrganization": [location_data(location) for location in locations],
    }
