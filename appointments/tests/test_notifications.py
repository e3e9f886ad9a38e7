"""Emails about requests: sent after the commit, never with what the visitor wrote,
and never lost when the mail server is down."""

import itertools
import re
import signal
import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.db import ProgrammingError, connection
from django.urls import reverse
from django.utils import timezone
from redis.exceptions import ResponseError

from appointments import notifications
from appointments.models import AppointmentRequest, Notification
from clinic.models import SiteSettings
from conftest import mailed

URL = "/appointments/request/"
MARKED = {
    "full_name": "Quintessa Marklebury",
    "phone": "(617) 555-0177",
    "email": "quintessa.marker@example.com",
    "reason": "Unmistakable-reason-marker pain",
}


@pytest.fixture
def inline(settings):
    settings.NOTIFICATIONS_INLINE = True
    settings.APPOINTMENT_NOTIFY_EMAILS = ["frontdesk@clinic.example"]


def submit(client, request_data, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, request_data(**MARKED | overrides))
    assert response.status_code == 302
    return AppointmentRequest.objects.get()


def test_staff_and_visitor_are_emailed_after_the_commit(
    client, request_data, django_capture_on_commit_callbacks, inline, mailoutbox
):
    appointment = submit(client, request_data, django_capture_on_commit_callbacks)
    staff, visitor = sorted(
        mailoutbox, key=lambda m: m.to != ["frontdesk@clinic.example"]
    )
    assert staff.to == ["frontdesk@clinic.example"]
    assert visitor.to == [MARKED["email"]]
    assert appointment.reference in staff.body and appointment.reference in visitor.body
    assert (
        f"/admin/appointments/appointmentrequest/{appointment.pk}/change/" in staff.body
    )
    assert set(appointment.notifications.values_list("state", flat=True)) == {"sent"}


def test_the_staff_email_carries_nothing_the_visitor_wrote(
    client, request_data, django_capture_on_commit_callbacks, inline, mailoutbox
):
    submit(client, request_data, django_capture_on_commit_callbacks)
    staff = next(m for m in mailoutbox if m.to == ["frontdesk@clinic.example"])
    text = mailed(staff)
    for marker in [
        "Quintessa",
        "Marklebury",
        "555-0177",
        "5550177",
        "quintessa.marker",
        "Unmistakable-reason-marker",
    ]:
        assert marker not in text


def test_the_visitor_email_carries_only_its_address_from_what_they_wrote(
    client, request_data, django_capture_on_commit_callbacks, inline, mailoutbox
):
    submit(client, request_data, django_capture_on_commit_callbacks)
    visitor = next(m for m in mailoutbox if m.to == [MARKED["email"]])
    text = visitor.subject + visitor.body
    for marker in [
        "Quintessa",
        "Marklebury",
        "555-0177",
        "5550177",
        "quintessa.marker",
        "Unmistakable-reason-marker",
    ]:
        assert marker not in text


def test_plain_text_emails_show_the_clinic_name_unescaped(
    client, request_data, django_capture_on_commit_callbacks, inline, mailoutbox
):
    site = SiteSettings.objects.current()
    site.name = "Riverside Bone & Joint <Clinic>"
    site.save()
    submit(client, request_data, django_capture_on_commit_callbacks)
    visitor = next(m for m in mailoutbox if m.to == [MARKED["email"]])
    assert "Riverside Bone & Joint <Clinic>" in visitor.body
    assert "&amp;" not in visitor.body and "&lt;" not in visitor.body
    assert visitor.body.startswith("Thank you")


def test_no_visitor_email_without_an_address(
    client, request_data, django_capture_on_commit_callbacks, inline, mailoutbox
):
    submit(client, request_data, django_capture_on_commit_callbacks, email="")
    assert [m.to for m in mailoutbox] == [["frontdesk@clinic.example"]]


class BrokenMailServer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_mail_server_that_is_down_keeps_the_request_and_retries_later(
    client,
    request_data,
    django_capture_on_commit_callbacks,
    inline,
    settings,
    time_machine,
):
    settings.EMAIL_BACKEND = "appointments.tests.test_notifications.BrokenMailServer"
    appointment = submit(client, request_data, django_capture_on_commit_callbacks)
    pending = appointment.notifications.all()
    assert {n.state for n in pending} == {"pending"}
    assert {n.last_error for n in pending} == {"SMTPServerDisconnected"}
    assert all(n.next_attempt_at > timezone.now() for n in pending)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine(minutes=2)
    call_command("notification_worker", "--once")
    assert {n.state for n in appointment.notifications.all()} == {"sent"}
    assert len(mail.outbox) == 2


def test_without_a_mail_server_the_worker_keeps_emails_and_prints_no_address(
    client,
    request_data,
    django_capture_on_commit_callbacks,
    settings,
    capsys,
    caplog,
):
    settings.EMAIL_BACKEND = "clinic_site.mail.UnsentMailBackend"
    appointment = submit(client, request_data, django_capture_on_commit_callbacks)
    call_command("notification_worker", "--once")
    output = capsys.readouterr()
    assert MARKED["email"] not in output.out + output.err + caplog.text
    assert "not sent: no mail server is set" in caplog.text
    pending = appointment.notifications.all()
    assert {(n.state, n.last_error) for n in pending} == {("pending", "NoMailServer")}


BROKEN = "appointments.tests.test_notifications.BrokenMailServer"


def fail_until_given_up(notification, time_machine) -> list:
    """Send with the mail server down at each due time; return the attempts' times."""
    attempts = []
    while notification.state == Notification.State.PENDING:
        wait = notification.next_attempt_at - timezone.now()
        time_machine(seconds=max(wait.total_seconds(), 0))
        attempts.append(timezone.now())
        notifications.deliver_due()
        notification.refresh_from_db()
    return attempts


def test_a_failing_email_is_retried_for_three_days_at_most_half_an_hour_apart(
    make_request, settings, time_machine
):
    settings.EMAIL_BACKEND = BROKEN
    notification = Notification.objects.create(request=make_request(), kind="staff")
    attempts = fail_until_given_up(notification, time_machine)
    assert attempts[-1] - attempts[0] >= timedelta(days=3)
    gaps = [later - earlier for earlier, later in itertools.pairwise(attempts)]
    assert max(gaps) < timedelta(minutes=30, seconds=1)
    assert notification.state == Notification.State.FAILED
    assert notification.last_error == "SMTPServerDisconnected"


def send_again_from_the_admin(client, notification) -> None:
    """The admin's "send again" action, then a round of the worker."""
    client.post(
        reverse("admin:appointments_notification_changelist"),
        {"action": "send_again", "_selected_action": [notification.pk]},
    )
    call_command("notification_worker", "--once")
    notification.refresh_from_db()


def test_an_email_given_up_on_is_sent_again_from_the_admin(
    client, administrator, make_request, settings, sign_in, time_machine, mailoutbox
):
    settings.EMAIL_BACKEND = BROKEN
    notification = Notification.objects.create(request=make_request(), kind="staff")
    fail_until_given_up(notification, time_machine)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sign_in(administrator)
    send_again_from_the_admin(client, notification)
    assert (notification.state, notification.failing_since) == ("sent", None)
    assert len(mail.outbox) == 1


def queue_visit_email_while_the_mail_server_is_down(make_request, settings):
    appointment = make_request(
        status="scheduled",
        scheduled_for=timezone.now() + timedelta(days=3),
        visit_location=make_request().location,
    )
    settings.EMAIL_BACKEND = BROKEN
    notifications.queue_visit_confirmation(appointment)
    notifications.deliver_due()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return appointment, appointment.notifications.get(kind="visit")


@pytest.mark.parametrize(
    ("change", "sent"),
    [
        ({}, True),
        ({"status": "contacted"}, False),
        ({"status": "spam"}, False),
        ({"status": "closed"}, False),
        ({"scheduled_for": None}, False),
        ({"visit_location": None}, False),
    ],
    ids=["still booked", "unscheduled", "spam", "closed", "no time", "no place"],
)
def test_a_waiting_visit_email_goes_only_while_the_visit_is_booked(
    make_request, settings, time_machine, mailoutbox, change, sent
):
    appointment, email = queue_visit_email_while_the_mail_server_is_down(
        make_request, settings
    )
    assert (email.state, email.last_error) == ("pending", "SMTPServerDisconnected")
    AppointmentRequest.objects.filter(pk=appointment.pk).update(**change)

    time_machine(minutes=2)
    call_command("notification_worker", "--once")
    email.refresh_from_db()
    if sent:
        assert email.state == "sent"
        (message,) = mailoutbox
        assert appointment.reference in message.subject
    else:
        assert (email.state, email.sent_at) == ("unbooked", None)
        assert mailoutbox == []
        assert not Notification.objects.failing().exists()


def test_a_visit_email_sent_again_from_the_admin_after_unbooking_is_not_sent(
    client, administrator, make_request, settings, sign_in, time_machine, mailoutbox
):
    appointment, email = queue_visit_email_while_the_mail_server_is_down(
        make_request, settings
    )
    settings.EMAIL_BACKEND = BROKEN
    fail_until_given_up(email, time_machine)
    assert email.state == "failed"
    AppointmentRequest.objects.filter(pk=appointment.pk).update(status="closed")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sign_in(administrator)
    send_again_from_the_admin(client, email)
    assert email.state == "unbooked"
    assert mailoutbox == []
    page = client.get(reverse("admin:appointments_notification_changelist")).text
    assert "Not sent: the visit is no longer booked" in page


def test_the_front_desk_cannot_send_emails_again(client, front_desk, sign_in):
    sign_in(front_desk)
    page = client.get(reverse("admin:appointments_notification_changelist"))
    assert "send_again" not in page.content.decode()


def test_failing_emails_are_announced_on_the_admin_home_and_in_healthz(
    client, front_desk, make_request, settings, sign_in
):
    settings.EMAIL_BACKEND = BROKEN
    notification = Notification.objects.create(request=make_request(), kind="staff")
    sign_in(front_desk)
    assert "could not be sent" not in client.get("/admin/").content.decode()
    assert client.get("/healthz").json()["notifications"] == "ok"

    notifications.deliver_due()
    home = client.get("/admin/").content.decode()
    assert "1 email about appointment requests could not be sent" in home
    which = re.search(r'href="([^"]+)">see which', home)[1].replace("&amp;", "&")
    assert list(client.get(which).context["cl"].result_list) == [notification]
    health = client.get("/healthz").json()
    assert (health["status"], health["notifications"]) == ("degraded", "failing")

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now()
    )
    notifications.deliver_due()
    assert "could not be sent" not in client.get("/admin/").content.decode()
    assert client.get("/healthz").json()["status"] == "ok"


def test_two_workers_racing_for_one_notification_send_it_once(
    committed_db, make_request, mailoutbox
):
    """Two workers reach the same row together: each stops after its first query on
    the notifications table until the other has made its own, so a claim made by
    reading and then writing would let both send."""
    notification = Notification.objects.create(request=make_request(), kind="staff")
    meet = threading.Barrier(2, timeout=20)
    results, errors = [], []

    def worker():
        met = False

        def pause_after_first_touch(execute, sql, params, many, context):
            nonlocal met
            result = execute(sql, params, many, context)
            if Notification._meta.db_table in sql and not met:
                met = True
                try:
                    meet.wait()
                except threading.BrokenBarrierError:
                    pass  # the other worker is blocked in the database: go on
            return result

        try:
            with connection.execute_wrapper(pause_after_first_touch):
                results.append(notifications.deliver(notification.pk))
        except Exception as error:  # recorded, so the assertion shows it
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False, True]
    assert len(mailoutbox) == 1


def test_a_claim_left_by_a_dead_worker_is_released_and_sent(location, mailoutbox):
    appointment = AppointmentRequest.objects.create(
        full_name="A",
        phone="+16175550123",
        patient_type="new",
        location=location,
        reason="x",
        consented_at=timezone.now(),
        consent_version="t",
        form_token="t3",
    )
    Notification.objects.create(
        request=appointment,
        kind="staff",
        state=Notification.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
    )
    assert notifications.deliver_due() == 1
    assert len(mailoutbox) == 1


def test_retry_delays_grow_and_are_bounded():
    delays = [notifications.retry_delay(n) for n in range(1, 500)]
    assert delays == sorted(delays)
    assert delays[0] == timedelta(minutes=1) and delays[-1] == timedelta(minutes=30)


def test_the_worker_survives_a_database_error_and_tries_again(db, monkeypatch, caplog):
    from appointments.management.commands import notification_worker

    calls = []

    def deliver_due():
        calls.append("call")
        if len(calls) == 1:
            raise ProgrammingError("no such table: appointments_notification")
        signal.raise_signal(signal.SIGTERM)  # the worker is told to stop
        return 0

    monkeypatch.setattr(notification_worker, "deliver_due", deliver_due)
    monkeypatch.setattr(notification_worker.time, "sleep", lambda seconds: None)
    call_command("notification_worker", "--interval", "0")
    assert len(calls) == 2
    assert "Database error; trying again" in caplog.text


class OutOfMemoryCache(LocMemCache):
    """A Redis full up under `noeviction`: every command is refused."""

    def _refuse(self, *args, **kwargs):
        raise ResponseError("OOM command not allowed when used memory > 'maxmemory'.")

    add = get = set = incr = get_many = set_many = delete = delete_many = _refuse


@pytest.fixture
def full_readership_cache(settings):
    settings.CACHES = settings.CACHES | {
        "readership": {
            "BACKEND": "appointments.tests.test_notifications.OutOfMemoryCache"
        }
    }


def test_a_readership_cache_that_fails_never_stops_the_emails(
    client,
    request_data,
    django_capture_on_commit_callbacks,
    settings,
    full_readership_cache,
    mailoutbox,
    caplog,
):
    settings.APPOINTMENT_NOTIFY_EMAILS = ["frontdesk@clinic.example"]
    appointment = submit(client, request_data, django_capture_on_commit_callbacks)
    call_command("notification_worker", "--once")
    assert {n.state for n in appointment.notifications.all()} == {"sent"}
    assert len(mailoutbox) == 2
    assert "Could not write the readership counts" in caplog.text


def test_the_worker_keeps_running_while_readership_fails(
    db, monkeypatch, full_readership_cache, caplog
):
    from appointments.management.commands import notification_worker

    rounds = []

    def deliver_due():
        rounds.append("round")
        if len(rounds) == 3:
            signal.raise_signal(signal.SIGTERM)
        return 0

    monkeypatch.setattr(notification_worker, "deliver_due", deliver_due)
    monkeypatch.setattr(notification_worker.time, "sleep", lambda seconds: None)
    call_command("notification_worker", "--interval", "0")
    assert len(rounds) == 3
    assert caplog.text.count("Could not write the readership counts") == 3
