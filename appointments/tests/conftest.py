import pytest
from django.utils import timezone

from appointments.models import AppointmentRequest


@pytest.fixture
def make_request(location):
    """Save an appointment request directly; override any field by keyword."""
    counter = iter(range(1, 10_000))

    def make(**fields):
        n = next(counter)
        defaults = {
            "full_name": f"Patient {n}",
            "phone": "+16175550123",
            "email": f"patient{n}@example.com",
            "patient_type": "new",
            "location": location,
            "reason": "Sore shoulder.",
            "consented_at": timezone.now(),
            "consent_version": "test",
            "form_token": f"token-{n}",
        }
        return AppointmentRequest.objects.create(**(defaults | fields))

    return make
