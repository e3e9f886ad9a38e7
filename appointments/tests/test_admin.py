"""The front desk's workspace, and who may enter it."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from appointments.admin import business_deadline
from appointments.models import AccessRecord, AppointmentRequest

LIST = reverse("admin:appointments_appointmentrequest_changelist")


def change_url(appointment):
    return reverse(
        "admin:appointments_appointmentrequest_change", args=[appointment.pk]
    )


def test_editors_get_403_on_every_request_page_and_export(
    client, editor, make_request, sign_in
):
    appointment = make_request()
    sign_in(editor)
    assert client.get(LIST).status_code == 403
    assert client.get(change_url(appointment)).status_code == 403
    export = client.post(
        LIST, {"action": "export_csv", "_selected_action": [appointment.pk]}
    )
    assert export.status_code == 403
    assert not AccessRecord.objects.exists()


def test_editors_do_not_see_requests_on_the_admin_index(client, editor, sign_in):
    sign_in(editor)
    assert "Appointment requests" not in client.get("/admin/").content.decode()


def test_front_desk_sees_the_list_with_new_requests_flagged_after_a_business_day(
    client, front_desk, make_request, sign_in
):
    fresh = make_request()
    old = make_request(age=timedelta(days=4))
    sign_in(front_desk)
    page = client.get(LIST).content.decode()
    assert fresh.reference in page and old.reference in page
    assert page.count("Overdue: call today") == 1


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        ("2026-11-20 16:00", "2026-11-23 16:00"),  # Friday -> Monday
        ("2026-11-21 10:00", "2026-11-23 10:00"),  # Saturday -> Monday
        ("2026-11-24 09:00", "2026-11-25 09:00"),
    ],  # Tuesday -> Wednesday
)
def test_a_business_day_skips_the_weekend(received, deadline):
    from datetime import datetime

    stamp = datetime.fromisoformat
    assert business_deadline(stamp(received)) == stamp(deadline)


def test_opening_a_request_records_who_viewed_it(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    assert client.get(change_url(appointment)).status_code == 200
    record = AccessRecord.objects.get()
    assert (record.username, record.action, record.references) == (
        "frontdesk",
        "view",
        appointment.reference,
    )


def test_recording_an_outcome_fills_in_who_handled_it(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    response = client.post(
        change_url(appointment),
        {
            "status": "contacted",
            "staff_notes": "Left a voicemail.",
            "scheduled_for_0": "",
            "scheduled_for_1": "",
            "notifications-TOTAL_FORMS": "0",
            "notifications-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == "contacted"
    assert appointment.staff_notes == "Left a voicemail."
    assert appointment.handled_by == front_desk


def test_the_front_desk_cannot_change_what_the_patient_wrote(
    client, front_desk, make_request, sign_in
):
    appointment = make_request(reason="Original words")
    sign_in(front_desk)
    client.post(
        change_url(appointment),
        {
            "status": "new",
            "reason": "Changed",
            "notifications-TOTAL_FORMS": "0",
            "notifications-INITIAL_FORMS": "0",
        },
    )
    appointment.refresh_from_db()
    assert appointment.reason == "Original words"


def test_status_actions_change_status_and_handler(
    client, front_desk, make_request, sign_in
):
    first, second = make_request(), make_request()
    sign_in(front_desk)
    client.post(
        LIST, {"action": "mark_scheduled", "_selected_action": [first.pk, second.pk]}
    )
    assert set(AppointmentRequest.objects.values_list("status", "handled_by")) == {
        ("scheduled", front_desk.pk)
    }


def test_csv_export_is_recorded_and_neutralises_spreadsheet_formulas(
    client, front_desk, make_request, sign_in
):
    appointment = make_request(full_name="=HYPERLINK(1)")
    sign_in(front_desk)
    response = client.post(
        LIST, {"action": "export_csv", "_selected_action": [appointment.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["reference"] == appointment.reference
    assert rows[0]["full_name"] == "'=HYPERLINK(1)"
    record = AccessRecord.objects.get(action="export")
    assert record.references == appointment.reference and record.request_count == 1


def test_export_needs_the_export_permission(client, front_desk, make_request, sign_in):
    appointment = make_request()
    permission = front_desk.groups.get().permissions.get(
        codename="export_appointmentrequest"
    )
    front_desk.groups.get().permissions.remove(permission)
    sign_in(front_desk)
    response = client.post(
        LIST, {"action": "export_csv", "_selected_action": [appointment.pk]}
    )
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert not AccessRecord.objects.filter(action="export").exists()


def test_search_finds_a_phone_number_however_it_is_typed(
    client, front_desk, make_request, sign_in
):
    wanted = make_request(phone="+16175550188")
    make_request(phone="+16175550199")
    sign_in(front_desk)
    results = client.get(LIST, {"q": "(617) 555-0188"}).context["cl"].result_list
    assert list(results) == [wanted]


def test_access_records_are_for_administrators_to_read_and_nobody_to_edit(
    client, front_desk, administrator, make_request, sign_in
):
    record = AccessRecord.objects.create(
        username="x", action="view", references="ABC", request_count=1
    )
    url = reverse("admin:appointments_accessrecord_change", args=[record.pk])
    sign_in(front_desk)
    assert client.get(url).status_code == 403
    sign_in(administrator)
    assert client.get(url).status_code == 200
    client.post(url, {"username": "changed"})
    record.refresh_from_db()
    assert record.username == "x"
    delete = reverse("admin:appointments_accessrecord_delete", args=[record.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403


def test_the_source_report_counts_requests_per_article_and_category(
    client, editor, make_request, make_article, sign_in
):
    article = make_article(title="Tennis elbow explained")
    make_request(source_article=article)
    make_request(source_article=article, status="spam")
    make_request(source_article=article, age=timedelta(days=60))
    sign_in(editor)
    response = client.get(reverse("admin:request_sources"))
    row = next(a for a in response.context["articles"] if a.pk == article.pk)
    assert (row.last_30, row.last_90) == (1, 2)
    blog = next(c for c in response.context["categories"] if c.slug == "blog")
    assert (blog.last_30, blog.last_90) == (1, 2)
    assert "Patient" not in response.content.decode()  # counts only


def test_purge_deletes_exactly_old_closed_and_spam_requests(make_request, capsys):
    from django.core.management import call_command

    old = timezone.now() - timedelta(days=400)
    keep = [
        make_request(status="closed"),
        make_request(status="new"),
        make_request(status="scheduled"),
    ]
    gone = [make_request(status="closed"), make_request(status="spam")]
    old_new = make_request(status="new")
    AppointmentRequest.objects.filter(pk__in=[a.pk for a in [*gone, old_new]]).update(
        created_at=old
    )
    call_command("purge_requests", "--older-than", "365")
    remaining = set(AppointmentRequest.objects.values_list("pk", flat=True))
    assert remaining == {a.pk for a in [*keep, old_new]}
    assert "Deleted 2 closed or spam request(s)" in capsys.readouterr().out
    call_command("purge_requests", "--older-than", "365")  # safe to run every day
    assert "Deleted 0" in capsys.readouterr().out


def test_the_export_strips_invisible_characters_from_every_cell(
    client, front_desk, make_request, sign_in
):
    appointment = make_request(
        full_name="Eve\u202e\u200b \x1b[2JAdams", reason="Sore\x07 knee\nat night"
    )
    sign_in(front_desk)
    response = client.post(
        LIST, {"action": "export_csv", "_selected_action": [appointment.pk]}
    )
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert (row["full_name"], row["reason"]) == ("Eve Adams", "Sore knee\nat night")
