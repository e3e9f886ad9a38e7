from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clinic.models import Person


class PeopleSitemap(Sitemap):
    """The physicians directory, every profile and every author page."""

    def items(self):
        return ["clinic:physician_list", *Person.objects.only("slug", "clinician")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


SITEMAPS = {"people": PeopleSitemap}
