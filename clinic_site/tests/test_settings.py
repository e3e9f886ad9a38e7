"""Settings come from the environment and refuse malformed values loudly."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "k3y-" + "x7Qp9vLm2Rt8Wn4Zs6Yb1Hc5Jd0Fg3Ke" * 2,
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://clinic.example",
    "EMAIL_HOST": "mail.clinic.example",
}


def manage(*args, **env):
    """Run manage.py with no DJANGO_ variables but those given (None unsets one)."""
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={k: v for k, v in (clean_env | env).items() if v is not None},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_malformed_boolean_stops_the_start():
    result = manage("check", DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG should be true or false, not 'maybe'" in result.stderr


def test_a_secret_key_is_required_when_debug_is_off():
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off" in result.stderr


def test_a_malformed_database_url_stops_the_start():
    result = manage("check", DJANGO_DEBUG="true", DATABASE_URL="nonsense://x")
    assert result.returncode != 0
    assert "DATABASE_URL is not a database address" in result.stderr


@pytest.mark.parametrize("value", ["ten", "5 per minute"])
def test_a_malformed_whole_number_stops_the_start(value):
    result = manage("check", DJANGO_DEBUG="true", PAGE_CACHE_SECONDS=value)
    assert result.returncode != 0
    assert "PAGE_CACHE_SECONDS should be a whole number" in result.stderr


@pytest.mark.parametrize("value", ["0", "0/600", "5/0", "five/600", "5"])
def test_a_malformed_or_zero_rate_limit_stops_the_start(value):
    result = manage("check", DJANGO_DEBUG="true", APPOINTMENT_RATE_LIMIT=value)
    assert result.returncode != 0
    assert (
        "APPOINTMENT_RATE_LIMIT should be a count and seconds above 0, like 5/600"
        in result.stderr
    )


def test_deploy_check_warns_while_the_rate_limit_is_off():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        APPOINTMENT_RATE_LIMIT_OFF="true",
        **PRODUCTION,
    )
    assert result.returncode != 0
    assert "appointments.W001" in result.stderr + result.stdout


def test_deploy_check_passes_with_production_settings(tmp_path):
    # A database of its own: the first-run checks judge content, not settings.
    database = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DATABASE_URL=database,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_without_a_mail_server():
    without_mail = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **without_mail)
    assert result.returncode != 0
    assert "clinic_site.W001" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        (PRODUCTION, "django.core.mail.backends.smtp.EmailBackend"),
        ({**PRODUCTION, "EMAIL_HOST": ""}, "clinic_site.mail.UnsentMailBackend"),
        ({"DJANGO_DEBUG": "true"}, "django.core.mail.backends.console.EmailBackend"),
    ],
)
def test_emails_are_printed_only_on_a_developer_s_machine(env, backend):
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    assert manage("shell", "-c", code, **env).stdout.split()[-1] == backend


def test_deploy_check_flags_the_local_secret_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_DEBUG="true")
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


def test_sqlite_is_the_default_with_immediate_transactions_and_wal():
    code = (
        "import json; from django.conf import settings;"
        " print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    result = manage("shell", "-c", code, DJANGO_DEBUG="true", DATABASE_URL=None)
    database = json.loads(result.stdout.splitlines()[-1])
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 20
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    # On by default in Debian's SQLite, not in every build: purges rely on it.
    assert "secure_delete=ON" in database["OPTIONS"]["init_command"]


@pytest.mark.parametrize(
    "url, engine",
    [
        ("postgres://u@db.example/clinic", "django.db.backends.postgresql"),
        ("sqlite:///var/settings-test.sqlite3", "django.db.backends.sqlite3"),
    ],
)
def test_databases_get_persistent_checked_connections(url, engine):
    code = (
        "from django.conf import settings;"
        "d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = manage("shell", "-c", code, DJANGO_DEBUG="true", DATABASE_URL=url)
    assert result.stdout.split()[-3:] == [engine, "60", "True"]


def test_redis_url_selects_the_redis_cache():
    code = (
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    result = manage(
        "shell", "-c", code, DJANGO_DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/0"
    )
    assert result.stdout.strip().endswith("clinic_site.cache.ResilientRedisCache")


def test_a_media_bucket_selects_s3_storage_and_allows_its_pictures():
    code = (
        "from django.conf import settings;"
        "media = settings.STORAGES['default'];"
        "options = media['OPTIONS'];"
        "print(media['BACKEND'], options['bucket_name'], settings.SERVE_MEDIA);"
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])"
    )
    result = manage(
        "shell",
        "-c",
        code,
        DJANGO_DEBUG="true",
        MEDIA_S3_BUCKET="clinic-media",
        MEDIA_S3_ENDPOINT_URL="https://objects.example",
    )
    first, second = result.stdout.strip().splitlines()[-2:]
    assert first == "storages.backends.s3.S3Storage clinic-media False"
    assert second == "https://objects.example"
