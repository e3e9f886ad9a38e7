"""A site set up without the demo is told, by `manage.py check` and on the admin's
home page, what it still lacks before patients can use it."""

import io

import pytest
from django.core.management import call_command

from clinic.models import Location, SiteSettings
from clinic_site.tests.test_settings import manage
from pages.models import Page

NO_LOCATION = "clinic_site.W002"
NO_PRIVACY_NOTICE = "clinic_site.W003"
DEMO_SETTINGS = "clinic_site.W004"


def check() -> str:
    """What `manage.py check` says."""
    out, err = io.StringIO(), io.StringIO()
    call_command("check", stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


@pytest.fixture
def ready_site(location, make_page):
    """A site with an active location, a published privacy notice and its own name."""
    make_page(title="Notice of privacy practices", kind=Page.Kind.PRIVACY)
    SiteSettings.objects.update(name="Harbor Orthopedics", phone="(508) 555-0199")


def test_a_new_site_is_told_all_it_lacks_in_plain_words(db):
    said = check()
    assert f"({NO_LOCATION}) No active location: the appointment request form " in said
    assert f"({NO_PRIVACY_NOTICE}) No notice of privacy practices is published" in said
    assert (
        f"({DEMO_SETTINGS}) The site settings still hold the demo clinic's name "
        in said
    )
    assert "HINT: Add your address under Clinic › Locations" in said


def test_a_site_that_is_ready_hears_nothing(ready_site):
    assert check() == "System check identified no issues (0 silenced).\n"


@pytest.mark.parametrize(
    ("undo", "warning"),
    [
        (lambda: Location.objects.update(active=False), NO_LOCATION),
        (lambda: Page.objects.update(status=Page.Status.DRAFT), NO_PRIVACY_NOTICE),
        (lambda: Page.objects.update(kind=Page.Kind.POLICY), NO_PRIVACY_NOTICE),
        (lambda: SiteSettings.objects.update(phone="617-555-0100"), DEMO_SETTINGS),
        (
            lambda: SiteSettings.objects.update(name="Riverside Bone & Joint Clinic"),
            DEMO_SETTINGS,
        ),
    ],
    ids=[
        "inactive location",
        "draft notice",
        "other legal page",
        "demo phone written otherwise",
        "demo name",
    ],
)
def test_each_lack_is_told(ready_site, undo, warning):
    undo()
    said = check()
    assert f"({warning})" in said
    assert said.count("clinic_site.W") == 1


def test_nothing_is_judged_before_the_database_is_migrated(tmp_path):
    result = manage(
        "check",
        DJANGO_SECRET_KEY="tests-only-not-a-secret",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


# The admin's home page


def test_editors_see_what_the_site_lacks_with_where_to_fix_it(editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert "Before the site is ready" in page
    assert "No active location" in page
    assert '<a href="/admin/clinic/location/add/">Add your address' in page
    assert '<a href="/admin/clinic/sitesettings/">Set your clinic' in page


def test_the_front_desk_is_not_told(client, front_desk, sign_in):
    sign_in(front_desk)
    assert "Before the site is ready" not in client.get("/admin/").content.decode()


def test_a_ready_site_shows_editors_no_warning(editor_client, ready_site):
    assert (
        "Before the site is ready" not in editor_client.get("/admin/").content.decode()
    )
