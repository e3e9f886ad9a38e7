"""Whatever is typed, the search and its suggestions answer, on either database.

Words reach the databases' query syntax (PostgreSQL's tsquery after unaccent,
SQLite's FTS5) quoted by hand: a quote, backslash or operator surviving in a word,
or made by unaccent from a modifier letter, would be a syntax error and a 500.
"""

import sys

import pytest
from django.db import connection

from blog.search import plain_words
from conftest import listed_articles

HOSTILE = [
    "kneeʼs",  # modifier letter apostrophe: unaccent makes it "'"
    "kneeʻs",
    "kneeʹs",
    "kneeˈs",
    "ŉ knee",  # "ŉ" is "ʼn"
    "knee's",
    'knee"s',
    "knee\\",
    "\\' knee",
    "'' knee ''",
    '"""',
    "NEAR(knee pain, 2)",
    "knee*",
    "^knee",
    "title:knee",
    "knee:*",
    "(knee",
    "knee) OR (",
    "knee & !pain | <-> pain",
    "knee AND OR NOT",
    "knee_pain",
    "k" * 300,
    "ﷺ" * 200,  # one character, eighteen once decomposed
    "\u200fknee\u200e pain",  # right-to-left and left-to-right marks
    "\u202eknee",
    "ﬁnger ½ x² knee",
]


@pytest.mark.parametrize("url", ["/search/", "/search/suggestions/"])
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_words_are_answered(client, make_article, url, query):
    make_article(title="Knee pain on the stairs")
    assert client.get(url, {"q": query}).status_code == 200


@pytest.mark.parametrize("url", ["/search/", "/search/suggestions/"])
def test_a_nul_character_is_refused_as_a_bad_request(client, db, url):
    assert client.get(url, {"q": "knee\x00pain"}).status_code == 400


@pytest.mark.parametrize("apostrophe", ["'", "ʼ", "ʻ", "ʹ"])
def test_a_modifier_letter_apostrophe_parts_words_like_an_apostrophe(
    client, make_article, apostrophe
):
    knee = make_article(title="Knee pain on the stairs")
    found = client.get("/search/", {"q": f"knee{apostrophe}s pain"})
    assert listed_articles(found) == [knee]


def test_accents_and_compatibility_forms_are_searched_plain(client, make_article):
    finger = make_article(title="Finger sprains")
    assert listed_articles(client.get("/search/", {"q": "ﬁngér"})) == [finger]


def every_word_of_unicode() -> list[str]:
    return plain_words(" ".join(map(chr, range(1, sys.maxunicode + 1))))


def test_a_search_word_holds_letters_and_digits_alone(db):
    assert all(word.isalnum() for word in every_word_of_unicode())


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="unaccent is PostgreSQL's"
)
def test_unaccent_makes_no_quote_or_backslash_in_any_search_word(db):
    words = " ".join(every_word_of_unicode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent(%s)", [words])
        unaccented = cursor.fetchone()[0]
    assert "'" not in unaccented and "\\" not in unaccented


def test_a_client_searching_too_often_is_asked_to_wait(client, db, settings):
    settings.SEARCH_RATE_LIMIT = 2
    answers = [client.get("/search/", {"q": f"knee {n}"}) for n in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    waiting = answers[-1]
    assert waiting["Retry-After"] == "60"
    assert "wait a minute" in waiting.text and 'value="knee 2"' in waiting.text
    assert (
        client.get("/search/", {"q": "knee"}, REMOTE_ADDR="192.0.2.7").status_code
        == 200
    )
    assert client.get("/search/").status_code == 200  # the empty form costs nothing
