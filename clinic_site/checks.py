"""System checks of our own: what the site still lacks (every `manage.py check`) and
the settings a deploy needs (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError

from clinic_site import first_run


@register
def site_is_ready(app_configs, **kwargs):
    try:
        lacking = first_run.problems()
    except DatabaseError:  # no database yet, or not migrated: nothing to judge
        return []
    return [Warning(p.message, hint=p.hint, id=p.id) for p in lacking]


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
