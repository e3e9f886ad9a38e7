"""The physicians directory, clinicians' profiles and the author pages of people
who only write."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Article
from clinic.models import Person, Specialty
from conftest import jpeg_upload, json_ld

DIRECTORY = "/physicians/"


@pytest.fixture
def surgeon(author, location):
    """Dana Whitfield (the articles' author), a surgeon seeing patients in Cambridge."""
    author.addressed_as = "Dr. Whitfield"
    author.role = "Orthopedic surgeon"
    author.bio = "Knees, hips and getting back to running.\n\nShe coaches a team."
    author.save()
    author.specialties.add(
        Specialty.objects.create(name="Sports medicine"),
        Specialty.objects.create(name="Knee"),
    )
    author.locations.add(location)
    return author


@pytest.fixture
def writer(db):
    return Person.objects.create(
        name="Ivo Marsh", slug="ivo-marsh", role="Health writer", bio="Ivo writes."
    )


def test_the_directory_lists_the_people_who_see_patients_with_what_they_do(
    client, surgeon, writer
):
    page = client.get(DIRECTORY).content.decode()
    assert '<a href="/physicians/dana-whitfield/">Dana Whitfield, MD</a>' in page
    assert "Orthopedic surgeon" in page
    assert "Knee, Sports medicine" in page
    assert "Cambridge" in page
    assert "Accepting new patients" in page
    assert "Ivo Marsh" not in page


def test_the_directory_follows_the_order_editors_give(client, surgeon):
    Person.objects.create(name="Zoe First", slug="zoe", clinician=True, position=0)
    surgeon.position = 1
    surgeon.save()
    page = client.get(DIRECTORY).content.decode()
    assert page.index("Zoe First") < page.index("Dana Whitfield")


def test_a_closed_location_is_not_where_anyone_sees_patients(
    client, surgeon, make_location
):
    closed = make_location(name="Old Annex", active=False)
    surgeon.locations.add(closed)
    assert "Old Annex" not in client.get(DIRECTORY).content.decode()
    assert "Old Annex" not in client.get(surgeon.get_absolute_url()).content.decode()


def test_someone_not_taking_new_patients_says_so(client, surgeon):
    surgeon.accepts_new_patients = False
    surgeon.save()
    page = client.get(DIRECTORY).content.decode()
    assert "Not accepting new patients at the moment" in page


def test_a_profile_shows_who_they_are_what_they_treat_and_where(client, surgeon):
    response = client.get("/physicians/dana-whitfield/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Dana Whitfield, MD</h1>" in page
    assert "Knee, Sports medicine" in page
    assert "Cambridge" in page
    assert "<p>Knees, hips and getting back to running.</p>" in page
    assert "<p>She coaches a team.</p>" in page


def test_a_profile_offers_an_appointment_with_that_physician(client, surgeon):
    page = client.get(surgeon.get_absolute_url()).content.decode()
    assert (
        '<a class="button button-primary" '
        'href="/appointments/request/?physician=dana-whitfield">'
        "Request an appointment with Dr. Whitfield</a>"
    ) in page


def test_no_appointment_button_for_someone_patients_cannot_ask_for(client, surgeon):
    surgeon.takes_appointments = False
    surgeon.save()
    page = client.get(surgeon.get_absolute_url()).content.decode()
    assert "?physician=" not in page


def test_a_profile_shows_the_photo_with_its_size(client, surgeon):
    surgeon.photo = jpeg_upload("me.jpg", size=(600, 800))
    surgeon.save()
    page = client.get(surgeon.get_absolute_url()).content.decode()
    sources = surgeon.photo_sources
    assert f'src="{sources.fallback}"' in page
    assert 'width="600" height="800" alt=""' in page
    assert f'srcset="{sources.webp}"' in page and "-240.webp 240w" in sources.webp


def test_a_profile_lists_public_articles_written_and_reviewed_newest_first(
    client, surgeon, make_article, writer
):
    older = make_article(
        title="Older piece", published_at=timezone.now() - timedelta(3)
    )
    newer = make_article(
        title="Newer piece", published_at=timezone.now() - timedelta(1)
    )
    make_article(title="A draft", status=Article.Status.DRAFT)
    make_article(title="Soon", published_at=timezone.now() + timedelta(days=1))
    reviewed = make_article(
        title="Checked piece",
        author=writer,
        medical_reviewer=surgeon,
        reviewed_on=timezone.localdate(),
    )
    page = client.get(surgeon.get_absolute_url()).content.decode()
    written_part, reviewed_part = page.split("Articles Dr. Whitfield reviewed")
    assert "Articles by Dr. Whitfield" in written_part
    assert written_part.index(newer.title) < written_part.index(older.title)
    assert f'href="{reviewed.get_absolute_url()}"' in reviewed_part
    assert reviewed.title not in written_part
    assert "A draft" not in page and "Soon" not in page


def test_a_scheduled_article_joins_the_profile_when_it_goes_public(
    client, surgeon, make_article, time_machine
):
    make_article(title="Already out")
    make_article(title="Out tomorrow", published_at=timezone.now() + timedelta(days=1))
    assert "Out tomorrow" not in client.get(surgeon.get_absolute_url()).text
    time_machine(days=2)
    page = client.get(surgeon.get_absolute_url()).text
    assert "Out tomorrow" in page and "Already out" in page


def test_a_long_list_of_articles_is_cut_to_the_newest_ten(
    client, surgeon, make_article
):
    articles = [make_article(title=f"Piece number {n}") for n in range(12)]
    page = client.get(surgeon.get_absolute_url()).content.decode()
    shown = [article for article in articles if f">{article.title}<" in page]
    assert shown == articles[:10]  # make_article: each one older than the last
    assert "The 10 most recent of each are listed." in page


def test_someone_who_only_writes_has_an_author_page_and_no_profile(
    client, writer, make_article
):
    article = make_article(title="Writing about knees", author=writer)
    assert writer.get_absolute_url() == "/authors/ivo-marsh/"
    page = client.get("/authors/ivo-marsh/").content.decode()
    assert "<h1>Ivo Marsh</h1>" in page and "Ivo writes." in page
    assert f'href="{article.get_absolute_url()}"' in page
    assert "Sees patients" not in page and "new patients" not in page
    assert "?physician=" not in page
    response = client.get("/physicians/ivo-marsh/")
    assert response.status_code == 301
    assert response["Location"] == "/authors/ivo-marsh/"


def test_a_clinician_at_the_author_address_is_sent_to_the_profile(client, surgeon):
    response = client.get("/authors/dana-whitfield/")
    assert response.status_code == 301
    assert response["Location"] == "/physicians/dana-whitfield/"
    assert "max-age=0" in response["Cache-Control"]  # never remembered for good


def test_an_unknown_person_is_not_found(client, db):
    assert client.get("/physicians/nobody/").status_code == 404
    assert client.get("/authors/nobody/").status_code == 404


def test_the_profile_describes_the_clinician_for_search_engines(
    client, surgeon, location, settings
):
    surgeon.credentials = "MD, FAAOS"
    surgeon.save()
    profile, _trail = json_ld(client.get(surgeon.get_absolute_url()).content.decode())
    assert profile["@type"] == "ProfilePage"
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert person["url"] == settings.SITE_URL + "/physicians/dana-whitfield/"
    assert person["jobTitle"] == "Orthopedic surgeon"
    assert [c["name"] for c in person["hasCredential"]] == ["MD", "FAAOS"]
    assert person["knowsAbout"] == ["Knee", "Sports medicine"]
    assert person["worksFor"] == {
        "@type": "MedicalClinic",
        "name": settings.CLINIC_NAME,
        "url": settings.SITE_URL + "/",
    }
    [place] = person["workLocation"]
    assert place["name"] == location.name
    assert place["address"]["streetAddress"] == location.street_address


def test_an_author_page_describes_a_person_without_a_practice(client, writer):
    profile, _trail = json_ld(client.get(writer.get_absolute_url()).content.decode())
    person = profile["mainEntity"]
    assert person["name"] == "Ivo Marsh" and person["description"] == "Ivo writes."
    assert "worksFor" not in person and "hasCredential" not in person


def test_the_sitemap_lists_the_directory_profiles_and_author_pages(
    client, surgeon, writer
):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ["/physicians/", "/physicians/dana-whitfield/", "/authors/ivo-marsh/"]:
        assert f"{path}</loc>" in sitemap
