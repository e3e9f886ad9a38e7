"""Error reports from staff and appointment pages carry nothing a person typed."""

from unittest import mock

import pytest
from django.test import Client

from appointments.admin import AppointmentRequestAdmin
from blog.models import Article
from conftest import error_reports, post_change_form

LIST = "/admin/appointments/appointmentrequest/"
CSRF_SECRET = "c" * 32
MASK = "********************"


@pytest.fixture
def reports(settings, caplog, mailoutbox):
    """All the error reports so far, mailed and rendered, as one text."""
    settings.ADMINS = [("Admins", "admins@clinic.example")]

    def collect() -> str:
        texts = error_reports(caplog, mailoutbox)
        assert len(texts) >= 2, "no error was reported"
        return "\n".join(texts)

    return collect


@pytest.fixture
def failing_client():
    client = Client(raise_request_exception=False)
    client.cookies["csrftoken"] = CSRF_SECRET
    return client


def test_a_failing_front_desk_save_reports_no_staff_notes(
    failing_client, front_desk, make_request, sign_in, reports
):
    appointment = make_request()
    sign_in(front_desk, on=failing_client)
    with mock.patch.object(
        AppointmentRequestAdmin, "save_model", side_effect=RuntimeError("save failed")
    ):
        response = post_change_form(
            failing_client,
            appointment,
            status="contacted",
            staff_notes="Staffnote-marker-31",
        )
    assert response.status_code == 500
    report = reports()
    assert "save failed" in report and appointment.get_admin_url() in report
    assert "staff_notes" in report and MASK in report
    assert "Staffnote-marker-31" not in report
    assert CSRF_SECRET not in report
    assert failing_client.cookies["sessionid"].value not in report


def test_a_failing_search_reports_no_search_term(
    failing_client, front_desk, make_request, sign_in, reports
):
    make_request(full_name="Quintessa Marklebury")
    sign_in(front_desk, on=failing_client)
    failing_client.post(LIST, {"q": "Marklebury"})
    with mock.patch(
        "appointments.admin.phonenumbers.parse", side_effect=RuntimeError("broken")
    ):
        assert failing_client.get(f"{LIST}?status__exact=new").status_code == 500
    report = reports()
    assert "broken" in report and "search_term" in report
    assert "Marklebury" not in report


def test_a_failing_request_form_reports_neither_query_string_nor_fields(
    failing_client, request_data, reports
):
    url = "/appointments/request/?article=Query-marker-7"
    with mock.patch.object(
        Article.objects, "published", side_effect=RuntimeError("form failed")
    ):
        assert failing_client.get(url).status_code == 500
        failing_client.post(url, request_data(full_name="Quintessa Marklebury"))
    report = reports()
    assert "form failed" in report and "/appointments/request/" in report
    assert "Query-marker-7" not in report
    assert "Marklebury" not in report
    assert CSRF_SECRET not in report


@pytest.mark.parametrize("path", ["/search/", "/search/suggestions/"])
def test_a_failing_site_search_reports_no_search_words(
    failing_client, db, reports, path
):
    with mock.patch(
        "blog.search.matching_ids", side_effect=RuntimeError("search failed")
    ):
        response = failing_client.get(path, {"q": "Worrymarker lump"})
    assert response.status_code == 500
    report = reports()
    assert "search failed" in report and path in report
    assert "worrymarker" not in report.lower()
    assert CSRF_SECRET not in report


def test_public_pages_keep_django_s_full_report(failing_client, db, reports):
    with mock.patch("blog.views.paginate", side_effect=RuntimeError("list failed")):
        failing_client.get("/blog/?page=2")
        failing_client.get("/blog/?page=3")
    report = reports()
    assert "/blog/?page=2" in report  # the query string, for finding the fault
    assert CSRF_SECRET not in report
