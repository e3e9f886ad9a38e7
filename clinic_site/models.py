from django.conf import settings
from django.db import models


class EnrolmentCode(models.Model):
    """A one-time code that lets its holder set up a second factor for one account.

    An administrator issues it and hands it over out of band (in person, by phone), so
    that a password alone, guessed or stolen, cannot enrol the thief's authenticator.
    Kept hashed, like a password; used once; expires (clinic_site/enrolment.py).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    code_hash = models.CharField(max_length=128)
    expires_at = models.DateTimeField()

    def __str__(self):
        return f"Enrolment code for user {self.user_id}"
