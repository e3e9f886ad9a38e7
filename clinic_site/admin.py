from django.conf import settings
from django.contrib import admin
from django.urls import path

from appointments.reports import may_see_report, source_report


class ClinicAdminSite(admin.AdminSite):
    site_title = "Clinic staff"
    index_title = "What would you like to do?"
    index_template = "admin/clinic_index.html"

    @property
    def site_header(self):
        return f"{settings.CLINIC_NAME}: staff"

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
