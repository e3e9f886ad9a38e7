from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone

from blog.models import Article
from clinic.models import Redirect


def test_published_excludes_drafts_and_scheduled_articles(make_article):
    public = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert list(Article.objects.published()) == [public]


def test_a_scheduled_article_becomes_public_when_its_time_comes(
    make_article, time_machine
):
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=2))
    assert scheduled.publication_state == "Scheduled"
    time_machine(hours=3)
    assert list(Article.objects.published()) == [scheduled]


def test_publishing_without_a_time_publishes_now(make_article):
    article = make_article(published_at=None)
    assert article.published_at <= timezone.now()
    assert article.is_public


def test_body_is_sanitized_on_every_save_not_only_in_forms(make_article):
    article = make_article(body='<p onclick="x()">Hi<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"


def test_reading_time_follows_the_body(make_article):
    article = make_article(body="<p>" + "word " * 1000 + "</p>")
    assert article.reading_minutes == 5


def test_headings_get_stable_ids_for_the_table_of_contents(make_article):
    article = make_article(body="<h2>Why it hurts</h2><p>.</p><h3>Why it hurts</h3>")
    assert article.table_of_contents == [
        {"level": 2, "id": "why-it-hurts", "text": "Why it hurts"},
        {"level": 3, "id": "why-it-hurts-2", "text": "Why it hurts"},
    ]
    article.save()
    assert article.table_of_contents[0]["id"] == "why-it-hurts"


def test_renaming_a_published_article_keeps_its_old_address(make_article):
    article = make_article(slug="old-name")
    article = Article.objects.get(pk=article.pk)
    article.slug = "new-name"
    article.save()
    assert Redirect.objects.get(old_path="/blog/old-name/").target == article


def test_renaming_a_draft_leaves_no_redirect(make_article):
    article = Article.objects.get(pk=make_article(status=Article.Status.DRAFT).pk)
    article.slug = "renamed"
    article.save()
    assert not Redirect.objects.exists()


def test_reusing_an_old_address_removes_its_redirect(make_article):
    first = Article.objects.get(pk=make_article(slug="shared").pk)
    first.slug = "first-renamed"
    first.save()
    make_article(slug="shared")
    assert not Redirect.objects.filter(old_path="/blog/shared/").exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("published_at", datetime(1, 1, 1, tzinfo=UTC)),
        ("published_at", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("reviewed_on", date(1, 1, 1)),
        ("created_at", datetime(1899, 12, 31, tzinfo=UTC)),
        ("updated_at", datetime(2200, 1, 1, tzinfo=UTC)),
    ],
)
def test_the_database_refuses_dates_outside_1900_to_2199(make_article, field, value):
    article = make_article()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(**{field: value})


def test_dates_stored_before_the_rule_move_into_range_and_pages_show_them(
    committed_db, make_article
):
    old = make_article(slug="old")
    far = make_article(slug="far")
    # Made with today's columns; then back to before the rule, to store bad dates.
    call_command("migrate", "blog", "0006", verbosity=0)
    Article.objects.filter(pk=old.pk).update(
        published_at=datetime(1, 1, 1, tzinfo=UTC),
        created_at=datetime(1, 1, 1, tzinfo=UTC),
        reviewed_on=date(1, 1, 1),
    )
    Article.objects.filter(pk=far.pk).update(
        published_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    )
    call_command("migrate", verbosity=0)
    old.refresh_from_db()
    far.refresh_from_db()
    assert old.published_at == old.created_at == datetime(1900, 1, 1, tzinfo=UTC)
    assert old.reviewed_on == date(1900, 1, 1)
    assert far.published_at.year == 2199 and far.publication_state == "Scheduled"
    visitor = Client()
    for url in ["/", "/blog/", old.get_absolute_url(), "/search/?q=article"]:
        assert visitor.get(url).status_code == 200, url
