"""Appointment requests (health information), their emails and who read them."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from blog.models import Article
from clinic.models import Location, Person

# Crockford's base32: no I, L, O or U, so a reference read aloud is unambiguous.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class AppointmentRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SCHEDULED = "scheduled", "Scheduled"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    class ContactMethod(models.TextChoices):
        PHONE = "phone", "Phone call"
        EMAIL = "email", "Email"

    class PatientType(models.TextChoices):
        NEW = "new", "I am a new patient"
        EXISTING = "existing", "I have been seen here before"

    class TimeOfDay(models.TextChoices):
        ANY = "any", "Any time"
        MORNING = "morning", "Morning"
        AFTERNOON = "afternoon", "Afternoon"

    class Weekday(models.TextChoices):  # in the order of clinic.models.Weekday
        MONDAY = "mon", "Monday"
        TUESDAY = "tue", "Tuesday"
        WEDNESDAY = "wed", "Wednesday"
        THURSDAY = "thu", "Thursday"
        FRIDAY = "fri", "Friday"
        SATURDAY = "sat", "Saturday"
        SUNDAY = "sun", "Sunday"

    reference = models.CharField(
        max_length=REFERENCE_LENGTH, unique=True, default=new_reference, editable=False
    )
    form_token = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status, default=Status.NEW)
    full_name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20)
    contact_method = models.CharField(
        "preferred contact",
        max_length=10,
        choices=ContactMethod,
        default=ContactMethod.PHONE,
    )
    patient_type = models.CharField(max_length=10, choices=PatientType)
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="requests"
    )
    preferred_provider = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"takes_appointments": True},
        related_name="appointment_requests",
    )
    preferred_days = models.JSONField(default=list, blank=True)
    preferred_time = models.CharField(
        max_length=10, choices=TimeOfDay, default=TimeOfDay.ANY
    )
    reason = models.TextField("reason for the visit", max_length=500)
    source_article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointment_requests",
    )
    consented_at = models.DateTimeField()
    consent_version = models.CharField(max_length=20)
    staff_notes = models.TextField(blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_appointment_requests",
    )
    scheduled_for = models.DateTimeField(null=True, blank=True)
    visit_location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        help_text="Where the visit is booked (needed to mark the request scheduled).",
    )
    visit_physician = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"takes_appointments": True},
        related_name="visits",
        help_text="Optional: who the patient will see.",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="request_status_idx")
        ]
        permissions = [("export_appointmentrequest", "Can export appointment requests")]

    def __str__(self):
        return f"Request {self.reference}"

    def get_admin_url(self):
        return reverse("admin:appointments_appointmentrequest_change", args=[self.pk])

    @property
    def is_booked(self) -> bool:
        """Scheduled, with the time and place of the visit."""
        return (
            self.status == self.Status.SCHEDULED
            and self.scheduled_for is not None
            and self.visit_location_id is not None
        )

    @property
    def preferred_days_display(self) -> str:
        labels = dict(self.Weekday.choices)
        return (
            ", ".join(labels[day] for day in self.preferred_days if day in labels)
            or "Any day"
        )


class NotificationQuerySet(models.QuerySet):
    def due(self):
        return self.filter(
            state=Notification.State.PENDING, next_attempt_at__lte=timezone.now()
        )

    def failing(self):
        """Emails whose last attempt failed: retried for a while, or given up."""
        return self.filter(
            state__in=[Notification.State.PENDING, Notification.State.FAILED],
            failing_since__isnull=False,
        )


class Notification(models.Model):
    """An email owed about a request: written with it, sent after, retried until sent.

    It holds no address and no text: both are made when it is sent, and neither
    carries anything the visitor wrote.
    """

    class Kind(models.TextChoices):
        STAFF = "staff", "Front desk alert"
        VISITOR = "visitor", "Confirmation to the visitor"
        VISIT = "visit", "Booked visit, to the visitor"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed for 3 days (send it again)"
        UNBOOKED = "unbooked", "Not sent: the visit is no longer booked"

    request = models.ForeignKey(
        AppointmentRequest, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    state = models.CharField(max_length=10, choices=State, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    failing_since = models.DateTimeField(
        null=True, blank=True, help_text="The first of the failures since it was due."
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind"], name="one_notification_per_kind"
            )
        ]
        indexes = [
            models.Index(
                fields=["state", "next_attempt_at"], name="notification_due_idx"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.request.reference}"


class AccessRecord(models.Model):
    """Who saw, changed or exported which requests, and when. Never edited."""

    class Action(models.TextChoices):
        LIST = "list", "Listed"
        SEARCH = "search", "Searched and listed"
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed by an action"
        EXPORT = "export", "Exported"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=Action)
    references = models.TextField(help_text="References of the requests concerned.")
    request_count = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return (
            f"{self.username} {self.get_action_display().lower()} {self.request_count}"
        )
