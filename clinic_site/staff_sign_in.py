"""Staff sign-in: two_factor's wizards with fields labelled in plain words (the
package calls every code a "Token"), and password reset by email."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from two_factor.views import LoginView

from clinic.models import SiteSettings

APP_CODE = "Code from your authenticator app"


class PlainLabels:
    """Relabel the package's form fields, per wizard step."""

    step_labels: dict[str, dict[str, str]] = {}

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        labels = self.step_labels.get(step or self.steps.current, {})
        for name, label in labels.items():
            form.fields[name].label = label
        return form


class SignInView(PlainLabels, LoginView):
    step_labels = {
        LoginView.TOKEN_STEP: {"otp_token": APP_CODE},
        LoginView.BACKUP_STEP: {"otp_token": "Backup code"},
    }

    def get_prefix(self, request, *args, **kwargs):
        return "login_view"  # the package's own (made from its class name): kept


class StaffPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class StaffPasswordResetView(PasswordResetView):
    """A link by email to choose a new password. Signing in afterwards still takes the
    second factor; the link's address comes from SITE_URL, never the Host header."""

    form_class = StaffPasswordResetForm
    email_template_name = "registration/staff_password_reset_email.txt"
    subject_template_name = "registration/staff_password_reset_subject.txt"

    def form_valid(self, form):
        self.extra_email_context = {
            "site_url": settings.SITE_URL,
            "clinic_name": SiteSettings.objects.current().name,
        }
        return super().form_valid(form)
