from django.apps import AppConfig
from django.core import checks


class AppointmentsConfig(AppConfig):
    name = "appointments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from appointments.checks import rate_limit_is_on

        checks.register(rate_limit_is_on, checks.Tags.security, deploy=True)
