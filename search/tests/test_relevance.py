"""The relevance set (search/relevance.toml) against the demo clinic."""

import sys

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import listed_articles
from search import relevance

FLOOR = 36  # of 40: nine in ten queries find the right article in the top three


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    settings.SEARCH_RATE_LIMIT = 0  # one client asks every query
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_patients_find_the_right_article_in_the_first_three_results(
    client, demo, capsys
):
    def ranked_slugs(text):
        response = client.get("/search/", {"q": text})
        return [article.slug for article in listed_articles(response)]

    score = relevance.score(ranked_slugs)
    with capsys.disabled():  # `make relevance` reports the score
        sys.stdout.write(f"\nRelevance on {connection.vendor}: {score.summary()}\n")
    misses = [(o.text, o.rank) for o in score.misses()]
    assert score.in_top >= FLOOR, f"{score.summary()}; missed {misses}"
