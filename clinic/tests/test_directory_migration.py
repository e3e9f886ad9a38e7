"""A database from before the physicians directory upgrades: the people who see
patients are marked so, and photos uploaded before get their size and renditions
(or are forgotten, when their file is lost)."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from PIL import Image

from clinic import images
from clinic.models import Person
from clinic.tests.test_migrations import migrate

BEFORE_THE_DIRECTORY = [("clinic", "0005_free_text_hours_go")]


def test_people_who_see_patients_are_found_and_photos_measured(committed_db):
    apps = migrate(BEFORE_THE_DIRECTORY)
    OldPerson = apps.get_model("clinic", "Person")
    surgeon = OldPerson.objects.create(
        name="Surgeon", slug="s", takes_appointments=True
    )
    reviewer = OldPerson.objects.create(name="Reviewer", slug="r")
    writer = OldPerson.objects.create(name="Writer", slug="w")
    apps.get_model("blog", "Article").objects.create(
        title="Knees",
        slug="knees",
        summary="About knees.",
        author=writer,
        medical_reviewer=reviewer,
        status="published",
        published_at=timezone.now(),
    )
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "teal").save(buffer, "JPEG")
    writer.photo = default_storage.save(
        "authors/old.jpg", ContentFile(buffer.getvalue())
    )
    writer.save()
    OldPerson.objects.filter(pk=reviewer.pk).update(photo="authors/gone.jpg")

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    clinicians = Person.objects.filter(clinician=True)
    assert set(clinicians.values_list("slug", flat=True)) == {surgeon.slug, "r"}
    writer = Person.objects.get(slug="w")
    assert (writer.photo_width, writer.photo_height) == (600, 800)
    assert default_storage.exists(images.rendition_name(writer.photo.name, 480, "webp"))
    assert not Person.objects.get(slug="r").photo  # its file was lost
