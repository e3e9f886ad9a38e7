from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress import importer
from wordpress.media import MediaDirError
from wordpress.wxr import WxrError


class Command(BaseCommand):
    help = (
        "Import posts, with their categories, tags, authors, featured images and "
        "comments, and pages, from a WordPress export file (WXR); every old address "
        "redirects to its new home. Running it again updates what changed there, "
        "and keeps what was edited here."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "export", help="The file from WordPress's Tools > Export (WXR 1.0-1.2)."
        )
        parser.add_argument(
            "--media-dir",
            help="WordPress's uploads folder (wp-content/uploads): featured images "
            "and the pictures in posts.",
        )
        parser.add_argument(
            "--old-domain",
            action="append",
            default=[],
            dest="old_domains",
            metavar="DOMAIN",
            help="Another domain the old site answered on (the export's own is "
            "known): links to it are made to lead here. Repeat for each.",
        )
        parser.add_argument(
            "--permalinks",
            help="The old site's permalink structure, as in WordPress's Settings > "
            "Permalinks (/%%year%%/%%monthnum%%/%%postname%%/), if no published post "
            "shows it: gives a scheduled post its future address.",
        )
        parser.add_argument(
            "--appointment-page",
            metavar="SLUG",
            help="The slug of the old site's booking page, if no form plugin's "
            "shortcode shows it: its address leads to the appointment request form.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace articles and pages edited on this site since the last "
            "import (the edited text stays in their history).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be imported; write nothing.",
        )

    def handle(
        self, *, export, media_dir=None, dry_run=False, old_domains=(), **options
    ):
        export = Path(export)
        media_dir = Path(media_dir) if media_dir else None
        if not export.is_file():
            raise CommandError(f"{export} is not a file.")
        if media_dir and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        try:
            report = importer.run(
                export,
                media_dir=media_dir,
                dry_run=dry_run,
                old_domains=tuple(old_domains),
                permalinks=options["permalinks"],
                appointment_page=options["appointment_page"],
                overwrite=options["overwrite"],
            )
        except WxrError as error:
            raise CommandError(f"{export}: {error} Nothing was imported.") from None
        except MediaDirError as error:
            raise CommandError(f"{error}. Nothing was imported.") from None
        self.print_report(report, dry_run)

    def print_report(self, report: importer.Report, dry_run: bool) -> None:
        """Write the summary: what was created, updated or skipped, and warnings."""
        self.stdout.write(f"WordPress export (WXR {report.version}):")
        for kind in importer.KINDS:
            created, updated, unchanged = (
                report.counts[kind, outcome]
                for outcome in ("created", "updated", "unchanged")
            )
            self.stdout.write(
                f"  {kind}: {created} created, {updated} updated, {unchanged} unchanged"
            )
        skipped = ", ".join(
            f"{what} {n}" for what, n in sorted(report.skipped.items()) if n
        )
        self.stdout.write(f"  skipped: {skipped or 'nothing'}")
        self.stdout.write(f"  missing images: {report.missing_images}")
        if (
            report.counts["comments", "created"]
            + report.counts["comments", "unchanged"]
        ):
            self.stdout.write(
                "  comments are not published: staff read them in the admin, "
                "Moving in from WordPress > Comments from WordPress"
            )
        for booking_page in report.booking_pages:
            self.stdout.write(f"  booking page: {booking_page}")
        if report.kept:
            self.stdout.write(
                self.style.WARNING(
                    f"  {importer.KEPT} (--overwrite replaces them): {len(report.kept)}"
                )
            )
            for label in report.kept:
                self.stdout.write(f"    {label}")
        self.stdout.write(f"  warnings: {len(report.warnings)}")
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"    {warning}"))
        self.print_body_notes(report)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def print_body_notes(self, report: importer.Report) -> None:
        """Per post, what its body lost on the way: for its editor to look at."""
        lines = {
            "shortcodes not understood, removed": lambda notes: notes.shortcodes,
            "pictures left out": lambda notes: notes.missing_images,
            "left out, the editor cannot hold it": lambda notes: notes.left_out,
            "links to the old site with no page here": lambda notes: notes.old_links,
        }
        noted = {
            label: notes
            for label, notes in report.bodies.items()
            if any(values(notes) for values in lines.values())
        }
        self.stdout.write(f"  bodies to look at: {len(noted)}")
        for label, notes in noted.items():
            self.stdout.write(f"    {label}:")
            for title, values in lines.items():
                if values(notes):
                    listed = ", ".join(dict.fromkeys(values(notes)))
                    self.stdout.write(self.style.WARNING(f"      {title}: {listed}"))
