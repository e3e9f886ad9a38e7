from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ClinicSiteConfig(AppConfig):
    """Site-wide pieces: menus, health check, icons, robots.txt, demo content,
    backups."""

    name = "clinic_site"
    verbose_name = "Site"
    default = True

    def ready(self):
        from taggit.models import Tag

        from blog.models import Article, Category, RelatedPick, TaggedArticle
        from clinic.models import (
            Closure,
            Location,
            OpeningHours,
            Person,
            SiteSettings,
            Specialty,
        )
        from clinic_site import checks  # noqa: F401 (registers them)
        from clinic_site.models import MenuItem
        from clinic_site.page_cache import connect_invalidation
        from pages.models import Page

        connect_invalidation(
            Article,
            Category,
            Person,
            Tag,
            TaggedArticle,
            RelatedPick,
            Location,
            OpeningHours,
            Closure,
            Specialty,
            SiteSettings,
            MenuItem,
            Page,
            m2m_through=[
                Article.categories.through,
                TaggedArticle,
                Person.specialties.through,
                Person.locations.through,
            ],
        )


class ClinicAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "clinic_site.admin.ClinicAdminSite"
