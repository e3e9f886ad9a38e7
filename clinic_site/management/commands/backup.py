from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from clinic_site.backups import create_backup


class Command(BaseCommand):
    help = "Back up the SQLite database (safe while the site runs) and the media."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=settings.VAR_DIR / "backups",
            metavar="DIR",
        )

    def handle(self, *args, output_dir, **options):
        archive = create_backup(output_dir)
        self.stdout.write(f"Backup written: {archive}")
