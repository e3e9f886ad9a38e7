"""The sign-in and second-factor pages: in the staff area's look and plain words,
with a way back to the staff area."""

import re
from base64 import b32decode

from django.urls import reverse
from django_otp.oath import totp

from clinic_site.tests.test_enrolment import ENROL, SETUP, issue_code
from clinic_site.tests.test_security import post_password
from conftest import STAFF_PASSWORD

LOGIN = reverse("two_factor:login")
STAFF_AREA = reverse("admin:index")
SECURITY = reverse("two_factor:profile")


def test_the_sign_in_page_has_the_staff_look_not_the_patients(client, db):
    page = client.get(LOGIN).text
    assert 'id="site-name"' in page and "admin/css/base.css" in page
    assert "Request an appointment" not in page  # the public header
    assert 'class="footer' not in page  # nor the public footer with locations
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert re.search(r"<button[^>]*>Sign in</button>", page)


def test_the_code_step_asks_for_the_code_from_the_app(client, front_desk, sign_in):
    front_desk.totpdevice_set.create(name="default")
    response = post_password(client, "frontdesk", STAFF_PASSWORD)
    page = response.text
    assert "Code from your authenticator app" in page
    assert "Token" not in page


def test_the_set_up_wizard_says_continue_then_finish_and_names_the_code(
    client, front_desk, capsys
):
    code = issue_code("frontdesk", capsys)
    post_password(client, "frontdesk", STAFF_PASSWORD)
    client.post(ENROL, {"code": code})
    welcome = client.get(SETUP).text
    assert re.search(r"<button[^>]*>Continue</button>", welcome)
    assert ">Sign in<" not in welcome
    generator = client.post(SETUP, {"gated_setup_view-current_step": "welcome"}).text
    assert "Code from your authenticator app" in generator and "Token" not in generator
    assert re.search(r"<button[^>]*>Finish set-up</button>", generator)
    secret = client.session["django_two_factor-qr_secret_key"]
    client.post(
        SETUP,
        {
            "gated_setup_view-current_step": "generator",
            "generator-token": f"{totp(b32decode(secret)):06d}",
        },
    )
    done = client.get(reverse("two_factor:setup_complete")).text
    assert f'href="{STAFF_AREA}">Go to the staff area</a>' in done
    assert client.get(STAFF_AREA).status_code == 200


def test_the_security_page_leads_back_to_the_staff_area(client, front_desk, sign_in):
    sign_in(front_desk)
    page = client.get(SECURITY).text
    assert f'href="{STAFF_AREA}">Back to the staff area</a>' in page
    assert 'id="user-tools"' in page


def test_the_admin_header_links_to_the_security_page(client, editor, sign_in):
    sign_in(editor)
    page = client.get(STAFF_AREA).text
    header = page[page.index('id="user-tools"') :]
    assert f'<a href="{SECURITY}">Account security</a>' in header[:2000]


def test_every_staff_page_has_the_clinic_s_admin_styles(client, front_desk, sign_in):
    sign_in(front_desk)
    for url in [STAFF_AREA, "/admin/appointments/appointmentrequest/", SECURITY]:
        assert re.search(r'href="/static/css/admin[.\w]*\.css"', client.get(url).text)


def test_staff_choose_a_new_password_by_email_and_still_need_the_second_factor(
    client, front_desk, mailoutbox, settings
):
    front_desk.email = "desk@clinic.example"
    front_desk.save()
    front_desk.totpdevice_set.create(name="default")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    assert 'href="/account/password/reset/"' in client.get(LOGIN).text
    sent = client.post(
        reverse("password_reset"),
        {"email": "desk@clinic.example"},
        HTTP_HOST="other.example",
    )
    assert sent["Location"] == reverse("password_reset_done")
    (message,) = mailoutbox
    assert message.to == ["desk@clinic.example"]
    link = re.search(
        r"http://127\.0\.0\.1:8000(/account/password/reset/\S+)", message.body
    )
    assert link and "evil.example" not in message.body
    form_page = client.get(link[1], follow=True)
    form_url = form_page.redirect_chain[-1][0]  # the token leaves the address
    done = client.post(
        form_url,
        {"new_password1": "a-new-Pass-2026!", "new_password2": "a-new-Pass-2026!"},
    )
    assert done["Location"] == reverse("password_reset_complete")
    response = post_password(client, "frontdesk", "a-new-Pass-2026!")
    assert "Code from your authenticator app" in response.text  # not signed in yet
    assert client.get(STAFF_AREA).status_code == 302


def test_a_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(
    client, db, mailoutbox
):
    sent = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert sent["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_the_admin_home_names_every_section_in_plain_words(
    client, administrator, sign_in
):
    sign_in(administrator)
    page = client.get(STAFF_AREA).text
    for raw in ["Otp_Static", "Otp_Totp", "Axes", "Taggit"]:
        assert f">{raw}<" not in page, raw
    for name in [
        "Second factor: backup codes",
        "Second factor: authenticator apps",
        "Sign-in attempts and lockouts",
        "Article tags",
    ]:
        assert name in page, name
