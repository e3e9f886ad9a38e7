from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ClinicSiteConfig(AppConfig):
    """Site-wide pieces: health check, robots.txt, demo content, backups."""

    name = "clinic_site"
    verbose_name = "Site"
    default = True


class ClinicAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "clinic_site.admin.ClinicAdminSite"
