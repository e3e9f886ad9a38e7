from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Standalone pages: about, services, insurance, the privacy notice."""

    name = "pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from clinic import site_links
        from pages.models import Page

        site_links.register(
            "pages:page", "path", site_links.found_by(Page.objects.published, "path")
        )
