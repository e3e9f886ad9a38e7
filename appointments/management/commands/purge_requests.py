from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from appointments.models import AppointmentRequest

PURGEABLE = [AppointmentRequest.Status.CLOSED, AppointmentRequest.Status.SPAM]


class Command(BaseCommand):
    help = (
        "Delete closed and spam appointment requests received more than --older-than "
        "days ago (default: APPOINTMENT_RETENTION_DAYS). Safe to run every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.APPOINTMENT_RETENTION_DAYS,
            metavar="DAYS",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        cutoff = timezone.now() - timedelta(days=older_than)
        expired = AppointmentRequest.objects.filter(
            status__in=PURGEABLE, created_at__lt=cutoff
        )
        count = expired.count()
        expired.delete()
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            # What was deleted is zeroed in the file (secure_delete, see settings),
            # but older copies of its pages stay in the write-ahead log until this
            # (which only a committed deletion can have).
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.stdout.write(
            f"Deleted {count} closed or spam request(s) received before "
            f"{timezone.localtime(cutoff):%Y-%m-%d %H:%M}."
        )
