"""Backups restore every article and request, even when taken during traffic; they
are their owner's alone, and what is purged is gone from the database files."""

import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from appointments.models import AppointmentRequest
from blog.models import Article
from conftest import old_form_token

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite backups; PostgreSQL uses pg_dump"
)


def backup(tmp_path, capsys) -> str:
    call_command("backup", "--output-dir", str(tmp_path))
    return capsys.readouterr().out.split("Backup written: ")[1].strip()


def test_a_backup_restores_every_article_request_and_picture(
    committed_db, make_article, request_data, client, tmp_path, capsys, settings
):
    from conftest import jpeg_upload

    articles = [make_article(featured_image=jpeg_upload(), featured_image_alt="x")]
    articles += [make_article() for _ in range(3)]
    client.post("/appointments/request/", request_data())
    archive = backup(tmp_path, capsys)
    picture = articles[0].featured_image.path

    Article.objects.all().delete()
    AppointmentRequest.objects.all().delete()
    (settings.MEDIA_ROOT / articles[0].featured_image.name).unlink()

    call_command("restore", archive, "--yes")
    assert set(Article.objects.values_list("slug", flat=True)) == {
        a.slug for a in articles
    }
    assert AppointmentRequest.objects.count() == 1
    assert open(picture, "rb").read(2) == b"\xff\xd8"
    assert Client().get(articles[0].get_absolute_url()).status_code == 200


def test_a_backup_taken_while_requests_arrive_restores_to_a_working_site(
    committed_db, make_article, request_data, tmp_path, capsys, settings
):
    settings.APPOINTMENT_RATE_LIMIT_OFF = True
    make_article()
    stop = threading.Event()
    posted = []

    def visitor():
        client = Client()
        while not stop.is_set():
            response = client.post(
                "/appointments/request/", request_data(form_token=old_form_token())
            )
            posted.append(response.status_code)
        connection.close()

    threads = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in threads:
        thread.start()
    while len(posted) < 20:
        threading.Event().wait(0.05)
    archive = backup(tmp_path, capsys)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    total = AppointmentRequest.objects.count()
    assert set(posted) == {302}

    call_command("restore", archive, "--yes")
    restored = AppointmentRequest.objects.count()
    assert 20 <= restored <= total
    assert Client().get("/blog/").status_code == 200
    assert Client().post("/appointments/request/", request_data()).status_code == 302


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    import tarfile

    from django.core.management import CommandError

    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass
    with pytest.raises(CommandError, match="is not a clinic backup"):
        call_command("restore", str(bogus), "--yes")


def test_backups_are_readable_by_their_owner_only(db, tmp_path, capsys):
    archive = Path(backup(tmp_path / "backups", capsys))
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.parent.stat().st_mode) == 0o700


def test_a_purged_request_cannot_be_read_from_the_database_files(
    committed_db, make_request
):
    marker = b"purged-marker@example.com"
    make_request(email=marker.decode(), status="closed", age=timedelta(days=400))
    call_command("purge_requests", stdout=open("/dev/null", "w"))
    database = Path(connection.settings_dict["NAME"])
    for path in [database, Path(f"{database}-wal")]:
        assert not path.exists() or marker not in path.read_bytes(), path
