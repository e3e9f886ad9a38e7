from django.conf import settings
from django.contrib import admin


class ClinicAdminSite(admin.AdminSite):
    site_title = "Clinic staff"
    index_title = "What would you like to do?"

    @property
    def site_header(self):
        return f"{settings.CLINIC_NAME}: staff"
