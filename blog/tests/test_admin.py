"""Editors write, schedule, preview, publish, rename and restore articles."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from blog.models import Article, Category
from clinic.models import Person
from conftest import listed_articles, publish_time

ADD = reverse("admin:blog_article_add")
LIST = reverse("admin:blog_article_changelist")


def change_url(article):
    return reverse("admin:blog_article_change", args=[article.pk])


def test_an_editor_writes_a_draft_that_the_public_cannot_see(
    editor_client, article_form
):
    response = editor_client.post(ADD, article_form())
    assert response.status_code == 302, response.context["adminform"].errors
    article = Article.objects.get(slug="shin-splints")
    assert article.status == "draft"
    assert sorted(t.name for t in article.tags.all()) == ["running", "shin"]
    assert Client().get(article.get_absolute_url()).status_code == 404
    assert (
        "Preview: not published."
        in editor_client.get(article.get_absolute_url()).content.decode()
    )


def test_scheduling_publishes_when_the_time_comes(
    editor_client, article_form, time_machine
):
    when = timezone.now() + timedelta(hours=2)
    editor_client.post(ADD, article_form(status="published", **publish_time(when)))
    article = Article.objects.get()
    assert article.publication_state == "Scheduled"
    assert listed_articles(Client().get("/blog/")) == []
    time_machine(hours=3)
    cache.clear()  # the page cache runs on the real clock; see test_page_cache.py
    assert listed_articles(Client().get("/blog/")) == [article]


def test_publish_now_and_unpublish_actions(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    editor_client.post(
        LIST, {"action": "publish_now", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.is_public
    assert Client().get(article.get_absolute_url()).status_code == 200
    editor_client.post(LIST, {"action": "unpublish", "_selected_action": [article.pk]})
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_publishing_needs_the_publish_permission(client, editor, make_article, sign_in):
    editor.groups.get().permissions.remove(
        editor.groups.get().permissions.get(codename="publish_article")
    )
    article = make_article(status=Article.Status.DRAFT)
    sign_in(editor)
    client.post(LIST, {"action": "publish_now", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == "draft"
    form = client.get(change_url(article)).content.decode()
    assert 'name="status"' not in form  # shown read-only


def test_renaming_through_the_admin_keeps_the_old_address(
    editor_client, make_article, article_form
):
    article = make_article(slug="old-slug")
    data = article_form(
        slug="new-slug", status="published", **publish_time(article.published_at)
    )
    assert editor_client.post(change_url(article), data).status_code == 302
    response = Client().get("/blog/old-slug/")
    assert response.status_code == 301 and response["Location"] == "/blog/new-slug/"


def test_every_admin_save_keeps_a_revision_that_can_be_restored(
    editor_client, article_form
):
    editor_client.post(
        ADD, article_form(status="published", **publish_time(timezone.now()))
    )
    article = Article.objects.get()
    editor_client.post(
        change_url(article),
        article_form(
            title="A worse title",
            new_tags="running",
            status="published",
            **publish_time(article.published_at),
        ),
    )
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    first = versions.last()
    assert first.revision.user.username == "editor"
    history = editor_client.get(
        reverse("admin:blog_article_history", args=[article.pk])
    ).content.decode()
    revision_urls = [
        reverse("admin:blog_article_revision", args=[article.pk, version.pk])
        for version in versions
    ]
    assert all(url in history for url in revision_urls)  # both listed, to restore
    restore_url = reverse("admin:blog_article_revision", args=[article.pk, first.pk])
    assert editor_client.get(restore_url).status_code == 200
    response = editor_client.post(
        restore_url,
        article_form(status="published", **publish_time(article.published_at)),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Shin splints in new runners"
    assert sorted(t.name for t in article.tags.all()) == ["running", "shin"]
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "Shin splints in new runners" in page


def test_restoring_a_revision_with_an_older_slug_keeps_the_newer_address(
    editor_client, article_form
):
    editor_client.post(ADD, article_form(status="published", **publish_time()))
    article = Article.objects.get()
    published = publish_time(article.published_at)
    editor_client.post(
        change_url(article),
        article_form(slug="shin-splints-explained", status="published", **published),
    )
    first = Version.objects.get_for_object(article).last()
    restore = reverse("admin:blog_article_revision", args=[article.pk, first.pk])
    editor_client.post(restore, article_form(status="published", **published))
    response = Client().get("/blog/shin-splints-explained/")
    assert (response.status_code, response["Location"]) == (301, "/blog/shin-splints/")


def test_alt_text_is_required_with_a_picture(editor_client, article_form):
    from conftest import jpeg_upload

    response = editor_client.post(ADD, article_form(featured_image=jpeg_upload()))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Describe the picture" in errors["featured_image_alt"][0]


def test_a_review_needs_both_reviewer_and_date(editor_client, article_form, author):
    response = editor_client.post(ADD, article_form(medical_reviewer=str(author.pk)))
    errors = response.context["adminform"].form.errors
    assert "Give the date of the medical review." in errors["reviewed_on"][0]


@pytest.mark.parametrize(
    "day, time", [("0001-01-01", "00:00:00"), ("9999-12-31", "23:59:59")]
)
def test_a_publish_time_outside_1900_to_2199_is_refused_on_its_field(
    editor_client, article_form, day, time
):
    data = article_form(status="published", published_at_0=day, published_at_1=time)
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["published_at"] == ["Please give a date between 1900 and 2199."]
    assert not Article.objects.exists()


def test_a_review_date_outside_1900_to_2199_is_refused_on_its_field(
    editor_client, article_form, author
):
    data = article_form(medical_reviewer=str(author.pk), reviewed_on="0001-01-01")
    response = editor_client.post(ADD, data)
    errors = response.context["adminform"].form.errors
    assert errors["reviewed_on"] == ["Please give a date between 1900 and 2199."]


def test_the_list_tells_drafts_scheduled_and_published_apart(
    editor_client, make_article
):
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + timedelta(days=1))
    make_article()
    page = editor_client.get(LIST).content.decode()
    for state in ["Draft", "Scheduled", "Published"]:
        assert f'class="state state-{state.lower()}">{state}</span>' in page


@pytest.mark.parametrize(
    ("state", "expected"),
    [("draft", {"draft"}), ("scheduled", {"scheduled"}), ("published", {"public"})],
)
def test_the_state_filter(editor_client, make_article, state, expected):
    articles = {
        "draft": make_article(status=Article.Status.DRAFT),
        "scheduled": make_article(published_at=timezone.now() + timedelta(days=1)),
        "public": make_article(),
    }
    shown = set(editor_client.get(LIST, {"state": state}).context["cl"].result_list)
    assert shown == {articles[name] for name in expected}


def test_the_overdue_review_filter(editor_client, make_article, author):
    never = make_article()
    old = make_article(
        medical_reviewer=author, reviewed_on=timezone.localdate() - timedelta(days=400)
    )
    make_article(
        medical_reviewer=author, reviewed_on=timezone.localdate() - timedelta(days=30)
    )
    shown = set(
        editor_client.get(LIST, {"review": "overdue"}).context["cl"].result_list
    )
    assert shown == {never, old}


def test_list_search_covers_title_summary_and_body(editor_client, make_article):
    wanted = make_article(body="<p>Plantar fascia stretches.</p>")
    make_article()
    shown = editor_client.get(LIST, {"q": "fascia"}).context["cl"].result_list
    assert list(shown) == [wanted]


def test_related_picks_are_chosen_in_the_admin(
    editor_client, make_article, article_form
):
    article = make_article(slug="main")
    pick = make_article()
    data = article_form(
        slug="main",
        status="published",
        **publish_time(article.published_at),
        **{
            "related_pick_links-TOTAL_FORMS": "1",
            "related_pick_links-0-position": "0",
            "related_pick_links-0-to_article": str(pick.pk),
        },
    )
    assert editor_client.post(change_url(article), data).status_code == 302
    assert list(article.related_picks.all()) == [pick]


def test_front_desk_cannot_open_the_article_change_form(
    client, front_desk, make_article, sign_in
):
    article = make_article()
    sign_in(front_desk)
    assert client.get(change_url(article)).status_code == 403
    assert client.get(LIST).status_code == 403


def test_editors_manage_categories_but_cannot_delete_them(editor_client):
    assert editor_client.get(reverse("admin:blog_category_add")).status_code == 200
    blog = Category.objects.get(slug="blog")
    delete = reverse("admin:blog_category_delete", args=[blog.pk])
    assert editor_client.get(delete).status_code == 403


def test_tags_are_picked_by_autocomplete_and_new_ones_added_by_name(
    editor_client, article_form, make_article
):
    existing = make_article(tags=["knee"]).tags.get()
    found = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "kn",
            "app_label": "blog",
            "model_name": "article",
            "field_name": "tags",
        },
    ).json()
    assert [result["text"] for result in found["results"]] == ["knee"]
    editor_client.post(
        ADD, article_form(tags=[str(existing.pk)], new_tags='hip, "lower back"')
    )
    article = Article.objects.get(slug="shin-splints")
    assert sorted(t.name for t in article.tags.all()) == ["hip", "knee", "lower back"]


def test_an_article_with_a_picture_can_be_saved_again(
    editor_client, make_article, article_form
):
    from conftest import jpeg_upload

    article = make_article(
        slug="pictured", featured_image=jpeg_upload(), featured_image_alt="A"
    )
    data = article_form(
        slug="pictured",
        summary="A better summary.",
        featured_image_alt="A",
        status="published",
        **publish_time(article.published_at),
    )
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.summary == "A better summary." and article.featured_image


def test_the_editors_home_lists_drafts_own_first_scheduled_and_reviews_due(
    client, editor, sign_in, make_article, author
):
    author.user = editor
    author.save()
    someone = Person.objects.create(name="Someone Else", slug="someone-else")
    make_article(title="Another's draft", status="draft", author=someone)
    make_article(title="My draft", status="draft")
    later = timezone.now() + timedelta(days=2)
    make_article(title="Coming Thursday", published_at=later)
    today = timezone.localdate()
    make_article(
        title="Reviewed long ago",
        medical_reviewer=author,
        reviewed_on=today - timedelta(days=350),
    )
    make_article(title="Reviewed lately", medical_reviewer=author, reviewed_on=today)
    sign_in(editor)
    page = client.get("/admin/").text
    home = page[page.index("Articles to see to") :]
    assert home.index("My draft") < home.index("Another&#x27;s draft")
    assert "Coming Thursday" in home
    assert "Reviewed long ago" in home and "Reviewed lately" not in home


def test_the_front_desk_home_has_no_article_lists(client, front_desk, sign_in):
    sign_in(front_desk)
    assert "Articles to see to" not in client.get("/admin/").text
