"""The relevance set (search/relevance.toml) against the demo clinic."""

import pytest
from django.core.management import call_command

from search import relevance

FLOOR = 36  # of 40: nine in ten queries find the right article in the top three


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_patients_find_the_right_article_in_the_first_three_results(client, demo):
    def ranked_slugs(text):
        response = client.get("/search/", {"q": text})
        return [article.slug for article in response.context["page"].items]

    score = relevance.score(ranked_slugs)
    misses = [(o.text, o.rank) for o in score.misses()]
    assert score.in_top >= FLOOR, f"{score.summary()}; missed {misses}"
