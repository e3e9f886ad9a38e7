from clinic.sitemaps import SiteSitemap
from pages.models import Page


class PageSitemap(SiteSitemap):
    def items(self):
        return (
            Page.objects.published()
            .only("path", "updated_at", "wording_changed_at")
            .order_by("path")
        )

    def lastmod(self, page):
        return page.last_updated
