"""A request whose every field a visitor or the front desk can write holds a marker;
after its whole life (the staff search, a failing save, a failing search, the worker
without a mail server, a backup, the purge) no marker is anywhere but the database."""

import logging
import re
import tarfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from appointments.admin import AppointmentRequestAdmin
from appointments.models import AppointmentRequest
from conftest import error_reports, mailed, post_change_form

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite backups; PostgreSQL uses pg_dump"
)

FIELDS = {
    "full_name": "Quintessa Marklebury",
    "email": "quintessa.marker@example.com",
    "phone": "(617) 555-0177",
    "reason": "Unmistakable-reason-marker pain",
}
NOTES = "Staffnote-marker-31"
MARKERS = [
    "Quintessa",
    "Marklebury",
    "quintessa.marker",
    "555-0177",
    "5550177",
    "Unmistakable-reason-marker",
    "Staffnote-marker",
]
LIST = "/admin/appointments/appointmentrequest/"


class Trail:
    """Every address requested, redirected to or linked from a page (but the phone's
    tel: link on the request's own page, which dials, and travels nowhere)."""

    def __init__(self):
        self.addresses = []

    def __call__(self, response):
        self.addresses.append(
            response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"]
        )
        self.addresses += [
            url for url, _status in getattr(response, "redirect_chain", [])
        ]
        self.addresses.append(response.get("Location", ""))
        if response.get("Content-Type", "").startswith("text/html"):
            page = response.content.decode()
            links = re.findall(r'(?:href|src|action)="([^"]*)"', page)
            self.addresses += [link for link in links if not link.startswith("tel:")]
        return response


def cache_entries() -> list[bytes]:
    return [
        str(key).encode() + value
        for alias in settings.CACHES
        for key, value in caches[alias]._cache.items()
    ]


def archive_members(archive: Path, *, skip=()) -> list[bytes]:
    with tarfile.open(archive) as tar:
        return [
            tar.extractfile(member).read()
            for member in tar.getmembers()
            if member.isfile() and member.name not in skip
        ]


def test_no_marker_leaves_the_database(
    committed_db,
    request_data,
    front_desk,
    sign_in,
    caplog,
    capsys,
    mailoutbox,
    settings,
    tmp_path,
):
    caplog.set_level(logging.DEBUG)
    settings.ADMINS = [("Admins", "admins@clinic.example")]
    settings.NOTIFICATIONS_INLINE = False
    trail = Trail()

    visitor = Client()
    trail(visitor.post("/appointments/request/", request_data(**FIELDS), follow=True))
    appointment = AppointmentRequest.objects.get()

    desk = sign_in(front_desk, on=Client(raise_request_exception=False))
    for term in ["Marklebury", FIELDS["phone"], FIELDS["email"]]:
        found = trail(desk.post(LIST, {"q": term}, follow=True))
        assert list(found.context["cl"].result_list) == [appointment]
    link = re.search(r'href="([^"]*/change/[^"]*)"', found.content.decode())[1]
    trail(desk.get(link.replace("&amp;", "&")))
    trail(post_change_form(desk, appointment, status="contacted", staff_notes=NOTES))
    with mock.patch.object(
        AppointmentRequestAdmin, "save_model", side_effect=RuntimeError("save failed")
    ):
        trail(post_change_form(desk, appointment, status="new", staff_notes=NOTES))
    desk.post(LIST, {"q": "Marklebury"})
    with mock.patch(
        "appointments.admin.phonenumbers.parse", side_effect=RuntimeError("broken")
    ):
        assert trail(desk.get(LIST)).status_code == 500
    reports = error_reports(caplog, mailoutbox)
    assert len(reports) >= 4

    settings.EMAIL_BACKEND = "clinic_site.mail.UnsentMailBackend"
    call_command("notification_worker", "--once")
    assert appointment.notifications.filter(last_error="NoMailServer").count() == 2

    call_command("backup", "--output-dir", str(tmp_path))
    before_purge = next(tmp_path.glob("*.tar.gz"))
    trail(desk.post("/admin/logout/", follow=True))  # the search term leaves with her
    AppointmentRequest.objects.update(
        status="closed", created_at=timezone.now() - timedelta(days=400)
    )
    call_command("purge_requests")
    call_command("backup", "--output-dir", str(tmp_path / "after"))
    after_purge = next((tmp_path / "after").glob("*.tar.gz"))

    database = Path(connection.settings_dict["NAME"])
    places = {
        "log": [caplog.text.encode()],
        "command output": [capsys.readouterr().out.encode()],
        "email": [mailed(message).encode() for message in mailoutbox],
        "error report": [report.encode() for report in reports],
        "address": [address.encode() for address in trail.addresses],
        "cache": cache_entries(),
        "backup (beside its database)": archive_members(
            before_purge, skip={"db.sqlite3"}
        ),
        "backup after the purge": archive_members(after_purge),
        "database files after the purge": [
            path.read_bytes()
            for path in [database, Path(f"{database}-wal")]
            if path.exists()
        ],
    }
    reported = b"".join(places["error report"])
    assert b"save failed" in reported and b"broken" in reported
    found = {
        place: marker
        for place, contents in places.items()
        for content in contents
        for marker in MARKERS
        if marker.encode() in content
    }
    assert found == {}
