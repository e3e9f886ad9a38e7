from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Standalone pages: about, services, insurance, the privacy notice."""

    name = "pages"
    default_auto_field = "django.db.models.BigAutoField"
