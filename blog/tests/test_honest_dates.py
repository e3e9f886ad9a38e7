"""“Updated” tells readers the advice changed: a typo fix never moves it, an update
the editor marks as substantive does, and search engines are told the same."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import json_ld, publish_time


@pytest.fixture
def month_old(make_article):
    published = timezone.now() - timedelta(days=30)
    return make_article(
        body="<p>Ice the knee for twenty minuts.</p>", published_at=published
    )


def save_in_admin(client, article_form, article, **overrides):
    data = article_form(
        title=article.title,
        slug=article.slug,
        body="<p>Ice the knee for twenty minutes.</p>",
        status="published",
        **publish_time(article.published_at),
    )
    url = reverse("admin:blog_article_change", args=[article.pk])
    response = client.post(url, data | overrides)
    assert response.status_code == 302
    article.refresh_from_db()
    return client.get(article.get_absolute_url()).content.decode()


def modified(page: str) -> str:
    return next(item for item in json_ld(page) if "mainEntity" in item)["mainEntity"][
        "dateModified"
    ]


def test_a_typo_fix_leaves_updated_where_it_was(
    client, editor, sign_in, article_form, month_old
):
    sign_in(editor)
    page = save_in_admin(client, article_form, month_old)
    assert "twenty minutes" in page
    assert "Updated" not in page
    assert month_old.revised_at is None
    assert modified(page) == month_old.published_at.isoformat()


def test_a_substantive_update_shows_today_to_readers_and_search_engines(
    client, editor, sign_in, article_form, month_old
):
    sign_in(editor)
    page = save_in_admin(client, article_form, month_old, substantive_update="on")
    today = timezone.localdate()
    assert f'Updated <time datetime="{today:%Y-%m-%d}' in page
    assert modified(page) == month_old.revised_at.isoformat()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<lastmod>{today:%Y-%m-%d}</lastmod>" in sitemap


def test_a_later_typo_fix_keeps_the_last_substantive_date(
    client, editor, sign_in, article_form, month_old
):
    earlier = timezone.now() - timedelta(days=10)
    month_old.revised_at = earlier
    month_old.save()
    sign_in(editor)
    page = save_in_admin(client, article_form, month_old)
    assert month_old.revised_at == earlier
    assert f'Updated <time datetime="{timezone.localtime(earlier):%Y-%m-%d}' in page
