"""In an article's history, an editor sees what changed between two versions."""

import pytest
from django.urls import reverse
from reversion.models import Version

from blog.models import Article
from conftest import publish_time


@pytest.fixture
def two_versions(client, editor, sign_in, article_form, make_article):
    sign_in(editor)
    add = reverse("admin:blog_article_add")
    client.post(add, article_form(status="published", **publish_time()))
    article = Article.objects.get()
    client.post(
        reverse("admin:blog_article_change", args=[article.pk]),
        article_form(
            title="Shin splints: a guide for new runners",
            body="<h2>What it is</h2><p>Pain along the inner edge of the shin.</p>"
            "<p>Rest for a week.</p>",
            new_tags="running, walking",
            status="published",
            **publish_time(article.published_at),
        ),
    )
    older, newer = sorted(Version.objects.get_for_object(article), key=lambda v: v.pk)
    return article, older, newer


def test_the_history_offers_to_compare_the_two_latest_versions(client, two_versions):
    article, older, newer = two_versions
    page = client.get(reverse("admin:blog_article_history", args=[article.pk]))
    html = page.content.decode()
    assert f'name="from" value="{older.pk}" aria-label' in html
    assert f'name="to" value="{newer.pk}" aria-label' in html
    assert html.index(f'value="{newer.pk}"') < html.index(f'value="{older.pk}"')


def test_the_comparison_shows_changed_fields_and_a_readable_body_diff(
    client, two_versions
):
    article, older, newer = two_versions
    url = reverse("admin:blog_article_compare", args=[article.pk])
    page = client.get(url, {"from": older.pk, "to": newer.pk}).content.decode()
    assert "<del>Shin splints in new runners</del>" in page
    assert "<ins>Shin splints: a guide for new runners</ins>" in page
    assert "Removed: </span>Pain along the shin.</del>" in page
    assert "Added: </span>Rest for a week.</ins>" in page
    assert '<li class="diff-same">What it is</li>' in page
    assert "<del>running, shin</del>" in page
    assert "<ins>running, walking</ins>" in page
    assert "<strong>" not in page.split("version-compare", 1)[1]


def test_versions_of_another_article_cannot_be_compared(
    client, two_versions, make_article
):
    article, older, newer = two_versions
    other = make_article()
    url = reverse("admin:blog_article_compare", args=[other.pk])
    assert client.get(url, {"from": older.pk, "to": newer.pk}).status_code == 404
