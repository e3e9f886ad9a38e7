from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import path, reverse

from appointments.reports import may_see_report, source_report
from clinic_site.context_processors import site_chrome
from clinic_site.page_cache import content_version


def needs_second_factor(user) -> bool:
    """Accounts that can see appointment requests must sign in with a second factor."""
    return user.has_perm("appointments.view_appointmentrequest")


class ClinicAdminSite(admin.AdminSite):
    site_title = "Clinic staff"
    index_title = "What would you like to do?"
    index_template = "admin/clinic_index.html"

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
