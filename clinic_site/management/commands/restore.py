from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clinic_site.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Replace the SQLite database and the media folder with a backup. "
        "Stop the web servers and workers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation."
        )

    def handle(self, *args, archive, yes, **options):
        if not archive.is_file():
            raise CommandError(f"No such backup: {archive}")
        if not yes and input(f"Replace all data with {archive}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        restore_backup(archive)
        self.stdout.write(f"Restored {archive}.")
