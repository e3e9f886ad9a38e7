"""The front desk's workspace, and who may enter it."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import LogEntry
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from appointments.dashboard import today_span
from appointments.models import AccessRecord, AppointmentRequest, Notification
from appointments.queue import overdue_condition, response_cutoff
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
    ("now", "cutoff"),
    [
        ("2026-11-25 09:00", "2026-11-24 09:00"),  # Wednesday: a day back
        ("2026-11-23 16:00", "2026-11-20 16:00"),  # Monday: the weekend skipped
        ("2026-11-22 12:00", "2026-11-20 00:00"),  # Sunday: all of Friday counts
    ],
)
def test_the_response_time_counts_weekday_hours_in_the_clinic_s_time_zone(
    now, cutoff, settings
):
    settings.APPOINTMENT_RESPONSE_HOURS = 24
    clinic = ZoneInfo("America/New_York")

    def stamp(text):
        return datetime.fromisoformat(text).replace(tzinfo=clinic)

    assert response_cutoff(stamp(now)) == stamp(cutoff)


def test_the_response_time_counts_the_days_the_request_s_location_is_open(
    make_location, make_request
):
    clinic = ZoneInfo("America/New_York")
    friday_afternoon = datetime(2026, 11, 20, 16, 0, tzinfo=clinic)
    saturday_evening = friday_afternoon + timedelta(days=1, hours=1)
    weekdays_only = make_location()
    also_saturdays = make_location()
    also_saturdays.opening_hours.create(weekday=5, opens="9:00", closes="13:00")
    for location in (weekdays_only, also_saturdays):
        request = make_request(location=location)
        AppointmentRequest.objects.filter(pk=request.pk).update(
            created_at=friday_afternoon
        )
    overdue = AppointmentRequest.objects.filter(overdue_condition(saturday_evening))
    assert [request.location for request in overdue] == [also_saturdays]


def test_a_holiday_closure_stops_the_clock(
    client, front_desk, make_location, make_request, sign_in
):
    open_as_usual = make_location(name="Open as usual")
    closed = make_location(name="Closed this week")
    today = timezone.localdate()
    closed.closures.create(
        starts_on=today - timedelta(days=6), ends_on=today, label="Renovation"
    )
    make_request(location=open_as_usual, full_name="Una Waiting", age=timedelta(5))
    make_request(location=closed, full_name="Ned Patient", age=timedelta(5))
    sign_in(front_desk)
    page = client.get(LIST, {"overdue": "yes"}).text
    assert "Una Waiting" in page and "Ned Patient" not in page


def test_the_response_time_is_a_setting(client, front_desk, make_request, sign_in):
    make_request(age=timedelta(days=10))  # 6 to 8 weekdays ago, whatever today is
    sign_in(front_desk)
    with override_settings(APPOINTMENT_RESPONSE_HOURS=8 * 24 + 1):
        assert "Overdue: call today" not in client.get(LIST).text
    with override_settings(APPOINTMENT_RESPONSE_HOURS=6 * 24 - 1):
        assert "Overdue: call today" in client.get(LIST).text


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
        LIST, {"action": "mark_contacted", "_selected_action": [first.pk, second.pk]}
    )
    assert set(AppointmentRequest.objects.values_list("status", "handled_by")) == {
        ("contacted", front_desk.pk)
    }


def test_status_actions_are_recorded_and_logged_per_request(
    client, front_desk, make_request, sign_in
):
    first, second = make_request(), make_request()
    already = make_request(status="closed")
    sign_in(front_desk)
    client.post(
        LIST,
        {
            "action": "mark_closed",
            "_selected_action": [first.pk, second.pk, already.pk],
        },
    )
    record = AccessRecord.objects.get()
    assert (record.action, record.request_count) == ("change", 2)
    assert set(record.references.split(", ")) == {first.reference, second.reference}
    entries = LogEntry.objects.filter(user=front_desk)
    assert {int(entry.object_id) for entry in entries} == {first.pk, second.pk}
    assert entries[0].get_change_message() == "Changed Status and Handled by."


def export(client, *appointments):
    response = client.post(
        LIST, {"action": "export_csv", "_selected_action": [a.pk for a in appointments]}
    )
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_export_is_recorded_and_neutralises_spreadsheet_formulas(
    client, front_desk, make_request, sign_in
):
    appointment = make_request(full_name="=HYPERLINK(1)", reason="-3 days of pain")
    sign_in(front_desk)
    (row,) = export(client, appointment)
    assert row["Reference"] == appointment.reference
    assert row["Name"] == "'=HYPERLINK(1)"
    assert row["Reason"] == "'-3 days of pain"
    record = AccessRecord.objects.get(action="export")
    assert record.references == appointment.reference and record.request_count == 1


def test_the_csv_speaks_as_people_do_with_local_times_and_dialable_phones(
    client, front_desk, make_request, sign_in, make_article, location
):
    article = make_article(title="Knee pain")
    home = make_request(
        phone="+16175550199",
        status="contacted",
        contact_method="email",
        preferred_time="morning",
        preferred_days=["mon", "fri"],
        source_article=article,
        scheduled_for=datetime(2026, 12, 1, 19, 30, 15, 123456, tzinfo=UTC),
    )
    abroad = make_request(phone="+442079460958", patient_type="existing")
    AppointmentRequest.objects.filter(pk=home.pk).update(
        created_at=datetime(2026, 7, 4, 13, 5, 59, 987654, tzinfo=UTC)
    )
    sign_in(front_desk)
    rows = {row["Reference"]: row for row in export(client, home, abroad)}
    assert list(rows[home.reference])[:4] == ["Reference", "Status", "Received", "Name"]
    row = rows[home.reference]
    assert row["Phone"] == "(617) 555-0199"
    assert row["Received"] == "2026-07-04 09:05"  # New York, summer time
    assert row["Scheduled for"] == "2026-12-01 14:30"  # New York, winter time
    assert (row["Status"], row["Preferred contact"], row["Time of day"]) == (
        "Contacted",
        "Email",
        "Morning",
    )
    assert row["Preferred days"] == "Monday, Friday"
    assert row["Patient"] == "New patient"
    assert (row["Location"], row["Source article"]) == (location.name, "Knee pain")
    assert rows[abroad.reference]["Phone"] == "011 44 20 7946 0958"
    assert rows[abroad.reference]["Patient"] == "Seen before"
    assert rows[abroad.reference]["Scheduled for"] == ""


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
    (row,) = export(client, appointment)
    assert (row["Name"], row["Reason"]) == ("Eve Adams", "Sore knee\nat night")


def test_the_list_shows_who_to_call_and_when_they_are_booked(
    client, front_desk, make_request, sign_in
):
    make_request(
        full_name="Ada Lovelace",
        phone="+16175550188",
        status="scheduled",
        scheduled_for=datetime(2026, 12, 3, 15, 0, tzinfo=UTC),
    )
    sign_in(front_desk)
    page = client.get(LIST).text
    assert "Ada Lovelace" in page
    assert '<a href="tel:+16175550188">(617) 555-0188</a>' in page
    assert ">Visit<" in page and "Dec 3, 10:00 a.m." in page


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_makes_the_same_queries_for_two_requests_or_twenty(
    count,
    client,
    front_desk,
    make_request,
    make_article,
    author,
    sign_in,
    django_assert_num_queries,
):
    article, physician = make_article(), author
    for _ in range(count):
        make_request(source_article=article, preferred_provider=physician)
    sign_in(front_desk)
    client.get(LIST)  # the session settles
    # session, user, second-factor device, permissions (2); the filters' locations,
    # physicians and articles; counts (filtered, all); the locations' open days
    # and closures; the page of requests with what each row shows; the access
    # record; the date bar (range, days)
    with django_assert_num_queries(16):
        assert client.get(LIST).status_code == 200


def test_editors_see_no_patient_names_or_phones_anywhere_in_the_admin(
    client, editor, make_request, make_article, sign_in
):
    make_request(
        full_name="Quintessa Marklebury",
        phone="+16175550177",
        source_article=make_article(),
    )
    sign_in(editor)
    for url in ["/admin/", reverse("admin:request_sources"), LIST]:
        page = client.get(url).text
        assert "Marklebury" not in page and "555-0177" not in page, url


def test_the_source_article_filter_offers_only_published_articles_that_brought_requests(
    client, front_desk, make_request, make_article, sign_in
):
    bringing = make_article(title="Brought a patient")
    make_article(title="Brought nobody")
    draft = make_article(title="A draft with a request", status="draft")
    make_request(source_article=bringing)
    make_request(source_article=draft)
    sign_in(front_desk)
    page = client.get(LIST).text
    filters = page[page.index('id="changelist-filter"') :]
    filters = filters[: filters.index("</nav>")]
    assert "Brought a patient" in filters
    assert "Brought nobody" not in filters
    assert "A draft with a request" not in filters


def test_the_overdue_filter_keeps_new_requests_past_the_response_time(
    client, front_desk, make_request, sign_in
):
    late = make_request(age=timedelta(days=10))
    make_request(age=timedelta(days=10), status="contacted")
    make_request()
    sign_in(front_desk)
    shown = client.get(LIST, {"overdue": "yes"}).context["cl"].result_list
    assert list(shown) == [late]


def visit(moment, location):
    local = timezone.localtime(moment)
    return {
        "scheduled_for_0": local.strftime("%Y-%m-%d"),
        "scheduled_for_1": local.strftime("%H:%M"),
        "visit_location": str(location.pk),
    }


def test_scheduled_needs_the_visit_s_date_and_time(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    response = post_change_form(
        client,
        appointment,
        status="scheduled",
        staff_notes="Booked by phone.",
        scheduled_for_0="",
        scheduled_for_1="",
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.has_error("scheduled_for", code="visit_time_needed")
    assert "Give the date and time of the visit" in response.text
    assert "Booked by phone." in response.text  # what was typed is kept
    appointment.refresh_from_db()
    assert appointment.status == "new"


def test_scheduled_refuses_a_visit_in_the_past(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    past = visit(timezone.now() - timedelta(days=2000), appointment.location)
    response = post_change_form(client, appointment, status="scheduled", **past)
    form = response.context["adminform"].form
    assert form.has_error("scheduled_for", code="visit_in_the_past")
    assert f'value="{past["scheduled_for_0"]}"' in response.text
    appointment.refresh_from_db()
    assert appointment.status == "new"


def test_scheduling_a_visit_ahead_is_recorded(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    ahead = timezone.now().replace(second=0, microsecond=0) + timedelta(days=3)
    response = post_change_form(
        client, appointment, status="scheduled", **visit(ahead, appointment.location)
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert (appointment.status, appointment.scheduled_for) == ("scheduled", ahead)


def test_scheduled_needs_where_the_visit_is_and_offers_the_patient_s_choice(
    client, front_desk, make_request, sign_in
):
    appointment = make_request()
    sign_in(front_desk)
    page = client.get(appointment.get_admin_url()).text
    chosen = f'<option value="{appointment.location.pk}" selected>'
    assert chosen in page[page.index('name="visit_location"') :]
    ahead = visit(timezone.now() + timedelta(days=3), appointment.location)
    ahead["visit_location"] = ""
    response = post_change_form(client, appointment, status="scheduled", **ahead)
    form = response.context["adminform"].form
    assert form.has_error("visit_location", code="visit_location_needed")


def book(client, appointment, **extra):
    when = timezone.now().replace(second=0, microsecond=0) + timedelta(days=3)
    return post_change_form(
        client,
        appointment,
        status="scheduled",
        **visit(when, appointment.location),
        **extra,
    )


def test_the_patient_is_emailed_the_visit_s_time_and_place_only_when_asked(
    client,
    front_desk,
    make_request,
    sign_in,
    settings,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    settings.NOTIFICATIONS_INLINE = True
    appointment = make_request(
        reason="Unmistakable-reason-marker", email="pat@example.com"
    )
    sign_in(front_desk)
    with django_capture_on_commit_callbacks(execute=True):
        assert book(client, appointment).status_code == 302
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, appointment, send_visit_email="on")
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.to == ["pat@example.com"]
    assert appointment.reference in message.subject
    assert appointment.location.full_address in message.body
    assert "Unmistakable-reason-marker" not in message.body
    assert "Patient" not in message.body and "&amp;" not in message.body


def test_no_visit_email_is_offered_without_an_address_or_a_booking(
    client, front_desk, make_request, sign_in
):
    no_address = make_request(email="")
    sign_in(front_desk)
    response = book(client, no_address, send_visit_email="on")
    assert response.context["adminform"].form.has_error(
        "send_visit_email", code="no_email"
    )
    response = post_change_form(
        client, make_request(), status="contacted", send_visit_email="on"
    )
    assert response.context["adminform"].form.has_error(
        "send_visit_email", code="not_scheduled"
    )


def test_notes_on_a_visit_that_has_happened_can_still_be_saved(
    client, front_desk, make_request, sign_in
):
    held = timezone.now().replace(second=0, microsecond=0) - timedelta(days=1)
    appointment = make_request(status="scheduled", scheduled_for=held)
    sign_in(front_desk)
    response = post_change_form(
        client,
        appointment,
        status="scheduled",
        staff_notes="Came in.",
        **visit(held, appointment.location),
    )
    assert response.status_code == 302


def test_the_front_desk_home_counts_the_day_per_location_with_links_to_each(
    client, front_desk, make_request, make_location, location, sign_in
):
    other = make_location(name="Waltham")
    late = make_request(age=timedelta(days=10))
    make_request()
    in_an_hour = timezone.now() + timedelta(hours=1)
    start, end = today_span()
    booked = make_request(
        location=other,
        status="scheduled",
        scheduled_for=min(max(in_an_hour, start), end - timedelta(minutes=1)),
    )
    make_request(location=other, status="scheduled", scheduled_for=end + timedelta(1))
    sign_in(front_desk)
    page = client.get("/admin/").text
    home = page[page.index("Appointment requests today") :]
    links = {
        text: url.replace("&amp;", "&")
        for url, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', home)
    }
    assert "2 new" in home and "1 overdue" in home
    assert "1 today" in home and "0 today" in home
    overdue = client.get(links["1 overdue"]).context["cl"].result_list
    assert list(overdue) == [late]
    today = client.get(links["1 today"]).context["cl"].result_list
    assert list(today) == [booked]


def test_editors_home_has_no_request_counts(client, editor, make_request, sign_in):
    make_request()
    sign_in(editor)
    assert "Appointment requests today" not in client.get("/admin/").text
