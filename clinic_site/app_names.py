"""Third-party apps under names staff understand, on the admin's home page and in its
breadcrumbs: "Otp_Static" or "Axes" meant nothing to anyone (INSTALLED_APPS names
these configs in place of the packages' own)."""

from axes.apps import AppConfig as AxesConfig
from django_otp.plugins.otp_static.apps import DefaultConfig as OTPStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OTPTOTPConfig
from taggit.apps import TaggitAppConfig


class BackupCodesConfig(OTPStaticConfig):
    verbose_name = "Second factor: backup codes"


class AuthenticatorAppsConfig(OTPTOTPConfig):
    verbose_name = "Second factor: authenticator apps"


class SignInAttemptsConfig(AxesConfig):
    verbose_name = "Sign-in attempts and lockouts"


class TagsConfig(TaggitAppConfig):
    verbose_name = "Article tags"
