from django.conf import settings
from django.core.checks import Warning


def rate_limit_is_on(app_configs, **kwargs):
    """A deploy check: the request form's rate limit was turned off."""
    if not settings.APPOINTMENT_RATE_LIMIT_OFF:
        return []
    return [
        Warning(
            "The appointment form's rate limit is off (APPOINTMENT_RATE_LIMIT_OFF).",
            hint="It is for load tests from one address; production leaves it on.",
            id="appointments.W001",
        )
    ]
