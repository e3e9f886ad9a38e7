"""The front desk's workspace. Requests are health information: every read is recorded
(lists, searches, detail and history pages, changes by action, exports), and only the
Front desk group and administrators get in.
"""

import csv
from datetime import timedelta

import phonenumbers
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.views.main import PAGE_VAR, SEARCH_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince

from appointments import notifications
from appointments.models import AccessRecord, AppointmentRequest, Notification
from appointments.text import spreadsheet_cell

EXPORT_FIELDS = [
    "reference",
    "status",
    "created_at",
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
    "source_article",
    "scheduled_for",
    "handled_by",
    "staff_notes",
]


SEARCH_SESSION_KEY = "appointments.search"
SEARCH_MAX_LENGTH = 100


def business_deadline(received):
    """One business day after `received`: weekends do not count."""
    deadline = received + timedelta(days=1)
    while deadline.weekday() >= 5:
        deadline += timedelta(days=1)
    return deadline


def record_access(request, action, appointments):
    references = [appointment.reference for appointment in appointments]
    AccessRecord.objects.create(
        user=request.user,
        username=request.user.get_username(),
        action=action,
        references=", ".join(references),
        request_count=len(references),
    )


class SessionSearchChangeList(ChangeList):
    """The request list, searched by the term kept in the session, never the address.

    A name or phone number in a query string would be written to access logs, carried
    by every result link (`_changelist_filters`) and sent onward in Referer headers.
    """

    def get_queryset(self, request, exclude_parameters=None):
        self.query = request.session.get(SEARCH_SESSION_KEY, "")
        return super().get_queryset(request, exclude_parameters)


def list_address(request) -> str:
    """This list's address with its filters, without a search term or page number."""
    params = request.GET.copy()
    for name in (SEARCH_VAR, PAGE_VAR):
        params.pop(name, None)
    return f"{request.path}?{params.urlencode()}" if params else request.path


class NotificationInline(admin.TabularInline):
    model = Notification
    fields = ["kind", "state", "attempts", "sent_at", "next_attempt_at", "last_error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Emails about this request"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "received",
        "needs_attention",
        "status",
        "location",
        "preferred_provider",
        "source_article",
    ]
    list_filter = ["status", "location", "created_at", "source_article"]
    list_select_related = ["location", "preferred_provider", "source_article"]
    search_fields = ["=reference", "full_name", "email", "phone"]
    date_hierarchy = "created_at"
    actions = [
        "mark_contacted",
        "mark_scheduled",
        "mark_closed",
        "mark_spam",
        "export_csv",
    ]
    inlines = [NotificationInline]
    readonly_fields = [
        "reference",
        "created_at",
        "updated_at",
        "full_name",
        "phone_display",
        "email",
        "contact_method",
        "patient_type",
        "location",
        "preferred_provider",
        "preferred_days_display",
        "preferred_time",
        "reason",
        "source_article",
        "consented_at",
        "consent_version",
        "handled_by",
    ]
    fieldsets = [
        ("Request", {"fields": ["reference", "created_at", "source_article"]}),
        (
            "Patient",
            {
                "fields": [
                    "full_name",
                    "phone_display",
                    "email",
                    "contact_method",
                    "patient_type",
                ]
            },
        ),
        (
            "Visit wished for",
            {
                "fields": [
                    "location",
                    "preferred_provider",
                    "preferred_days_display",
                    "preferred_time",
                    "reason",
                ]
            },
        ),
        (
            "Front desk",
            {"fields": ["status", "scheduled_for", "staff_notes", "handled_by"]},
        ),
        ("Consent", {"fields": ["consented_at", "consent_version", "updated_at"]}),
    ]

    def has_add_permission(self, request):
        return False  # requests come from patients, through the form

    def has_export_permission(self, request):
        return request.user.has_perm("appointments.export_appointmentrequest")

    def get_changelist(self, request, **kwargs):
        return SessionSearchChangeList

    def changelist_view(self, request, extra_context=None):
        """Searches are posted (templates/admin/appointments/appointmentrequest/
        search_form.html) and kept in the session; a term typed into the address is
        dropped unsearched."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if request.method == "POST" and SEARCH_VAR in request.POST:
            term = request.POST[SEARCH_VAR].strip()[:SEARCH_MAX_LENGTH]
            request.session[SEARCH_SESSION_KEY] = term
            return redirect(list_address(request))
        if SEARCH_VAR in request.GET:
            return redirect(list_address(request))
        response = super().changelist_view(request, extra_context)
        if changelist := getattr(response, "context_data", {}).get("cl"):
            action = (
                AccessRecord.Action.SEARCH
                if changelist.query
                else AccessRecord.Action.LIST
            )
            record_access(request, action, changelist.result_list)
        return response

    def get_search_fields(self, request):
        # Requests are searched from their list alone: the admin's autocomplete (over
        # a notification's request, say) takes the term in its address and would show
        # matches unrecorded. Without search fields it answers 404.
        if request.resolver_match.url_name == "autocomplete":
            return []
        return super().get_search_fields(request)

    def get_search_results(self, request, queryset, search_term):
        """Find a phone number however it is typed: stored numbers are +1XXXXXXXXXX."""
        try:
            number = phonenumbers.parse(search_term, "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and phonenumbers.is_valid_number(number):
            search_term = phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.E164
            )
        return super().get_search_results(request, queryset, search_term)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Recorded whenever the record is shown: opened, or sent back with errors."""
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200:
            shown = response.context_data["original"]
            record_access(request, AccessRecord.Action.VIEW, [shown])
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        if response.status_code == 200:
            shown = response.context_data["object"]
            record_access(request, AccessRecord.Action.VIEW, [shown])
        return response

    def save_model(self, request, obj, form, change):
        if form.changed_data:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Received", ordering="created_at")
    def received(self, obj):
        return f"{timesince(obj.created_at)} ago"

    @admin.display(description="Attention")
    def needs_attention(self, obj):
        if obj.status == AppointmentRequest.Status.NEW and (
            timezone.now() > business_deadline(obj.created_at)
        ):
            return format_html(
                '<strong class="overdue">{}</strong>', "Overdue: call today"
            )
        return ""

    @admin.display(description="Phone")
    def phone_display(self, obj):
        number = phonenumbers.parse(obj.phone, "US")
        national = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL
        )
        return format_html('<a href="tel:{}">{}</a>', obj.phone, national)

    @admin.display(description="Preferred days")
    def preferred_days_display(self, obj):
        return obj.preferred_days_display

    @admin.action(description="Mark selected as contacted", permissions=["change"])
    def mark_contacted(self, request, queryset):
        self._set_status(request, queryset, AppointmentRequest.Status.CONTACTED)

    @admin.action(description="Mark selected as scheduled", permissions=["change"])
    def mark_scheduled(self, request, queryset):
        self._set_status(request, queryset, AppointmentRequest.Status.SCHEDULED)

    @admin.action(description="Mark selected as closed", permissions=["change"])
    def mark_closed(self, request, queryset):
        self._set_status(request, queryset, AppointmentRequest.Status.CLOSED)

    @admin.action(description="Mark selected as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, AppointmentRequest.Status.SPAM)

    def _set_status(self, request, queryset, status):
        """Change each request, and record it as a save from its page would be."""
        changed = list(queryset.exclude(status=status))
        for appointment in changed:
            appointment.status = status
            appointment.handled_by = request.user
            appointment.save(update_fields=["status", "handled_by", "updated_at"])
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=changed,
            action_flag=CHANGE,
            change_message=[{"changed": {"fields": ["Status", "Handled by"]}}],
        )
        record_access(request, AccessRecord.Action.CHANGE, changed)
        label = AppointmentRequest.Status(status).label.lower()
        self.message_user(
            request, f"{len(changed)} request(s) marked {label}.", messages.SUCCESS
        )

    @admin.action(description="Export selected to CSV", permissions=["export"])
    def export_csv(self, request, queryset):
        appointments = list(
            queryset.select_related(
                "location", "preferred_provider", "source_article", "handled_by"
            )
        )
        record_access(request, AccessRecord.Action.EXPORT, appointments)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="requests-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow(EXPORT_FIELDS)
        for appointment in appointments:
            writer.writerow([_csv_cell(appointment, field) for field in EXPORT_FIELDS])
        return response


def _csv_cell(appointment, field):
    value = getattr(appointment, field)
    if field == "preferred_days":
        value = appointment.preferred_days_display
    return "" if value is None else spreadsheet_cell(str(value))


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "request",
        "kind",
        "state",
        "attempts",
        "failing_since",
        "last_error",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["state", "kind", "failing_since"]
    list_select_related = ["request"]
    readonly_fields = [
        "request",
        "kind",
        "state",
        "attempts",
        "failing_since",
        "last_error",
        "next_attempt_at",
        "claimed_at",
        "sent_at",
    ]
    actions = ["send_again"]

    @admin.action(description="Send selected emails again", permissions=["change"])
    def send_again(self, request, queryset):
        count = notifications.send_again(queryset)
        self.message_user(
            request,
            f"{count} email(s) will be sent again by the notification worker "
            "within a few seconds (sent emails are left as they are).",
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    """Administrators read the record; nobody edits it."""

    list_display = ["at", "username", "action", "request_count", "references"]
    list_filter = ["action", "at"]
    search_fields = ["username", "references"]
    date_hierarchy = "at"

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
