"""Editors keep the physicians directory in the admin: who sees patients, their
specialties, locations and photo; only clinicians can be asked for on the form."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from clinic import images
from clinic.models import Person, Specialty
from conftest import jpeg_upload

ADD = reverse("admin:clinic_person_add")


@pytest.fixture
def person_form(location):
    """POST data for the admin's add-person form (a clinician); override by keyword."""

    def form(**overrides):
        data = {
            "name": "Nora Castellan",
            "slug": "nora-castellan",
            "credentials": "MD, FAAOS",
            "role": "Orthopedic surgeon",
            "bio": "Knees and sports injuries.",
            "clinician": "on",
            "addressed_as": "Dr. Castellan",
            "specialties": [],
            "locations": [str(location.pk)],
            "accepts_new_patients": "on",
            "takes_appointments": "on",
            "position": "0",
            "user": "",
        }
        return data | overrides

    return form


def test_an_editor_adds_a_clinician_with_specialties_and_locations(
    editor_client, person_form, location
):
    knees = Specialty.objects.create(name="Knee")
    sports = Specialty.objects.create(name="Sports medicine")
    response = editor_client.post(
        ADD, person_form(specialties=[str(knees.pk), str(sports.pk)])
    )
    assert response.status_code == 302
    person = Person.objects.get(slug="nora-castellan")
    assert set(person.specialties.all()) == {knees, sports}
    assert list(person.locations.all()) == [location]
    assert person.clinician and person.takes_appointments


def test_only_someone_who_sees_patients_can_be_asked_for_on_the_form(
    editor_client, person_form
):
    data = person_form(name="Ivo Writer", slug="ivo-writer")
    del data["clinician"]
    response = editor_client.post(ADD, data)
    form = response.context["adminform"].form
    assert form.has_error("takes_appointments", code="not_a_clinician")
    assert not Person.objects.filter(slug="ivo-writer").exists()


def test_the_database_refuses_appointments_with_someone_who_sees_no_patients(db):
    with pytest.raises(IntegrityError):
        Person.objects.create(name="Ivo", slug="ivo", takes_appointments=True)


def test_a_photo_is_re_encoded_measured_and_cut_into_portrait_renditions(
    editor_client, person_form
):
    photo = jpeg_upload("portrait.jpg", size=(900, 1200), quality=100)
    response = editor_client.post(ADD, person_form(photo=photo))
    assert response.status_code == 302
    person = Person.objects.get(slug="nora-castellan")
    assert (person.photo_width, person.photo_height) == (900, 1200)
    assert person.photo.name.startswith("authors/")
    assert person.photo.size < photo.size  # a fresh encoding, not the upload
    for width in images.PORTRAIT_WIDTHS:
        for extension in ("webp", "jpg"):
            name = images.rendition_name(person.photo.name, width, extension)
            assert default_storage.exists(name), name
    assert person.photo_sources.fallback.endswith("-480.jpg")


def test_a_file_that_is_not_a_picture_is_refused_beside_the_field(
    editor_client, person_form
):
    fake = SimpleUploadedFile("me.jpg", b"<html>not a picture</html>", "image/jpeg")
    response = editor_client.post(ADD, person_form(photo=fake))
    assert response.context["adminform"].form.errors["photo"]


def test_editors_add_specialties_from_the_person_form_by_autocomplete(
    editor_client, db
):
    Specialty.objects.create(name="Hand and wrist")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "clinic",
            "model_name": "person",
            "field_name": "specialties",
            "term": "hand",
        },
    )
    assert [item["text"] for item in response.json()["results"]] == ["Hand and wrist"]


def test_the_front_desk_cannot_edit_people(client, front_desk, sign_in, author):
    sign_in(front_desk)
    url = reverse("admin:clinic_person_change", args=[author.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Changed"}).status_code == 403
    author.refresh_from_db()
    assert author.name == "Dana Whitfield"
