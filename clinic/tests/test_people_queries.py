"""The directory and the profiles make a fixed number of queries, however many people,
specialties, locations and articles there are.

Counts are for a first visit with an empty cache, as in blog/tests/test_queries.py:
the page's own queries, the site chrome (5: site settings, categories, locations,
menus, legal pages; 6 with the locations' hours when there are locations) and the
next scheduled publication (1).
"""

import pytest
from django.core.cache import cache

from clinic.models import Person, Specialty
from conftest import jpeg_upload


def build_team(make_location, size):
    """`size` clinicians with a photo, two specialties and two locations each."""
    specialties = [Specialty.objects.create(name=f"Specialty {n}") for n in range(4)]
    locations = [make_location(name=f"Office {n}") for n in range(3)]
    people = []
    for n in range(size):
        person = Person.objects.create(
            name=f"Clinician {n}",
            slug=f"clinician-{n}",
            clinician=True,
            takes_appointments=True,
            photo=jpeg_upload(size=(300, 300)),
        )
        person.specialties.add(specialties[n % 4], specialties[(n + 1) % 4])
        person.locations.add(locations[n % 3], locations[(n + 1) % 3])
        people.append(person)
    return people


@pytest.mark.parametrize("size", [2, 15])
def test_the_directory_makes_the_same_queries_for_any_team(
    client, make_location, django_assert_num_queries, size
):
    build_team(make_location, size)
    cache.clear()
    # people, their specialties, their locations; chrome (6); next publication
    with django_assert_num_queries(10):
        response = client.get("/physicians/")
    assert response.content.decode().count('class="person-card"') == size


@pytest.mark.parametrize("articles", [1, 30])
def test_a_profile_makes_the_same_queries_for_any_number_of_articles(
    client, make_article, make_location, django_assert_num_queries, articles
):
    [person] = build_team(make_location, 1)
    for _ in range(articles):
        make_article(author=person, medical_reviewer=person, reviewed_on="2026-01-05")
    cache.clear()
    # the person, specialties, locations, articles written, articles reviewed,
    # their titles (until kept); chrome (6); next publication
    with django_assert_num_queries(13):
        response = client.get(person.get_absolute_url())
    assert response.status_code == 200


def test_an_author_page_makes_fewer_queries(
    client, make_article, django_assert_num_queries
):
    writer = Person.objects.create(name="Ivo Marsh", slug="ivo-marsh")
    make_article(author=writer)
    cache.clear()
    # the person, articles written, articles reviewed, their titles (until kept);
    # chrome (5); next publication
    with django_assert_num_queries(10):
        response = client.get(writer.get_absolute_url())
    assert response.status_code == 200
