from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ClinicSiteConfig(AppConfig):
    """Site-wide pieces: menus, health check, icons, robots.txt, demo content,
    backups."""

    name = "clinic_site"
    verbose_name = "Site"
    default = True

    def ready(self):
        from django.core import checks
        from taggit.models import Tag

        from blog.models import Article, Category, RelatedPick, TaggedArticle
        from clinic.models import Location, Person, SiteSettings
        from clinic_site.first_run import check_first_run
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
            SiteSettings,
            MenuItem,
            Page,
            m2m_through=[Article.categories.through, TaggedArticle],
        )
        checks.register(check_first_run)


class ClinicAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "clinic_site.admin.ClinicAdminSite"
