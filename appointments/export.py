"""Requests as a CSV a person opens in a spreadsheet: labels rather than codes, the
clinic's local time to the minute, phone numbers as the clinic dials them, and no cell
a spreadsheet would run as a formula.
"""

import csv

from django.http import HttpResponse
from django.utils import timezone

from appointments.text import spreadsheet_cell
from clinic import phones

PATIENT_TYPES = {"new": "New patient", "existing": "Seen before"}


def local_time(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


COLUMNS = [
    ("Reference", lambda a: a.reference),
    ("Status", lambda a: a.get_status_display()),
    ("Received", lambda a: local_time(a.created_at)),
    ("Name", lambda a: a.full_name),
    ("Phone", lambda a: phones.readable(a.phone)),
    ("Email", lambda a: a.email),
    ("Preferred contact", lambda a: a.get_contact_method_display()),
    ("Patient", lambda a: PATIENT_TYPES.get(a.patient_type, a.patient_type)),
    ("Location", lambda a: a.location.name),
    ("Preferred physician", lambda a: a.preferred_provider or ""),
    ("Preferred days", lambda a: a.preferred_days_display),
    ("Time of day", lambda a: a.get_preferred_time_display()),
    ("Reason", lambda a: a.reason),
    ("Source article", lambda a: a.source_article.title if a.source_article else ""),
    ("Scheduled for", lambda a: local_time(a.scheduled_for)),
    ("Visit at", lambda a: a.visit_location.name if a.visit_location else ""),
    ("With", lambda a: a.visit_physician or ""),
    ("Handled by", lambda a: a.handled_by.get_username() if a.handled_by else ""),
    ("Staff notes", lambda a: a.staff_notes),
]


def csv_response(appointments) -> HttpResponse:
    """One row per request, in the order given; never stored by a cache."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="requests-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # the byte order mark: Excel then reads UTF-8 (José)
    writer = csv.writer(response)
    writer.writerow([header for header, _value in COLUMNS])
    for appointment in appointments:
        writer.writerow(
            [spreadsheet_cell(str(value(appointment))) for _header, value in COLUMNS]
        )
    return response
