from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse

from appointments.reports import may_see_report, source_report
from clinic_site import first_run
from clinic_site.context_processors import site_chrome
from clinic_site.models import MenuItem
from clinic_site.page_cache import content_version


def needs_second_factor(user) -> bool:
    """Accounts that can see appointment requests must sign in with a second factor."""
    return user.has_perm("appointments.view_appointmentrequest")


class ClinicAdminSite(admin.AdminSite):
    site_title = "Clinic staff"
    index_title = "What would you like to do?"
    index_template = "admin/clinic_index.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not @admin.register: this module is imported while `admin.site` is being
        # made (it holds this class), so the decorator would reach a half-made site.
        self.register(MenuItem, MenuItemAdmin)

    @property
    def site_header(self):
        return f"{site_chrome(content_version())['site'].name}: staff"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return request.user.is_verified() or not needs_second_factor(request.user)

    def login(self, request, extra_context=None):
        """Staff sign in through the two-step form; some must set up a second factor."""
        user = request.user
        if user.is_active and user.is_staff and needs_second_factor(user):
            if not user.is_verified():
                return redirect("two_factor:setup")
        next_url = request.GET.get("next", reverse("admin:index"))
        return redirect_to_login(next_url)

    def index(self, request, extra_context=None):
        """The home page, with what the site still lacks for those who can fix it."""
        lacking = []
        if request.user.has_perm("clinic.change_sitesettings"):
            lacking = first_run.problems()
        context = (extra_context or {}) | {"first_run_problems": lacking}
        return super().index(request, context)

    def get_urls(self):
        report = path(
            "reports/request-sources/",
            self.admin_view(source_report),
            name="request_sources",
        )
        return [report, *super().get_urls()]

    def each_context(self, request):
        return super().each_context(request) | {
            "may_see_report": may_see_report(request.user)
        }


class MenuItemAdmin(admin.ModelAdmin):
    """The header menu and the footer links, each in the order of its positions."""

    list_display = ["text", "leads_to", "menu", "position"]
    list_editable = ["position"]
    list_filter = ["menu"]
    list_select_related = ["page", "category"]
    fieldsets = [
        (None, {"fields": ["menu", "position", "label"]}),
        (
            "Where the link leads",
            {
                "fields": ["page", "category", "section", "url"],
                "description": "Choose one: a page, a category, a section of the site "
                "or an outside address.",
            },
        ),
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="link")
    def text(self, item):
        return item.text

    @admin.display(description="leads to")
    def leads_to(self, item) -> str:
        if item.page_id:
            shown = "" if item.page.is_public else " (not published: not shown)"
            return f"Page: {item.page.title}{shown}"
        if item.category_id:
            return f"Category: {item.category.name}"
        if item.section:
            return f"Section: {item.get_section_display()}"
        return item.url
