from django.core.management.base import BaseCommand

from clinic_site.purging import retry_due


class Command(BaseCommand):
    help = (
        "Send again the reverse-proxy purges that failed after a change and are due "
        "(clinic_site/purging.py). Run it every minute, from cron or a timer."
    )

    def handle(self, *args, **options):
        if sent := retry_due():
            self.stdout.write(f"Sent {sent} waiting purge(s).")
