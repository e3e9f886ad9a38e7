"""The email backend for a production server without a mail server (no EMAIL_HOST).

Django's console backend would print every message, visitors' addresses included, to
the worker's output. This one sends nothing and says so without naming anyone. It
raises, so owed notifications stay pending and go out once EMAIL_HOST is set; and
`check --deploy` warns while it is missing (clinic_site/checks.py).
"""

import logging
import smtplib

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class NoMailServer(smtplib.SMTPException):
    """Raised in place of sending: EMAIL_HOST is not set."""


class UnsentMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        logger.error(
            "%d email(s) not sent: no mail server is set (EMAIL_HOST).",
            len(email_messages),
        )
        if self.fail_silently:
            return 0
        raise NoMailServer("No mail server is set (EMAIL_HOST).")
