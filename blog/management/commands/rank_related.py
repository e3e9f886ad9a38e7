from django.core.management.base import BaseCommand

from blog import related


class Command(BaseCommand):
    help = (
        "Rank every article's related posts again. Saving an article ranks it and "
        "its neighbours; run this after a bulk import, or nightly to follow slow "
        "drifts (a tag's weight as it spreads, a category no longer relating)."
    )

    def handle(self, *args, **options):
        count = related.refresh_all()
        self.stdout.write(f"Ranked the related posts of {count} articles.")
