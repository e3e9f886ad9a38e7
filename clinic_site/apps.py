from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ClinicSiteConfig(AppConfig):
    """Site-wide pieces: menus, health check, icons, robots.txt, demo content,
    backups."""

    name = "clinic_site"
    verbose_name = "Site"
    default = True

    def ready(self):
        from clinic_site import checks  # noqa: F401 (registers them)
        from clinic_site.page_cache import connect_invalidation

        connect_invalidation()


class ClinicAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "clinic_site.admin.ClinicAdminSite"
