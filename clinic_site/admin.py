from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_permission_codename
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import path, reverse

from appointments import dashboard
from appointments.models import Notification
from appointments.readership_report import may_see_readership, readership_report
from appointments.reports import may_see_report, source_report
from blog.dashboard import editor_home
from clinic_site import first_run
from clinic_site.context_processors import site_chrome
from clinic_site.models import MenuItem
from clinic_site.page_cache import content_version
from clinic_site.site_addresses import site_addresses


def needs_second_factor(user) -> bool:
    """Accounts that can see appointment requests must sign in with a second factor."""
    return user.has_perm("appointments.view_appointmentrequest")


class FieldAutocompleteView(AutocompleteJsonView):
    """Django's, only over fields the user can fill in: a relation declared on a model
    they may add or change.

    Django checks the searched model only, and accepts any field the query string
    names: a reverse relation (articles over `appointment_requests`) was a 500.
    """

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(
            request
        )
        opts = source_field.model._meta
        may_fill_in = any(
            request.user.has_perm(
                f"{opts.app_label}.{get_permission_codename(action, opts)}"
            )
            for action in ("add", "change")
        )
        if source_field.auto_created or not may_fill_in:
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name


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
        """The home page, with the emails that could not be sent, what the site still
        lacks, the day's requests per location and the editors' articles to see to,
        each for those who can act on it."""
        failing = 0
        if request.user.has_perm("appointments.view_notification"):
            failing = Notification.objects.failing().count()
        lacking = []
        if request.user.has_perm("clinic.change_sitesettings"):
            lacking = first_run.problems()
        requests_by_location = []
        if request.user.has_perm("appointments.view_appointmentrequest"):
            requests_by_location = dashboard.location_counts()
        articles = {}
        if request.user.has_perm("blog.change_article"):
            articles = editor_home(request.user)
        context = {
            "failing_notifications": failing,
            "first_run_problems": lacking,
            "requests_by_location": requests_by_location,
            "articles": articles,
        } | (extra_context or {})
        return super().index(request, context)

    def autocomplete_view(self, request):
        return FieldAutocompleteView.as_view(admin_site=self)(request)

    def get_urls(self):
        report = path(
            "reports/request-sources/",
            self.admin_view(source_report),
            name="request_sources",
        )
        readership = path(
            "reports/readership/",
            self.admin_view(readership_report),
            name="readership",
        )
        addresses = path(
            "site-addresses/",
            self.admin_view(site_addresses),
            name="site_addresses",
        )
        return [report, readership, addresses, *super().get_urls()]

    def each_context(self, request):
        return super().each_context(request) | {
            "may_see_report": may_see_report(request.user),
            "may_see_readership": may_see_readership(request.user),
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
