"""Setting up a second factor takes a one-time code from an administrator."""

import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic_site import enrolment
from clinic_site.models import EnrolmentCode
from clinic_site.tests.test_security import post_password
from conftest import STAFF_PASSWORD

SETUP = reverse("two_factor:setup")
ENROL = reverse("enrolment_code")
LIST = "/admin/appointments/appointmentrequest/"


def issue_code(username, capsys) -> str:
    call_command("enrolment_code", username)
    return re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", capsys.readouterr().out)[0]


def test_a_password_alone_cannot_reach_the_second_factor_setup(client, front_desk):
    post_password(client, "frontdesk", STAFF_PASSWORD)
    response = client.get(LIST, follow=True)
    assert response.redirect_chain[-1][0] == ENROL
    for attempt in [
        client.get(SETUP),
        client.post(SETUP, {"gated_setup_view-current_step": "welcome"}),
        client.post(SETUP, {"gated_setup_view-current_step": "generator"}),
    ]:
        assert attempt["Location"] == ENROL
    assert client.get(reverse("two_factor:qr")).status_code == 404
    assert not TOTPDevice.objects.exists()


def test_with_an_enrolment_code_the_front_desk_sets_up_a_second_factor(
    client, front_desk, capsys
):
    code = issue_code("frontdesk", capsys)
    post_password(client, "frontdesk", STAFF_PASSWORD)
    assert client.post(ENROL, {"code": code.lower()})["Location"] == SETUP
    client.post(SETUP, {"gated_setup_view-current_step": "welcome"})
    secret = client.session["django_two_factor-qr_secret_key"]
    token = f"{totp(b32decode(secret)):06d}"
    response = client.post(
        SETUP,
        {"gated_setup_view-current_step": "generator", "generator-token": token},
    )
    assert response["Location"] == reverse("two_factor:setup_complete")
    assert TOTPDevice.objects.get(user=front_desk).confirmed
    assert client.get(LIST).status_code == 200


def test_an_enrolment_code_opens_the_setup_once(client, front_desk, capsys):
    code = issue_code("frontdesk", capsys)
    assert enrolment.redeem(front_desk, code)
    assert not enrolment.redeem(front_desk, code)
    post_password(client, "frontdesk", STAFF_PASSWORD)
    refused = client.post(ENROL, {"code": code})
    assert refused.context["form"].has_error("code", "invalid_code")
    assert client.get(SETUP)["Location"] == ENROL


@pytest.mark.parametrize("typed", ["WRONG-CODE-0000", ""])
def test_a_wrong_code_is_refused(front_desk, capsys, typed):
    issue_code("frontdesk", capsys)
    assert not enrolment.redeem(front_desk, typed)


def test_an_enrolment_code_expires_after_three_days(front_desk, capsys, time_machine):
    code = issue_code("frontdesk", capsys)
    time_machine(days=3, seconds=1)
    assert not enrolment.redeem(front_desk, code)


def test_only_a_hash_of_the_code_is_kept(front_desk, capsys):
    code = issue_code("frontdesk", capsys)
    stored = EnrolmentCode.objects.get(user=front_desk).code_hash
    assert code.replace("-", "") not in stored and code not in stored


def test_a_new_code_replaces_the_old_one(front_desk, capsys):
    old = issue_code("frontdesk", capsys)
    new = issue_code("frontdesk", capsys)
    assert not enrolment.redeem(front_desk, old)
    assert enrolment.redeem(front_desk, new)
