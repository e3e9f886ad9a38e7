"""A database from before locations and people moved to `clinic` upgrades intact."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from appointments.models import AppointmentRequest
from blog.models import Article
from clinic.models import Location, Person, Redirect
from clinic_site.roles import EDITORS, FRONT_DESK

BEFORE_THE_MOVE = [
    ("blog", "0005_editors_choose_related_picks"),
    ("appointments", "0002_front_desk_group"),
    ("clinic", None),
]


def migrate(targets):
    """Migrate the test database to these targets; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    nodes = [(app, name) for app, name in targets if name is not None]
    return executor.loader.project_state(nodes).apps


@pytest.fixture
def old_database(committed_db, django_user_model):
    """The schema as the last release left it, with a little of everything in it."""
    apps = migrate(BEFORE_THE_MOVE)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Author = apps.get_model("blog", "Author")
    author = Author.objects.create(name="Nora Castellan", slug="nora", credentials="MD")
    location = apps.get_model("appointments", "Location").objects.create(
        name="Cambridge",
        street_address="88 Millbrook Avenue",
        city="Cambridge",
        region="MA",
        postal_code="02139",
        phone="(617) 555-0110",
    )
    article = apps.get_model("blog", "Article").objects.create(
        title="Knees",
        slug="knees",
        summary="About knees.",
        author=author,
        medical_reviewer=author,
        status="published",
        published_at=timezone.now(),
    )
    apps.get_model("blog", "Redirect").objects.create(
        old_path="/blog/old-knees/", article=article
    )
    apps.get_model("appointments", "AppointmentRequest").objects.create(
        reference="ABCDEFGH",
        form_token="token",
        full_name="Ada Example",
        phone="+16175550123",
        patient_type="new",
        location=location,
        preferred_provider=author,
        reason="Knee pain.",
        consented_at=timezone.now(),
        consent_version="test",
    )
    author_type, _ = ContentType.objects.get_or_create(app_label="blog", model="author")
    LogEntry.objects.create(  # admin's table is untouched by these migrations
        action_time=timezone.now(),
        content_type_id=author_type.pk,
        object_id=str(author.pk),
        object_repr="Nora Castellan",
        action_flag=1,
        user=django_user_model.objects.create(username="x"),
    )
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_people_locations_and_their_links_survive_the_move(old_database):
    person = Person.objects.get(slug="nora")
    article = Article.objects.get(slug="knees")
    request = AppointmentRequest.objects.get(reference="ABCDEFGH")
    assert article.author == person and article.medical_reviewer == person
    assert request.preferred_provider == person
    assert request.location == Location.objects.get(name="Cambridge")


def test_old_addresses_still_lead_to_their_article(old_database, client):
    assert Redirect.objects.get(old_path="/blog/old-knees/").target.slug == "knees"
    response = client.get("/blog/old-knees/")
    assert response.status_code == 301 and response["Location"] == "/blog/knees/"


def test_history_and_rights_follow_people_to_the_clinic_app(old_database):
    entry = LogEntry.objects.get(object_repr="Nora Castellan")
    assert entry.get_edited_object() == Person.objects.get(slug="nora")
    editors = Group.objects.get(name=EDITORS).permissions
    front_desk = Group.objects.get(name=FRONT_DESK).permissions
    assert editors.filter(content_type__app_label="clinic", codename="change_person")
    assert front_desk.filter(content_type__app_label="clinic", codename="view_location")
    assert not editors.filter(content_type__app_label="blog", codename="add_redirect")
