"""The search understands patients: half-typed words, typos, lay words, names."""

import pytest

from blog.models import Category
from blog.search import edit_distance
from clinic.models import Person
from conftest import listed_articles
from search.models import Synonym

ADD_SYNONYM = "/admin/search/synonym/add/"


def found_titles(client, query) -> list[str]:
    return [a.title for a in listed_articles(client.get("/search/", {"q": query}))]


def test_a_word_is_found_from_its_first_letters(client, make_article):
    make_article(title="Knee pain on the stairs")
    make_article(title="Osteoporosis and bone density")
    make_article(title="Wrist sprains")
    assert found_titles(client, "kne") == ["Knee pain on the stairs"]
    assert found_titles(client, "osteo") == ["Osteoporosis and bone density"]


def test_a_half_typed_word_with_digits_is_found(client, make_article):
    make_article(title="Vitamin B12 and your nerves")
    make_article(title="Vitamin D and your bones")
    assert found_titles(client, "vitamin b1") == ["Vitamin B12 and your nerves"]


def test_every_word_of_four_letters_or_more_is_a_prefix(client, make_article):
    make_article(title="Shoulder exercises after surgery")
    make_article(title="Shoulder pain")
    assert found_titles(client, "exer shoulder") == ["Shoulder exercises after surgery"]


def test_a_typo_is_corrected_when_the_search_as_typed_finds_nothing(
    client, make_article
):
    make_article(title="Carpal tunnel syndrome")
    response = client.get("/search/", {"q": "carpel tunnel"})
    assert [a.title for a in listed_articles(response)] == ["Carpal tunnel syndrome"]
    assert "these are the results for <strong>“carpal tunnel”</strong>" in (
        response.content.decode()
    )


def test_did_you_mean_offers_a_correction_that_finds_more(client, make_article):
    make_article(title="Tennis elbow", body="<p>Tenis, a misprint.</p>")
    for _ in range(3):
        make_article(title="Tennis elbow exercises")
    response = client.get("/search/", {"q": "tenis"})
    page = response.content.decode()
    assert len(response.context["page"].items) == 1  # what was typed is still shown
    assert 'Did you mean <a href="/search/?q=tennis">“tennis”</a>?' in page


def test_no_correction_is_offered_when_it_finds_nothing_more(client, make_article):
    make_article(title="Hip arthritis")
    response = client.get("/search/", {"q": "zebrafish"})
    assert not response.context["search"].suggestion
    assert "Did you mean" not in response.content.decode()


def test_a_seeded_lay_phrase_finds_the_clinical_words(client, make_article):
    make_article(title="Osteoporosis and bone density")
    make_article(title="Carpal tunnel", body="<p>Tingling in the thumb.</p>")
    assert found_titles(client, "brittle bones") == ["Osteoporosis and bone density"]
    assert found_titles(client, "pins and needles") == ["Carpal tunnel"]


def test_the_typed_words_still_count_beside_their_synonyms(client, make_article):
    make_article(title="A broken wrist")
    make_article(title="Wrist fracture care")
    assert set(found_titles(client, "broken wrist")) == {
        "A broken wrist",
        "Wrist fracture care",
    }


def test_a_synonym_an_editor_adds_applies_at_once(editor_client, make_article):
    make_article(title="Adhesive capsulitis explained")
    assert found_titles(editor_client, "stuck shoulder") == []
    response = editor_client.post(
        ADD_SYNONYM, {"phrase": "Stuck  Shoulder", "means": "adhesive capsulitis"}
    )
    assert response.status_code == 302
    assert Synonym.objects.get(means="adhesive capsulitis").phrase == "stuck shoulder"
    assert found_titles(editor_client, "stuck shoulder") == [
        "Adhesive capsulitis explained"
    ]


def test_a_synonym_an_editor_changes_or_deletes_applies_at_once(
    editor_client, make_article
):
    make_article(title="Adhesive capsulitis explained")
    make_article(title="Frozen shoulder stretches")
    synonym = Synonym.objects.create(phrase="stiff shoulder", means="frozen shoulder")
    assert found_titles(editor_client, "stiff shoulder") == [
        "Frozen shoulder stretches"
    ]
    change = f"/admin/search/synonym/{synonym.pk}/change/"
    editor_client.post(change, {"phrase": "stiff shoulder", "means": "capsulitis"})
    assert found_titles(editor_client, "stiff shoulder") == [
        "Adhesive capsulitis explained"
    ]
    editor_client.post(f"/admin/search/synonym/{synonym.pk}/delete/", {"post": "yes"})
    assert "Adhesive capsulitis explained" not in found_titles(
        editor_client, "stiff shoulder"
    )


def test_a_synonym_needs_searchable_words(editor_client):
    response = editor_client.post(ADD_SYNONYM, {"phrase": "the and", "means": ", ,"})
    page = response.content.decode()
    assert "not only words such as “the” or “and”" in page
    assert "Give at least one word or phrase our articles use." in page
    assert 'value="the and"' in page  # what was typed is kept


def test_articles_are_found_by_their_author_and_reviewer(client, make_article):
    make_article(title="Written by Dana")
    nora = Person.objects.create(name="Nora Castellan", slug="nora-castellan")
    make_article(title="Reviewed by Nora", medical_reviewer=nora)
    assert set(found_titles(client, "whitfield")) == {
        "Written by Dana",
        "Reviewed by Nora",
    }
    assert found_titles(client, "castellan") == ["Reviewed by Nora"]


def test_renaming_a_person_renames_their_articles_in_the_index(
    client, make_article, author
):
    make_article(title="Knee care")
    author.name = "Dana Okonkwo"
    author.save()
    assert found_titles(client, "okonkwo") == ["Knee care"]
    assert found_titles(client, "whitfield") == []


def test_articles_are_found_by_their_categories(client, make_article):
    news = Category.objects.create(name="Clinic announcements", slug="announcements")
    make_article(title="New office", categories=[news])
    make_article(title="Knee care")
    assert found_titles(client, "announcements") == ["New office"]


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("carpel", "carpal", 1),
        ("sciatcia", "sciatica", 1),  # two letters swapped
        ("osteoporsis", "osteoporosis", 1),
        ("knee", "knee", 0),
        ("knee", "elbow", 2),  # over the limit: reported as limit + 1
    ],
)
def test_edit_distance(first, second, distance):
    assert edit_distance(first, second, limit=1) == distance


def test_when_no_article_has_every_word_those_with_most_are_shown(client, make_article):
    make_article(title="Knee pain on the stairs", body="<p>Climbing hurts.</p>")
    make_article(title="Hip exercises")
    response = client.get("/search/", {"q": "knee stairs giraffe"})
    assert [a.title for a in listed_articles(response)] == ["Knee pain on the stairs"]
    assert "No article holds every word of “knee stairs giraffe”" in (
        response.content.decode()
    )


def test_accents_need_not_be_typed(client, make_article):
    make_article(title="Sjögren syndrome and the joints")
    assert found_titles(client, "sjogren") == ["Sjögren syndrome and the joints"]
