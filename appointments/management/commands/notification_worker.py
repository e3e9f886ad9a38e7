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
                tally.flush()
                if rolled_up_on != time.strftime("%F"):
                    tally.roll_up()
                    rolled_up_on = time.strftime("%F")
            except DatabaseError:
                if once:
                    raise
                # A restart, a migration under way, a lost connection: the emails
                # wait in the database, so keep going and try again.
                logger.exception("Database error; trying again in %s s.", interval)
                sent = 0
            if sent:
                self.stdout.write(f"Sent {sent} notification(s).")
            if once or stopping:
                return
            close_old_connections()  # a long-lived process: renew broken connections
            time.sleep(interval)
