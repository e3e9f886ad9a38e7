"""The public request form: what a visitor sees, what is refused, and what is kept."""

import re
from datetime import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from appointments.models import AppointmentRequest
from blog.models import Article
from clinic.models import Location, SiteSettings
from conftest import jpeg_upload, old_form_token
from pages.models import Page

URL = "/appointments/request/"


def post(client, data, url=URL):
    return client.post(url, data)


def test_the_form_warns_about_emergencies_and_medical_history(client, location):
    page = client.get(URL).content.decode()
    assert "If this is a medical emergency, call 911" in page
    assert "Please do not include detailed medical history" in page
    assert "never shared for marketing" in page


def test_the_consent_links_to_the_published_privacy_notice(client, location, make_page):
    make_page(slug="privacy", title="Notice of privacy practices", kind="privacy")
    page = client.get(URL).content.decode()
    consent = page[page.index("<legend>Your privacy</legend>") :]
    assert (
        '<a href="/privacy/" target="_blank">Notice of privacy practices '
        "(opens in a new tab)</a>" in consent
    )


@pytest.mark.parametrize(
    "notice",
    [None, {"kind": Page.Kind.PRIVACY, "status": Page.Status.DRAFT}],
    ids=["none", "a draft"],
)
def test_without_a_public_privacy_notice_the_consent_links_nowhere(
    client, location, make_page, notice
):
    if notice:
        make_page(slug="privacy", **notice)
    make_page(slug="terms", kind=Page.Kind.POLICY)
    page = client.get(URL).content.decode()
    assert "How we protect your health information" not in page


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


def days_offered(client) -> list[str]:
    page = client.get(URL).content.decode()
    return re.findall(r'name="preferred_days" value="(\w+)"', page)


def test_the_days_offered_are_those_on_which_an_active_location_opens(client, location):
    assert days_offered(client) == ["mon", "tue", "wed", "thu", "fri"]
    Location.objects.create(
        name="Closed for good", slug="gone", active=False
    ).opening_hours.create(weekday=6, opens=time(9), closes=time(12))
    location.opening_hours.create(weekday=5, opens=time(9), closes=time(12))
    assert days_offered(client) == ["mon", "tue", "wed", "thu", "fri", "sat"]


def test_every_day_is_offered_when_no_location_has_its_hours_recorded(client, location):
    location.opening_hours.all().delete()
    assert days_offered(client) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def test_a_saturday_request_is_kept_with_its_day(client, request_data, location):
    location.opening_hours.create(weekday=5, opens=time(9), closes=time(12))
    post(client, request_data(preferred_days=["fri", "sat"]))
    assert AppointmentRequest.objects.get().preferred_days_display == "Friday, Saturday"


@pytest.mark.parametrize("slug", ["", "nowhere", "gone"])
def test_an_unknown_or_inactive_location_in_the_address_chooses_none(
    client, location, slug
):
    Location.objects.create(name="Gone", slug="gone", active=False)
    page = client.get(f"{URL}?location={slug}").content.decode()
    assert '<option value="" selected>Choose a location</option>' in page


def test_coming_from_a_profile_chooses_that_physician_and_says_so(
    client, author, request_data
):
    url = f"{URL}?physician={author.slug}"
    page = client.get(url).content.decode()
    assert "You are asking to see <a" in page and "Dana Whitfield" in page
    assert re.search(rf'<option value="{author.pk}" selected>Dana Whitfield', page)
    response = post(client, request_data(preferred_provider=str(author.pk)), url)
    assert response.status_code == 302
    assert AppointmentRequest.objects.get().preferred_provider == author


def test_choosing_someone_else_after_coming_from_a_profile_drops_the_note(
    client, author, request_data
):
    url = f"{URL}?physician={author.slug}"
    response = post(client, request_data(preferred_provider="", reason=""), url)
    assert response.status_code == 200
    assert "You are asking to see" not in response.content.decode()


@pytest.mark.parametrize("takes_appointments", [False, True])
def test_a_physician_patients_cannot_ask_for_is_ignored_quietly(
    client, author, takes_appointments
):
    author.takes_appointments = takes_appointments
    author.save()
    slug = author.slug if not takes_appointments else "no-such-physician"
    page = client.get(f"{URL}?physician={slug}").content.decode()
    assert "You are asking to see" not in page
    assert " selected>Dana Whitfield" not in page


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


def test_search_engines_may_list_the_form_once_whatever_page_it_came_from(
    client, make_article, settings
):
    article = make_article()
    page = client.get(f"{URL}?article={article.slug}").content.decode()
    assert 'name="robots"' not in page
    assert f'<link rel="canonical" href="{settings.SITE_URL}{URL}">' in page


def test_search_engines_are_told_to_leave_a_thanks_page_out(client, request_data):
    response = post(client, request_data())
    page = client.get(response["Location"]).content.decode()
    assert '<meta name="robots" content="noindex">' in page


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
        ("preferred_days", ["sun"], "Please choose days from the list."),
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


def test_the_error_summary_counts_what_it_lists_the_timer_included(
    client, request_data
):
    blank = dict.fromkeys(
        ["full_name", "phone", "reason", "location", "patient_type", "consent"], ""
    )
    data = request_data(**blank, form_token=old_form_token(age_seconds=1))
    page = post(client, data).content.decode()
    summary = page[page.index('<section class="error-summary"') :]
    summary = summary[: summary.index("</section>")]
    assert "Please check 7 things below" in summary
    assert summary.count("<li>") == 7
    assert "That was very quick" in summary
    assert '<a href="#id_patient_type_0">' in summary


def test_the_form_page_is_indexable_with_a_canonical_address_and_share_picture(
    client, location, make_article
):
    site = SiteSettings.objects.current()
    site.share_image = jpeg_upload("share.jpg", size=(1200, 630))
    site.share_image_alt = "The clinic's front door"
    site.save()
    article = make_article()
    page = client.get(f"{URL}?article={article.slug}").content.decode()
    assert 'name="robots"' not in page
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8000/appointments/request/">'
        in page
    )
    assert (
        f'<meta property="og:image" content="http://127.0.0.1:8000{site.share_image.url}">'
        in page
    )


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


INVISIBLE = {
    "escape sequences": "\x1b[31m\x1b[2J\x1b]0;title\x07",
    "direction overrides": "\u202e\u202d\u2066",
    "zero-width characters": "\u200b\u200c\u200d\u2060\ufeff",
    "control characters": "\x07\x08\x7f",
    "blank letters": "\u3164\u115f",
}


@pytest.mark.parametrize("field", ["full_name", "reason"])
@pytest.mark.parametrize("kind", INVISIBLE)
def test_a_name_or_reason_of_invisible_characters_only_is_refused_on_its_field(
    client, request_data, field, kind
):
    response = post(client, request_data(**{field: INVISIBLE[kind]}))
    assert response.status_code == 200
    assert response.context["form"].has_error(field, "invisible")
    assert "only invisible or control characters" in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_invisible_characters_are_stripped_from_what_is_stored(client, request_data):
    data = request_data(
        full_name="\u202eAda\u200b \x1b[31mLovelace\x1b[0m",
        reason="Knee\u200d pain\x07\r\nwhen climbing",
    )
    assert post(client, data).status_code == 302
    stored = AppointmentRequest.objects.get()
    assert stored.full_name == "Ada Lovelace"
    assert stored.reason == "Knee pain\nwhen climbing"


def test_posting_without_the_csrf_token_is_refused(db, request_data):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, request_data()).status_code == 403
    assert not AppointmentRequest.objects.exists()


def test_too_many_posts_from_one_client_get_429_with_the_phone_and_the_typing_kept(
    client, request_data, settings
):
    settings.APPOINTMENT_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert post(client, request_data()).status_code == 302
    response = post(client, request_data(reason="My third request"))
    assert response.status_code == 429
    page = response.content.decode()
    assert SiteSettings.objects.get().phone in page and "My third request" in page
    assert AppointmentRequest.objects.count() == 2


def test_mistakes_do_not_count_toward_the_rate_limit(client, request_data, settings):
    settings.APPOINTMENT_RATE_LIMIT = (2, 600)
    for _ in range(5):
        assert post(client, request_data(full_name="")).status_code == 200
    assert [post(client, request_data()).status_code for _ in range(3)] == [
        302,
        302,
        429,
    ]


def test_posts_caught_by_the_honeypot_or_the_fill_time_count(
    client, request_data, settings
):
    settings.APPOINTMENT_RATE_LIMIT = (2, 600)
    assert post(client, request_data(website="http://spam.example")).status_code == 302
    too_fast = request_data(form_token=old_form_token(age_seconds=0))
    assert "very quick" in post(client, too_fast).content.decode()
    assert post(client, request_data()).status_code == 429


def test_a_second_click_on_the_same_form_counts_once(client, request_data, settings):
    settings.APPOINTMENT_RATE_LIMIT = (2, 600)
    same_form = request_data()
    assert post(client, same_form).status_code == 302
    assert post(client, same_form).status_code == 302
    assert post(client, request_data()).status_code == 302
    assert post(client, request_data()).status_code == 429


def test_the_window_slides_over_fixed_boundaries(
    client, request_data, settings, time_machine
):
    settings.APPOINTMENT_RATE_LIMIT = (2, 600)
    time_machine(seconds=600 - timezone.now().timestamp() % 600 - 10)
    for _ in range(2):  # 10 seconds before a multiple of the window
        assert post(client, request_data()).status_code == 302
    time_machine(seconds=20)  # past it: a fixed window would start again here
    assert post(client, request_data()).status_code == 429
    time_machine(seconds=600 + 60)  # a window and a slot later
    assert post(client, request_data()).status_code == 302


def test_a_patient_gets_through_when_the_cache_is_down(
    client, request_data, settings, caplog
):
    settings.APPOINTMENT_RATE_LIMIT = (1, 600)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    for _ in range(2):
        assert post(client, request_data()).status_code == 302
    assert "rate limit skipped: the cache did not answer" in caplog.text


def test_the_rate_limit_counts_each_client_separately(client, request_data, settings):
    settings.APPOINTMENT_RATE_LIMIT = (1, 600)
    assert post(client, request_data()).status_code == 302
    assert post(client, request_data()).status_code == 429
    other = Client(REMOTE_ADDR="10.1.2.3")
    assert other.post(URL, request_data()).status_code == 302
    assert post(client, request_data()).status_code == 429


def test_the_rate_limit_can_be_turned_off_for_load_tests(
    client, request_data, settings
):
    settings.APPOINTMENT_RATE_LIMIT = (1, 600)
    settings.APPOINTMENT_RATE_LIMIT_OFF = True
    for _ in range(3):
        assert post(client, request_data()).status_code == 302


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
