from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The clinic and the building blocks every content app shares."""

    name = "clinic"
    default_auto_field = "django.db.models.BigAutoField"
