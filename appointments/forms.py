import time
import uuid

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.text import visible
from clinic import phones
from clinic.models import Location, Person

CONSENT_VERSION = "2026-11"
CONSENT_TEXT = (
    "I agree that the clinic may store these details and contact me by phone or "
    "email about this request."
)
TOKEN_SALT = "appointments.request-form"
TOKEN_MAX_AGE = 24 * 60 * 60


class RadioSelect(forms.RadioSelect):
    """Radio buttons that pass `autofocus` to their first option only."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        if index:
            option["attrs"].pop("autofocus", None)
        return option


def only_invisible(what_to_do: str) -> ValidationError:
    """The error for a field that held nothing but invisible characters."""
    problem = "We could not read this: it holds only invisible or control characters."
    return ValidationError(f"{problem} {what_to_do}", code="invisible")


def days_open(locations) -> list[tuple[str, str]]:
    """The days on which any of these locations opens, as choices; every day when
    none has its hours recorded (nothing to go by, so nothing is ruled out)."""
    open_days = locations.open_weekdays() or range(7)
    days = AppointmentRequest.Weekday.choices  # Monday first, as open_weekdays counts
    return [days[day] for day in open_days]


def new_form_token() -> str:
    """A signed one-time token: which form this is, and when it was handed out."""
    return signing.dumps(
        {"nonce": uuid.uuid4().hex, "issued": time.time()}, salt=TOKEN_SALT
    )


class AppointmentRequestForm(forms.ModelForm):
    full_name = forms.CharField(
        label="Full name",
        max_length=120,
        error_messages={
            "required": "Please tell us your name.",
            "max_length": "Please shorten your name to 120 characters or fewer.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=30,
        error_messages={
            "required": "Please give us a phone number so we can call you back.",
            "max_length": "That phone number is too long.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Please enter an email address like name@example.com.",
            "max_length": "That email address is too long.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    preferred_days = forms.MultipleChoiceField(
        label="Days that suit you (optional)",
        choices=AppointmentRequest.Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose days from the list."},
    )
    reason = forms.CharField(
        label="Reason for the visit",
        max_length=500,
        help_text=(
            "A few words are enough, e.g. “knee pain when climbing stairs”. "
            "Please do not include detailed medical history."
        ),
        error_messages={
            "required": "Please tell us briefly why you would like to be seen.",
            "max_length": "Please shorten this to 500 characters or fewer "
            "(it has %(show_value)d).",
        },
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": "Please tick this box so we may contact you."},
    )
    website = forms.CharField(  # the honeypot: hidden from people, filled by bots
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        fields = [
            "full_name",
            "phone",
            "email",
            "contact_method",
            "patient_type",
            "location",
            "preferred_provider",
            "preferred_days",
            "preferred_time",
            "reason",
        ]
        labels = {
            "contact_method": "How should we contact you?",
            "patient_type": "Have you been to the clinic before?",
            "location": "Which location?",
            "preferred_provider": "Preferred physician (optional)",
            "preferred_time": "Time of day",
        }
        widgets = {
            "contact_method": RadioSelect,
            "patient_type": RadioSelect,
            "preferred_time": RadioSelect,
        }
        error_messages = {
            "patient_type": {
                "required": "Please tell us whether you are a new patient."
            },
            "location": {
                "required": "Please choose the location you would like to visit.",
                "invalid_choice": "Please choose a location from the list.",
            },
            "preferred_provider": {
                "invalid_choice": "Please choose a physician from the list."
            },
            "contact_method": {"invalid_choice": "Please choose phone or email."},
            "preferred_time": {
                "invalid_choice": "Please choose a time of day from the list."
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locations = Location.objects.active()
        self.fields["location"].queryset = locations
        self.fields["location"].empty_label = "Choose a location"
        self.fields["preferred_days"].choices = days_open(locations)
        self.fields["preferred_provider"].queryset = Person.objects.filter(
            takes_appointments=True
        )
        self.fields["preferred_provider"].empty_label = "No preference"
        self.fields["patient_type"].choices = AppointmentRequest.PatientType.choices
        if not self.is_bound:
            self.initial["form_token"] = new_form_token()
        self.token_nonce = None

    def full_clean(self):
        """Validate, then put the focus on the first field with an error."""
        super().full_clean()
        for field in self.visible_fields():
            if field.errors:
                field.field.widget.attrs["autofocus"] = True
                break

    def error_summary(self) -> list[tuple[str, str]]:
        """Each problem once, as (anchor, message), for the summary above the form.

        The form token's message has no field to point to (the anchor is empty).
        """
        problems = [("", message) for message in self["form_token"].errors]
        for field in self.visible_fields():
            if field.errors:
                anchor = field.auto_id + ("_0" if field.use_fieldset else "")
                problems.append((anchor, field.errors[0]))
        return problems

    @property
    def is_spam(self) -> bool:
        """The honeypot was filled: a bot. (Only meaningful after is_valid().)"""
        return bool(self.cleaned_data.get("website"))

    @property
    def caught_in_a_trap(self) -> bool:
        """Filled the honeypot, or sent quicker than a person types: a bot.

        (Only meaningful after is_valid(); an invalid form may be either.)
        """
        return bool(self.data.get("website")) or self.has_error(
            "form_token", "too_fast"
        )

    def clean_full_name(self):
        name = " ".join(visible(self.cleaned_data["full_name"]).split())
        if not name:
            raise only_invisible("Please type your name.")
        if not any(character.isalpha() for character in name):
            raise ValidationError("Please tell us your name.", code="no_name")
        return name

    def clean_reason(self):
        reason = visible(self.cleaned_data["reason"], lines=True).strip()
        if not reason:
            raise only_invisible(
                "Please tell us briefly why you would like to be seen."
            )
        return reason

    def clean_phone(self):
        number = phones.valid_number(self.cleaned_data["phone"])
        if number is None:
            raise ValidationError(
                "Please enter a phone number we can call, like (617) 555-0123.",
                code="invalid_phone",
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean_form_token(self):
        try:
            token = signing.loads(self.cleaned_data["form_token"], salt=TOKEN_SALT)
        except signing.BadSignature:
            token = None
        age = time.time() - token["issued"] if token else TOKEN_MAX_AGE
        if age >= TOKEN_MAX_AGE:
            self.data = self.data.copy()
            self.data["form_token"] = new_form_token()
            raise ValidationError(
                "This form was open for a long time, so for your safety we could not "
                "accept it. Please check your details and send it again.",
                code="expired",
            )
        if age < settings.APPOINTMENT_MIN_FILL_SECONDS:
            raise ValidationError(
                "That was very quick. Please check your details, then send the form "
                "again.",
                code="too_fast",
            )
        self.token_nonce = token["nonce"]
        return self.cleaned_data["form_token"]

    def clean(self):
        cleaned_data = super().clean()
        wants_email = (
            cleaned_data.get("contact_method") == AppointmentRequest.ContactMethod.EMAIL
        )
        if wants_email and not cleaned_data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                ValidationError(
                    "Please give your email address, or choose a phone call.",
                    code="email_needed",
                ),
            )
        return cleaned_data

    def save(self, *, source_article=None):
        appointment = super().save(commit=False)
        appointment.form_token = self.token_nonce
        appointment.source_article = source_article
        appointment.consented_at = timezone.now()
        appointment.consent_version = CONSENT_VERSION
        if self.is_spam:
            appointment.status = AppointmentRequest.Status.SPAM
        appointment.save()
        return appointment


class FrontDeskForm(forms.ModelForm):
    """What the front desk records on a request: its status, the visit, notes."""

    send_visit_email = forms.BooleanField(
        label="Email the patient this visit's time and place",
        required=False,
        help_text="A plain confirmation: time, place and reference, nothing about "
        "their health. Sent when you save; again if you rebook and tick it again.",
    )

    class Meta:
        model = AppointmentRequest
        fields = [
            "status",
            "scheduled_for",
            "visit_location",
            "visit_physician",
            "staff_notes",
        ]
        labels = {
            "scheduled_for": "Visit booked for",
            "visit_location": "Visit at",
            "visit_physician": "With",
        }
        help_texts = {
            "scheduled_for": "Date and time of the visit, in the clinic's time zone. "
            "Needed to mark the request scheduled."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "visit_location" in self.fields:
            self.fields["visit_location"].queryset = Location.objects.active()
            if self.instance.visit_location_id is None:
                self.initial["visit_location"] = self.instance.location_id
            if self.instance.visit_physician_id is None:
                self.initial["visit_physician"] = self.instance.preferred_provider_id

    def clean(self):
        cleaned_data = super().clean()
        scheduled = cleaned_data.get("status") == AppointmentRequest.Status.SCHEDULED
        if cleaned_data.get("send_visit_email"):
            if not scheduled:
                self._refuse(
                    "send_visit_email",
                    "Only a scheduled visit can be confirmed by email.",
                    "not_scheduled",
                )
            elif not self.instance.email:
                self._refuse(
                    "send_visit_email",
                    "This patient gave no email address: call them instead.",
                    "no_email",
                )
        if not scheduled:
            return cleaned_data
        visit = cleaned_data.get("scheduled_for")
        if visit is None and "scheduled_for" not in self.errors:
            self._refuse(
                "scheduled_for",
                "Give the date and time of the visit to mark it scheduled.",
                "visit_time_needed",
            )
        newly_set = {"status", "scheduled_for"} & set(self.changed_data)
        if visit is not None and newly_set and visit <= timezone.now():
            self._refuse(
                "scheduled_for",
                "This time has passed. Give the date and time of the visit ahead.",
                "visit_in_the_past",
            )
        if not cleaned_data.get("visit_location") and "visit_location" not in (
            self.errors
        ):
            self._refuse(
                "visit_location",
                "Choose where the visit is booked to mark it scheduled.",
                "visit_location_needed",
            )
        return cleaned_data

    def _refuse(self, field, message, code):
        self.add_error(field, ValidationError(message, code=code))
