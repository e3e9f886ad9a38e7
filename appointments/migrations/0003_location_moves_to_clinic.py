"""Locations are clinic.Location now (same table); requests point there."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0002_front_desk_group"),
        ("clinic", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="appointmentrequest",
                    name="location",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="requests", to="clinic.location"),
                ),
                migrations.AlterField(
                    model_name="appointmentrequest",
                    name="preferred_provider",
                    field=models.ForeignKey(blank=True, limit_choices_to={"takes_appointments": True}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="appointment_requests", to="clinic.person"),
                ),
                migrations.DeleteModel(name="Location"),
            ],
            database_operations=[],
        ),
    ]
