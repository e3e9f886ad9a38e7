"""Emails about appointment requests: owed in the same transaction, sent after it.

A Notification row is written with its request, so a crash or a mail server that is
down loses nothing: the row waits, and `deliver_due` (run by `notification_worker`,
or at once after the commit when NOTIFICATIONS_INLINE is on) sends it. A row is
claimed by a conditional update before sending, so two workers never send the same
mail. A failed send is retried, at most half an hour apart, for three days; then the
row is marked failed and waits for someone to send it again from the admin. While any
is failing the admin's home page and /healthz say so. Messages carry a reference and
a link, or the time and place of a booked visit, never what the visitor wrote.

A visit's email is made when it is sent, so it goes only while the visit is still
booked: one owed for a request since un-scheduled, marked spam or closed is marked
as not sent, whether it was waiting for the mail server or sent again from the admin.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from appointments.models import AppointmentRequest, Notification
from clinic.models import SiteSettings

logger = logging.getLogger(__name__)

RETRY_FOR = timedelta(days=3)  # a long weekend's outage, noticed on Monday
LONGEST_RETRY_DELAY = timedelta(minutes=30)
STALE_CLAIM = timedelta(minutes=10)  # a worker that claimed a row and then died


def queue_for(appointment: AppointmentRequest) -> None:
    """Record the emails this new request needs (call inside its transaction)."""
    if appointment.status == AppointmentRequest.Status.SPAM:
        return
    kinds = []
    if settings.APPOINTMENT_NOTIFY_EMAILS:
        kinds.append(Notification.Kind.STAFF)
    if appointment.email:
        kinds.append(Notification.Kind.VISITOR)
    Notification.objects.bulk_create(
        [Notification(request=appointment, kind=kind) for kind in kinds]
    )
    if settings.NOTIFICATIONS_INLINE:
        transaction.on_commit(lambda: deliver_due(request_id=appointment.pk))


def queue_visit_confirmation(appointment: AppointmentRequest) -> None:
    """Owe the visitor an email about their booked visit: afresh if it was rebooked
    (call inside the transaction that books it)."""
    Notification.objects.update_or_create(
        request=appointment,
        kind=Notification.Kind.VISIT,
        defaults={
            "state": Notification.State.PENDING,
            "attempts": 0,
            "next_attempt_at": timezone.now(),
            "claimed_at": None,
            "sent_at": None,
            "last_error": "",
            "failing_since": None,
        },
    )
    if settings.NOTIFICATIONS_INLINE:
        transaction.on_commit(lambda: deliver_due(request_id=appointment.pk))


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 ... minutes after each failure, at most half an hour."""
    doublings = min(attempts - 1, 10)  # bounded: 2 ** 150 minutes overflows timedelta
    return min(timedelta(minutes=2**doublings), LONGEST_RETRY_DELAY)


def deliver_due(*, request_id=None, limit: int = 100) -> int:
    """Send the notifications whose time has come; return how many were sent."""
    release_stale_claims()
    due = Notification.objects.due().order_by("next_attempt_at")
    if request_id is not None:
        due = due.filter(request_id=request_id)
    sent = 0
    for notification_id in due.values_list("pk", flat=True)[:limit]:
        sent += deliver(notification_id)
    return sent


def release_stale_claims() -> None:
    Notification.objects.filter(
        state=Notification.State.SENDING, claimed_at__lt=timezone.now() - STALE_CLAIM
    ).update(state=Notification.State.PENDING, claimed_at=None)


def deliver(notification_id: int) -> bool:
    """Claim one pending notification and send it; False if another worker has it."""
    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, state=Notification.State.PENDING, next_attempt_at__lte=now
    ).update(
        state=Notification.State.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related(
        "request", "request__visit_location"
    ).get(pk=notification_id)
    if (
        notification.kind == Notification.Kind.VISIT
        and not notification.request.is_booked
    ):
        _close(notification, Notification.State.UNBOOKED)
        return False
    try:
        _message(notification).send()
    except (smtplib.SMTPException, OSError) as error:
        _record_failure(notification, error)
        return False
    _close(notification, Notification.State.SENT, sent_at=timezone.now())
    return True


def _close(notification: Notification, state: str, sent_at=None) -> None:
    """Done with: sent, or no longer to be sent; no longer failing either way."""
    notification.state = state
    notification.sent_at = sent_at
    notification.last_error = ""
    notification.failing_since = None
    notification.save(update_fields=["state", "sent_at", "last_error", "failing_since"])


def send_again(notifications) -> int:
    """Make failed or waiting emails due now, with their retries counted afresh."""
    return notifications.filter(
        state__in=[Notification.State.PENDING, Notification.State.FAILED]
    ).update(
        state=Notification.State.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        failing_since=None,
    )


def _record_failure(notification: Notification, error: Exception) -> None:
    # Only the kind of error: SMTP replies can quote the visitor's address.
    code = getattr(error, "smtp_code", None)
    notification.last_error = type(error).__name__ + (f" ({code})" if code else "")
    now = timezone.now()
    notification.failing_since = notification.failing_since or now
    if now - notification.failing_since >= RETRY_FOR:
        notification.state = Notification.State.FAILED
    else:
        notification.state = Notification.State.PENDING
        notification.next_attempt_at = now + retry_delay(notification.attempts)
    notification.save(
        update_fields=["state", "next_attempt_at", "last_error", "failing_since"]
    )
    logger.warning(
        "Notification %s for request id %s failed (attempt %s): %s",
        notification.pk,
        notification.request_id,
        notification.attempts,
        notification.last_error,
    )


def _message(notification: Notification) -> EmailMessage:
    appointment = notification.request
    site = SiteSettings.objects.current()
    context = {
        "reference": appointment.reference,
        "clinic_name": site.name,
        "clinic_phone": site.phone,
        "admin_url": settings.SITE_URL + appointment.get_admin_url(),
    }
    if notification.kind == Notification.Kind.STAFF:
        subject = f"New appointment request {appointment.reference}"
        template = "appointments/email/staff_alert.txt"
        recipients = settings.APPOINTMENT_NOTIFY_EMAILS
    elif notification.kind == Notification.Kind.VISIT:
        subject = f"Your visit is booked ({appointment.reference})"
        template = "appointments/email/visit_confirmation.txt"
        recipients = [appointment.email]
        context |= {
            "visit_at": timezone.localtime(appointment.scheduled_for),
            "location": appointment.visit_location,
        }
    else:
        subject = f"We received your appointment request ({appointment.reference})"
        template = "appointments/email/visitor_confirmation.txt"
        recipients = [appointment.email]
    body = render_to_string(template, context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
