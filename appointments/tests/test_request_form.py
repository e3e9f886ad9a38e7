"""The public request form: what a visitor sees, what is refused, and what is kept."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from appointments.models import AppointmentRequest
from blog.models import Article
from clinic.models import SiteSettings
from conftest import old_form_token

URL = "/appointments/request/"


def post(client, data, url=URL):
    return client.post(url, data)


def test_the_form_warns_about_emergencies_and_medical_history(client, location):
    page = client.get(URL).content.decode()
    assert "If this is a medical emergency, call 911" in page
    assert "Please do not include detailed medical history" in page
    assert "never shared for marketing" in page


def test_coming_from_an_article_names_it_and_records_it(
    client, make_article, request_data
):
    article = make_article(title="Runner's knee")
    url = f"{URL}?article={article.slug}"
    assert "You are asking about: <a" in client.get(url).content.decode()
    response = post(client, request_data(), url)
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().source_article == article


@pytest.mark.parametrize(
    "fields",
    [{"status": Article.Status.DRAFT}, {"slug": "exists"}],
    ids=["draft", "other"],
)
def test_an_unknown_or_unpublished_article_is_ignored_quietly(
    client, make_article, request_data, fields
):
    make_article(**fields)
    url = f"{URL}?article=article-that-is-not-public"
    if fields.get("status"):
        url = f"{URL}?article={Article.objects.get().slug}"
    assert "You are asking about" not in client.get(url).content.decode()
    post(client, request_data(), url)
    assert AppointmentRequest.objects.get().source_article is None


def test_a_valid_request_is_saved_with_consent_and_a_reference(client, request_data):
    response = post(client, request_data())
    appointment = AppointmentRequest.objects.get()
    assert appointment.status == AppointmentRequest.Status.NEW
    assert appointment.phone == "+16175550123"  # normalised
    assert appointment.preferred_days == ["mon", "wed"]
    assert appointment.consented_at and appointment.consent_version
    assert len(appointment.reference) == 8
    thanks = client.get(response["Location"])
    assert appointment.reference in thanks.content.decode()


def test_the_thanks_page_shows_the_reference_and_nothing_the_visitor_wrote(
    client, request_data
):
    response = post(client, request_data(full_name="Zebulon Quux", reason="Zqxj ache"))
    page = client.get(response["Location"]).content.decode()
    assert (
        "Zebulon" not in page and "Zqxj" not in page and "ada@example.com" not in page
    )
    assert "What happens next" in page


def test_a_forged_thanks_link_is_404(client, db):
    assert client.get("/appointments/request/thanks/forged:value/").status_code == 404


def test_form_and_thanks_pages_are_never_stored_by_caches(client, request_data):
    assert "no-store" in client.get(URL)["Cache-Control"]
    response = post(client, request_data())
    assert "no-store" in client.get(response["Location"])["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "value", "code_text"),
    [
        ("full_name", "    ", "Please tell us your name."),
        ("full_name", "x" * 121, "Please shorten your name"),
        ("full_name", "12345", "Please tell us your name."),
        (
            "email",
            "not-an-email",
            "Please enter an email address like name@example.com.",
        ),
        ("email", "ada@", "Please enter an email address like name@example.com."),
        ("phone", "12345", "Please enter a phone number we can call"),
        ("phone", "call me maybe", "Please enter a phone number we can call"),
        ("phone", "", "Please give us a phone number"),
        ("reason", "", "Please tell us briefly why"),
        (
            "reason",
            "y" * 501,
            "Please shorten this to 500 characters or fewer (it has 501).",
        ),
        ("location", "", "Please choose the location"),
        ("location", "99999", "Please choose a location from the list."),
        ("patient_type", "", "Please tell us whether you are a new patient."),
        ("consent", "", "Please tick this box so we may contact you."),
    ],
)
def test_each_bad_field_gets_a_plain_message_next_to_it_and_the_typing_is_kept(
    client, request_data, field, value, code_text
):
    data = request_data(**{field: value})
    if field == "consent":
        data.pop("consent")
    response = post(client, data)
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    form = response.context["form"]
    assert code_text in " ".join(form.errors[field])
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page  # the message sits with its field
    assert 'value="Ada Example"' in page or field == "full_name"
    assert "Knee pain when climbing stairs." in page or field == "reason"


@pytest.mark.parametrize(
    ("data", "focused"),
    [
        ({"phone": "nope", "reason": ""}, 'name="phone"'),
        ({"patient_type": ""}, 'id="id_patient_type_0"'),
    ],
)
def test_the_first_field_with_an_error_gets_the_focus(
    client, request_data, data, focused
):
    page = post(client, request_data(**data)).content.decode()
    focused_tags = re.findall(r"<[^>]*\bautofocus\b[^>]*>", page)
    assert len(focused_tags) == 1
    assert focused in focused_tags[0]


def test_email_is_needed_when_email_is_the_chosen_contact(client, request_data):
    response = post(client, request_data(contact_method="email", email=""))
    assert response.context["form"].has_error("email", code="email_needed")


def test_a_filled_honeypot_is_kept_as_spam_and_never_emailed(
    client, request_data, mailoutbox
):
    response = post(client, request_data(website="http://spam.example"))
    assert response.status_code == 302  # the bot learns nothing
    assert AppointmentRequest.objects.get().status == AppointmentRequest.Status.SPAM
    assert not AppointmentRequest.objects.get().notifications.exists()
    assert mailoutbox == []


def test_a_form_sent_faster_than_a_person_can_is_refused(client, request_data):
    response = post(client, request_data(form_token=old_form_token(age_seconds=1)))
    assert response.context["form"].has_error("form_token", code="too_fast")
    assert "That was very quick" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_a_forged_or_expired_token_is_refused_and_replaced(client, request_data):
    response = post(client, request_data(form_token="forged"))
    assert response.context["form"].has_error("form_token", code="expired")
    assert 'value="forged"' not in response.content.decode()
    expired = old_form_token(age_seconds=2 * 24 * 3600)
    response = post(client, request_data(form_token=expired))
    assert response.context["form"].has_error("form_token", code="expired")


def test_the_same_form_sent_twice_makes_one_request_and_the_same_confirmation(
    client, request_data
):
    data = request_data(form_token=old_form_token(nonce="double-click"))
    first = post(client, data)
    second = post(client, data)
    assert AppointmentRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_posting_without_the_csrf_token_is_refused(db, request_data):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, request_data()).status_code == 403
    assert not AppointmentRequest.objects.exists()


def test_too_many_posts_from_one_client_get_429_with_the_phone_and_the_typing_kept(
    client, request_data, settings
):
    settings.APPOINTMENT_RATE_LIMIT = "2/600"
    for _ in range(2):
        assert post(client, request_data()).status_code == 302
    response = post(client, request_data(reason="My third request"))
    assert response.status_code == 429
    page = response.content.decode()
    assert SiteSettings.objects.get().phone in page and "My third request" in page
    assert AppointmentRequest.objects.count() == 2


def test_the_rate_limit_counts_each_client_separately(client, request_data, settings):
    settings.APPOINTMENT_RATE_LIMIT = "1/600"
    assert post(client, request_data()).status_code == 302
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert other.post(URL, request_data()).status_code == 302


def test_error_reports_never_contain_what_the_visitor_typed(rf, request_data):
    from django.views.debug import SafeExceptionReporterFilter

    from appointments.views import request_appointment

    request = rf.post(URL, request_data(full_name="Secret Name"))
    try:
        request_appointment(request)
    except Exception:  # noqa: S110 - only the marking of the request matters here
        pass
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert "Secret Name" not in str(cleaned)


def test_the_request_form_is_linked_from_the_header(client, db):
    assert (
        f'href="{reverse("appointments:request")}"' in client.get("/").content.decode()
    )


def test_no_email_is_sent_while_the_visitor_waits_when_inline_sending_is_off(
    client, request_data, settings
):
    settings.NOTIFICATIONS_INLINE = False
    post(client, request_data())
    assert mail.outbox == []
    assert AppointmentRequest.objects.get().notifications.count() == 2


def test_a_reference_already_taken_is_drawn_again(
    client, request_data, make_request, monkeypatch
):
    taken = make_request(reference="TAKEN000")
    references = iter(["TAKEN000", "FRESH111"])
    field = AppointmentRequest._meta.get_field("reference")
    monkeypatch.setattr(field, "_get_default", lambda: next(references))
    monkeypatch.setattr("appointments.views.new_reference", lambda: next(references))
    assert post(client, request_data()).status_code == 302
    assert set(AppointmentRequest.objects.values_list("reference", flat=True)) == {
        taken.reference,
        "FRESH111",
    }
