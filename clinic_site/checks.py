"""System checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def mail_server_is_set(app_configs, **kwargs):
    if settings.EMAIL_HOST:
        return []
    return [
        Warning(
            "No mail server is set: appointment emails and error reports are not "
            "sent (they wait, pending, in the admin's Notifications).",
            hint="Set EMAIL_HOST, and EMAIL_PORT, EMAIL_HOST_USER and "
            "EMAIL_HOST_PASSWORD as the server needs.",
            id="clinic_site.W001",
        )
    ]
