"""Shared fixtures: factories for articles, pages, authors, locations and staff
accounts."""

import datetime
import io
import itertools
import json
import re
import struct
import time
import zlib
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.views.debug import get_exception_reporter_class
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from appointments.forms import TOKEN_SALT
from appointments.models import AppointmentRequest
from blog.models import Article, Category
from clinic.models import Location, Person
from clinic_site.admin import needs_second_factor
from clinic_site.roles import EDITORS, FRONT_DESK
from pages.models import Page

pytest_plugins = ["clinic_site.tests.strict_ci"]

_numbers = itertools.count(1)
STAFF_PASSWORD = "a-long-test-password-42"


def pytest_configure(config):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
    }
    # The test client speaks plain HTTP; clinic_site/tests/test_headers.py turns
    # the HTTPS redirect back on to check it.
    settings.SECURE_SSL_REDIRECT = False
    # Hashing passwords at full strength would make fixtures slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Readership counts are written when a test asks (readership/tests), and each
    # view reaches the cache at once.
    settings.READERSHIP_FLUSH_INLINE = False
    settings.READERSHIP_PUSH_SECONDS = 0


@pytest.fixture(autouse=True, scope="session")
def _media_in_temporary_folder(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    for each in caches.all():  # the pages' and the readership counters'
        each.clear()
    yield
    for each in caches.all():
        each.clear()


def listed_articles(response) -> list[Article]:
    """The articles a list or search page shows, in order: its page holds their ids,
    and the cards are rendered from them."""
    ids = response.context["page"].items
    found = Article.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


def jpeg_upload(name="photo.jpg", size=(1200, 800), color="teal", **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def publish_time(moment=None) -> dict:
    """The admin's two publish-time inputs for a moment (now by default)."""
    moment = timezone.localtime(moment or timezone.now())
    return {
        "published_at_0": f"{moment:%Y-%m-%d}",
        "published_at_1": f"{moment:%H:%M:%S}",
    }


def error_beside(response, field: str) -> str:
    """The error the admin shows in the row of one field, as text ('' if none)."""
    row = re.search(
        rf'<div class="form-row errors field-{field}">\s*<ul class="errorlist"[^>]*>'
        r"(.*?)</ul>",
        response.content.decode(),
        re.S,
    )
    return strip_tags(row.group(1)).strip() if row else ""


def json_ld(page: str) -> list:
    """The structured data blocks of an HTML page, parsed."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    )
    return [json.loads(block) for block in blocks]


def breadcrumb_trail(page: str) -> list[tuple[str, str | None]]:
    """The breadcrumb trail a page shows, as (name, link); the current page, last,
    is not a link (None)."""
    nav = re.search(
        r'<nav class="breadcrumbs" aria-label="Breadcrumb">(.*?)</nav>', page, re.S
    ).group(1)
    items = re.findall(
        r'<li>(?:<a href="([^"]+)">|<span aria-current="page">)([^<]+)<', nav
    )
    return [(name, link or None) for link, name in items]


def png_bomb(side: int = 10_000) -> bytes:
    """157 bytes or so: a PNG header that declares side x side pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def blog_category(db):
    return Category.objects.get(slug="blog")


@pytest.fixture
def author(db):
    return Person.objects.create(
        name="Dana Whitfield",
        slug="dana-whitfield",
        credentials="MD",
        clinician=True,
        takes_appointments=True,
    )


@pytest.fixture
def make_article(db, author, blog_category):
    """Build a published article; override any field by keyword, plus tags=[...].

    Each is dated a minute before the one made before it: a test whose claim rests
    on which articles are newer passes published_at, so the order is its own."""

    def make(*, tags=(), categories=None, **fields):
        n = next(_numbers)
        defaults = {
            "title": f"Article {n}",
            "slug": f"article-{n}",
            "summary": f"Summary of article {n}.",
            "body": "<p>Text.</p>",
            "author": author,
            "status": Article.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=1, minutes=n),
        }
        article = Article.objects.create(**(defaults | fields))
        article.categories.set(
            categories if categories is not None else [blog_category]
        )
        article.tags.set(list(tags))
        return article

    return make


@pytest.fixture
def make_page(db):
    """Build a published page; override any field by keyword (parent=... nests it)."""

    def make(**fields):
        n = next(_numbers)
        defaults = {
            "title": f"Page {n}",
            "slug": f"page-{n}",
            "summary": f"Summary of page {n}.",
            "body": "<p>Text.</p>",
            "status": Page.Status.PUBLISHED,
            "published_at": timezone.now() - timedelta(days=1),
        }
        return Page.objects.create(**(defaults | fields))

    return make


@pytest.fixture
def make_location(db):
    """Build an active location open Monday to Friday, 8:00 am to 5:00 pm; override
    any field by keyword."""

    def make(**fields):
        n = next(_numbers)
        defaults = {
            "name": f"Office {n}",
            "slug": f"office-{n}",
            "street_address": "1 Main Street",
            "city": "Cambridge",
            "region": "MA",
            "postal_code": "02139",
            "phone": "(617) 555-0110",
        }
        location = Location.objects.create(**(defaults | fields))
        for day in range(5):
            location.opening_hours.create(
                weekday=day, opens=datetime.time(8), closes=datetime.time(17)
            )
        return location

    return make


@pytest.fixture
def location(make_location):
    return make_location(name="Cambridge", slug="cambridge")


def _staff(django_user_model, username, group=None, **flags):
    user = django_user_model.objects.create_user(
        username=username, password=STAFF_PASSWORD, is_staff=True, **flags
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _staff(django_user_model, "editor", EDITORS)


@pytest.fixture
def front_desk(db, django_user_model):
    return _staff(django_user_model, "frontdesk", FRONT_DESK)


@pytest.fixture
def administrator(db, django_user_model):
    return _staff(django_user_model, "boss", is_superuser=True)


def old_form_token(age_seconds=60, nonce=None):
    """A form token handed out `age_seconds` ago (past the minimum fill time)."""
    payload = {
        "nonce": nonce or f"nonce-{next(_numbers)}",
        "issued": time.time() - age_seconds,
    }
    return signing.dumps(payload, salt=TOKEN_SALT)


@pytest.fixture
def request_data(location):
    """Valid POST data for the appointment request form; override by keyword."""

    def data(**overrides):
        values = {
            "full_name": "Ada Example",
            "phone": "(617) 555-0123",
            "email": "ada@example.com",
            "contact_method": "phone",
            "patient_type": "new",
            "location": str(location.pk),
            "preferred_provider": "",
            "preferred_days": ["mon", "wed"],
            "preferred_time": "morning",
            "reason": "Knee pain when climbing stairs.",
            "consent": "on",
            "website": "",
            "form_token": old_form_token(),
        }
        return values | overrides

    return data


def post_change_form(client, appointment, **fields):
    """Save a request's admin page as the front desk does (no inline emails added)."""
    data = {"notifications-TOTAL_FORMS": "0", "notifications-INITIAL_FORMS": "0"}
    return client.post(appointment.get_admin_url(), data | fields)


def mailed(message) -> str:
    """What an email says, decoded: recipients, subject, body and alternatives."""
    alternatives = [content for content, _type in getattr(message, "alternatives", [])]
    return "\n".join([*message.to, message.subject, message.body, *alternatives])


def error_reports(caplog, mailoutbox) -> list[str]:
    """Every error report: each mailed one, and the HTML page (with each frame's
    variables) Django renders for every error logged with its request."""
    reports = [mailed(message) for message in mailoutbox]
    for record in caplog.records:
        if record.exc_info and hasattr(record, "request"):
            reporter = get_exception_reporter_class(record.request)
            reports.append(
                reporter(record.request, *record.exc_info).get_traceback_html()
            )
    return reports


@pytest.fixture
def time_machine(monkeypatch):
    """Move the clock forward: time_machine(hours=3) makes timezone.now() and
    time.time() (cache expiry, the page cache's schedule) that much later."""
    offset = timedelta()
    real_now, real_time = timezone.now, time.time

    def travel(**delta):
        nonlocal offset
        offset += timedelta(**delta)

    monkeypatch.setattr(timezone, "now", lambda: real_now() + offset)
    monkeypatch.setattr(time, "time", lambda: real_time() + offset.total_seconds())
    return travel


@pytest.fixture
def sign_in(client):
    """Sign a user in, with a verified second factor when their role needs one."""

    def sign_in(user, on=None):
        browser = on or client
        browser.force_login(user)
        if needs_second_factor(user):
            device, _ = TOTPDevice.objects.get_or_create(user=user, name="default")
            session = browser.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return browser

    return sign_in


@pytest.fixture
def editor_client(client, editor, sign_in):
    """The test client, signed in as an editor."""
    sign_in(editor)
    return client


@pytest.fixture
def committed_db(transactional_db, django_db_serialized_rollback):
    """A database whose writes really commit (for threads, servers and browsers).

    Afterwards it is restored, data migrations included (categories, roles).
    """


@pytest.fixture
def make_request(location):
    """Save an appointment request directly; override any field by keyword.

    `age` (a timedelta) backdates it, as if it had come in that long ago.
    """
    counter = iter(range(1, 10_000))

    def make(age=None, **fields):
        n = next(counter)
        defaults = {
            "full_name": f"Patient {n}",
            "phone": "+16175550123",
            "email": f"patient{n}@example.com",
            "patient_type": "new",
            "location": location,
            "reason": "Sore shoulder.",
            "consented_at": timezone.now(),
            "consent_version": "test",
            "form_token": f"token-{n}",
        }
        appointment = AppointmentRequest.objects.create(**(defaults | fields))
        if age is not None:  # created_at is set on creation: change it afterwards
            AppointmentRequest.objects.filter(pk=appointment.pk).update(
                created_at=timezone.now() - age
            )
            appointment.refresh_from_db()
        return appointment

    return make
