from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clinic.models import Location, Person


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL, never on the host a request named (it is cached)."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PeopleSitemap(SiteSitemap):
    """The physicians directory, every profile and every author page."""

    def items(self):
        return ["clinic:physician_list", *Person.objects.only("slug", "clinician")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


class LocationSitemap(SiteSitemap):
    """The list of locations and the page of each active one."""

    def items(self):
        return ["clinic:location_list", *Location.objects.active().only("slug")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


SITEMAPS = {"people": PeopleSitemap, "locations": LocationSitemap}
