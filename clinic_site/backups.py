"""Backups of the embedded (SQLite) database and the media folder, as one archive.

The database is copied with SQLite's online backup API, which gives a consistent
snapshot while the site keeps serving and writing. PostgreSQL deployments use
pg_dump instead (docs/deployment.md).
"""

import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

DATABASE_MEMBER = "db.sqlite3"
MEDIA_MEMBER = "media"
MANIFEST_MEMBER = "manifest.json"


def sqlite_path() -> Path:
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        raise CommandError(
            "This database is not SQLite: back it up with pg_dump "
            "(see docs/deployment.md, Backups)."
        )
    return Path(connections["default"].settings_dict["NAME"])


def create_backup(output_dir: Path) -> Path:
    """Write <output_dir>/clinic-<time>.tar.gz holding the database and media.

    The archive holds health information: it is its owner's alone from its first
    byte (0600, in a folder made 0700).
    """
    source = sqlite_path()
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    archive = output_dir / f"clinic-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / DATABASE_MEMBER
        with sqlite3.connect(source) as live, sqlite3.connect(copy) as target:
            live.backup(target)
        target.close()
        manifest = {"created": timezone.now().isoformat(), "database": source.name}
        (Path(work) / MANIFEST_MEMBER).write_text(json.dumps(manifest))
        partial = archive.with_suffix(".partial")
        with (
            open(partial, "xb", opener=owner_only) as file,
            tarfile.open(fileobj=file, mode="w:gz") as tar,
        ):
            tar.add(Path(work) / MANIFEST_MEMBER, MANIFEST_MEMBER)
            tar.add(copy, DATABASE_MEMBER)
            if Path(settings.MEDIA_ROOT).is_dir():
                tar.add(settings.MEDIA_ROOT, MEDIA_MEMBER)
        os.replace(partial, archive)  # an archive is either whole or absent
    return archive


def owner_only(path, flags):
    return os.open(path, flags, 0o600)


def restore_backup(archive: Path) -> None:
    """Replace the database and media folder with those in the archive."""
    target = sqlite_path()
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        names = set(tar.getnames())
        if not {MANIFEST_MEMBER, DATABASE_MEMBER} <= names:
            raise CommandError(f"{archive} is not a clinic backup.")
        tar.extractall(work, filter="data")
        restored = Path(work) / DATABASE_MEMBER
        with sqlite3.connect(restored) as check:
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CommandError(f"The database in {archive} is damaged.")
        check.close()
        connections.close_all()
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(restored, f"{target}.restoring")
        os.replace(f"{target}.restoring", target)
        media = Path(work) / MEDIA_MEMBER
        if media.is_dir():
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
            shutil.copytree(media, settings.MEDIA_ROOT)
