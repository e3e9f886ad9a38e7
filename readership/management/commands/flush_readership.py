from django.conf import settings
from django.core.management.base import BaseCommand

from readership import tally


class Command(BaseCommand):
    help = (
        "Write the page views counted in the cache to the database (every closed "
        "batch window), and roll daily counts older than READERSHIP_DAILY_DAYS up "
        "into months. Safe to run at any time and as often as you like: the "
        "notification worker does it every pass; without it, run it every minute."
    )

    def handle(self, *args, **options):
        written = tally.flush()
        folded = tally.roll_up()
        self.stdout.write(
            f"Wrote {written} view(s); rolled {folded} daily row(s) older than "
            f"{settings.READERSHIP_DAILY_DAYS} days into months."
        )
