from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_permission_codename
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse

from appointments.models import Notification
from appointments.reports import may_see_report, source_report


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

    @property
    def site_header(self):
        return f"{settings.CLINIC_NAME}: staff"

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
        failing = 0
        if request.user.has_perm("appointments.view_notification"):
            failing = Notification.objects.failing().count()
        context = {"failing_notifications": failing} | (extra_context or {})
        return super().index(request, context)

    def autocomplete_view(self, request):
        return FieldAutocompleteView.as_view(admin_site=self)(request)

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
