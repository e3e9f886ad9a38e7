"""Setting up a second factor takes a one-time enrolment code from an administrator.

Staff who see appointment requests must sign in with a second factor; one who has
none yet is sent to two_factor's set-up page, which shows a new TOTP secret. Without
this gate, whoever signed in first with the password alone would own the second
factor. So the set-up page opens only in a session where the account's enrolment
code was entered; the code is issued by `manage.py enrolment_code` (or printed by
`seed_demo`), stored hashed, used once, and expires after ENROLMENT_CODE_DAYS.
"""

import secrets
from datetime import timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password, make_password
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from two_factor.views import SetupView

from appointments.models import REFERENCE_ALPHABET
from clinic_site.models import EnrolmentCode
from clinic_site.staff_sign_in import APP_CODE, PlainLabels

ENROLMENT_CODE_DAYS = 3
CODE_LENGTH = 12  # 60 bits: out of reach of guessing within its few days
GRANTED = "second_factor_enrolment_granted"


def issue(user) -> str:
    """A new code for `user`, replacing any earlier one; shown once, never stored."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(CODE_LENGTH))
    EnrolmentCode.objects.update_or_create(
        user=user,
        defaults={
            "code_hash": make_password(code),
            "expires_at": timezone.now() + timedelta(days=ENROLMENT_CODE_DAYS),
        },
    )
    return "-".join(code[start : start + 4] for start in range(0, CODE_LENGTH, 4))


def redeem(user, typed: str) -> bool:
    """True once for the right, unexpired code; the code is gone afterwards."""
    code = typed.upper().replace("-", "").replace(" ", "")
    enrolment = EnrolmentCode.objects.filter(
        user=user, expires_at__gt=timezone.now()
    ).first()
    if enrolment is None or not check_password(code, enrolment.code_hash):
        return False
    deleted, _ = EnrolmentCode.objects.filter(pk=enrolment.pk).delete()
    return deleted > 0  # two tabs at once: only one wins


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(label="Enrolment code", max_length=40)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_code(self):
        if not redeem(self.user, self.cleaned_data["code"]):
            raise forms.ValidationError(
                "This code is wrong, used or expired. Ask an administrator for a new "
                "one.",
                code="invalid_code",
            )
        return ""


@never_cache
@login_required
def enter_enrolment_code(request):
    form = EnrolmentCodeForm(request.user, request.POST or None)
    if form.is_valid():
        request.session[GRANTED] = True
        return redirect("two_factor:setup")
    return render(request, "two_factor/enrolment_code.html", {"form": form})


class GatedSetupView(PlainLabels, SetupView):
    """two_factor's set-up, served at its own address, behind the enrolment code."""

    step_labels = {"generator": {"token": APP_CODE}}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.session.get(GRANTED):
            return redirect("enrolment_code")
        return super().dispatch(request, *args, **kwargs)

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        del self.request.session[GRANTED]
        return response
