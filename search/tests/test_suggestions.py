"""Titles offered while typing in the search box (/search/suggestions/)."""

from django.core.cache import cache

from blog.models import Article
from search import suggestions

URL = "/search/suggestions/"


def offered(client, typed) -> list[str]:
    response = client.get(URL, {"q": typed})
    assert response.status_code == 200
    return [found["title"] for found in response.json()["suggestions"]]


def test_titles_are_offered_for_the_first_letters_typed(client, make_article):
    knee = make_article(title="Knee pain on the stairs")
    make_article(title="Wrist sprains")
    response = client.get(URL, {"q": "kne"})
    assert response.json() == {
        "suggestions": [{"title": knee.title, "url": knee.get_absolute_url()}]
    }


def test_only_public_articles_are_offered(client, make_article):
    make_article(title="Knee pain")
    make_article(title="Knee draft", status=Article.Status.DRAFT)
    assert offered(client, "knee") == ["Knee pain"]


def test_a_bounded_number_of_titles_is_offered(client, make_article):
    for _ in range(suggestions.MAX_SUGGESTIONS + 2):
        make_article(title="Knee exercises")
    assert len(offered(client, "knee")) == suggestions.MAX_SUGGESTIONS


def test_nothing_is_offered_for_a_single_letter_or_noise(client, make_article):
    make_article(title="Knee pain")
    for typed in ["", "k", "!!", "the", "x" * 5000]:
        assert offered(client, typed) == []


def test_answers_are_kept_briefly(client, make_article, django_assert_num_queries):
    make_article(title="Knee pain")
    cache.clear()
    # synonyms, the index, the articles' publication, their titles
    with django_assert_num_queries(4):
        assert offered(client, "knee") == ["Knee pain"]
    with django_assert_num_queries(0):
        assert offered(client, "knee") == ["Knee pain"]


def test_a_client_asking_too_often_is_slowed_down(client, db, monkeypatch):
    monkeypatch.setattr(suggestions, "RATE_LIMIT", 3)
    answers = [client.get(URL, {"q": "knee"}).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    other = client.get(URL, {"q": "knee"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
