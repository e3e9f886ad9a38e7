import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from appointments.notifications import deliver_due
from readership import tally

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the emails owed about appointment requests, retrying failures, and "
        "write the readership counts kept in the cache to the database (each closed "
        "batch window; daily rows past their retention rolled into months once a "
        "day). Run one or more beside the web servers; --once does it all and stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0, metavar="SECONDS")

    def handle(self, *args, once, interval, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        rolled_up_on = None
        while True:
            try:
                sent = deliver_due()
            except DatabaseError:
                if once:
                    raise
                # A restart, a migration under way, a lost connection: the emails
                # wait in the database, so keep going and try again.
                logger.exception("Database error; trying again in %s s.", interval)
                sent = 0
            rolled_up_on = self.count_readers(rolled_up_on)
            if sent:
                self.stdout.write(f"Sent {sent} notification(s).")
            if once or stopping:
                return
            close_old_connections()  # a long-lived process: renew broken connections
            time.sleep(interval)

    def count_readers(self, rolled_up_on: str | None) -> str | None:
        """Write the readership counts, and roll up once a day; the day it was last
        rolled up. Counting never stops the emails: whatever fails here (a cache
        out of memory or read-only, a database error) is logged and tried again
        next round."""
        try:
            tally.flush()
            if rolled_up_on != time.strftime("%F"):
                tally.roll_up()
                rolled_up_on = time.strftime("%F")
        except Exception:
            logger.exception("Could not write the readership counts; they wait")
        return rolled_up_on
