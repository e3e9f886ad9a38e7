"""The front desk's workspace, and who may enter it."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from appointments.admin import business_deadline
from appointments.models import AccessRecord, AppointmentRequest, Notification
from conftest import post_change_form

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


def test_the_list_records_the_references_it_shows(
    client, front_desk, make_request, sign_in
):
    shown = {make_request().reference, make_request().reference}
    sign_in(front_desk)
    client.get(LIST)
    record = AccessRecord.objects.get()
    assert (record.action, record.request_count) == ("list", 2)
    assert set(record.references.split(", ")) == shown


def test_a_search_records_what_it_found_but_not_the_term(
    client, front_desk, make_request, sign_in
):
    found = make_request(full_name="Quintessa Marklebury")
    make_request()
    sign_in(front_desk)
    search(client, "Marklebury")
    record = AccessRecord.objects.get()
    assert (record.action, record.references) == ("search", found.reference)
    assert "Marklebury" not in str(AccessRecord.objects.values())


def test_the_history_page_is_recorded(client, front_desk, make_request, sign_in):
    appointment = make_request()
    sign_in(front_desk)
    history = reverse(
        "admin:appointments_appointmentrequest_history", args=[appointment.pk]
    )
    assert client.get(history).status_code == 200
    record = AccessRecord.objects.get()
    assert (record.action, record.references) == ("view", appointment.reference)


def test_a_change_form_sent_back_with_errors_is_recorded(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    response = post_change_form(client, appointment, status="no-such-status")
    assert response.status_code == 200 and response.context["errors"]
    record = AccessRecord.objects.get()
    assert (record.action, record.references) == ("view", appointment.reference)


def test_the_admin_autocomplete_finds_no_requests(
    client, front_desk, make_request, sign_in
):
    appointment = make_request(full_name="Quintessa Marklebury")
    Notification.objects.create(request=appointment, kind="staff")
    sign_in(front_desk)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "appointments",
            "model_name": "notification",
            "field_name": "request",
            "term": "Marklebury",
        },
    )
    assert response.status_code == 404
    assert appointment.reference not in response.content.decode()


def test_recording_an_outcome_fills_in_who_handled_it(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    response = post_change_form(
        client,
        appointment,
        status="contacted",
        staff_notes="Left a voicemail.",
        scheduled_for_0="",
        scheduled_for_1="",
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
    post_change_form(client, appointment, status="new", reason="Changed")
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


def test_status_actions_are_recorded_and_logged_per_request(
    client, front_desk, make_request, sign_in
):
    first, second = make_request(), make_request()
    already = make_request(status="scheduled")
    sign_in(front_desk)
    client.post(
        LIST,
        {
            "action": "mark_scheduled",
            "_selected_action": [first.pk, second.pk, already.pk],
        },
    )
    record = AccessRecord.objects.get()
    assert (record.action, record.request_count) == ("change", 2)
    assert set(record.references.split(", ")) == {first.reference, second.reference}
    entries = LogEntry.objects.filter(user=front_desk)
    assert {int(entry.object_id) for entry in entries} == {first.pk, second.pk}
    assert entries[0].get_change_message() == "Changed Status and Handled by."


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


def search(client, term):
    """Search the request list as the front desk does: a post, then the list."""
    return client.post(LIST, {"q": term}, follow=True)


def test_search_finds_a_phone_number_however_it_is_typed(
    client, front_desk, make_request, sign_in
):
    wanted = make_request(phone="+16175550188")
    make_request(phone="+16175550199")
    sign_in(front_desk)
    results = search(client, "(617) 555-0188").context["cl"].result_list
    assert list(results) == [wanted]


def test_a_search_keeps_the_name_out_of_every_address(
    client, front_desk, make_request, sign_in
):
    wanted = make_request(full_name="Quintessa Marklebury")
    make_request(full_name="Someone Else")
    sign_in(front_desk)
    response = search(client, "Marklebury")
    assert list(response.context["cl"].result_list) == [wanted]
    page = response.content.decode()
    assert 'value="Marklebury"' in page  # the search box still shows it
    addresses = [url for url, _status in response.redirect_chain]
    addresses += re.findall(r'(?:href|action)="([^"]*)"', page)
    assert wanted.get_admin_url() in page
    assert [url for url in addresses if "Marklebury" in url] == []


def test_the_search_stays_while_the_front_desk_works_until_cleared(
    client, front_desk, make_request, sign_in
):
    wanted, other = make_request(full_name="Ann Wanted"), make_request()
    sign_in(front_desk)
    search(client, "Wanted")
    assert list(client.get(LIST).context["cl"].result_list) == [wanted]
    cleared = search(client, "")
    assert set(cleared.context["cl"].result_list) == {wanted, other}


def test_a_search_term_typed_into_the_address_is_dropped_unsearched(
    client, front_desk, make_request, sign_in
):
    make_request(full_name="Ann Wanted"), make_request()
    sign_in(front_desk)
    response = client.get(LIST, {"q": "Wanted", "status__exact": "new", "p": "2"})
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status__exact=new"
    assert len(client.get(response["Location"]).context["cl"].result_list) == 2


def test_editors_cannot_search_requests(client, editor, sign_in):
    sign_in(editor)
    assert client.post(LIST, {"q": "Anyone"}).status_code == 403
    assert "appointments.search" not in client.session


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
