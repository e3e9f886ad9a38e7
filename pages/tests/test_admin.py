"""Editors write, schedule, preview, publish, rename and restore pages, as articles."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from conftest import error_beside, jpeg_upload, publish_time
from pages.models import Page
from pages.tests.conftest import ADD, change_url, form_errors

LIST = reverse("admin:pages_page_changelist")


def test_an_editor_writes_a_draft_that_the_public_cannot_see(editor_client, page_form):
    response = editor_client.post(ADD, page_form())
    assert response.status_code == 302, form_errors(response)
    page = Page.objects.get()
    assert page.status == "draft"
    assert Client().get("/insurance/").status_code == 404
    assert (
        "Preview: not published." in editor_client.get("/insurance/").content.decode()
    )


def test_the_body_is_sanitized_like_an_article_s(editor_client, page_form):
    editor_client.post(
        ADD,
        page_form(
            body='<p onclick="steal()">Hi<script>alert(1)</script></p><h2>Plans</h2>'
        ),
    )
    body = Page.objects.get().body
    assert "script" not in body and "onclick" not in body
    assert '<h2 id="plans">Plans</h2>' in body


def test_a_refused_link_is_explained_and_nothing_is_saved(editor_client, page_form):
    response = editor_client.post(
        ADD, page_form(body='<p><a href="javascript:alert(1)">x</a></p>')
    )
    assert "javascript:alert(1)" in error_beside(response, "body")
    assert not Page.objects.exists()


def test_scheduling_publishes_when_the_time_comes(
    editor_client, page_form, time_machine
):
    when = timezone.now() + timedelta(hours=2)
    editor_client.post(ADD, page_form(status="published", **publish_time(when)))
    assert Page.objects.get().publication_state == "Scheduled"
    assert Client().get("/insurance/").status_code == 404
    time_machine(hours=3)
    cache.clear()  # the page cache runs on the real clock; see test_page_cache.py
    assert Client().get("/insurance/").status_code == 200


def test_publish_now_and_unpublish_actions(editor_client, make_page):
    page = make_page(slug="about", status=Page.Status.DRAFT, published_at=None)
    response = editor_client.post(
        LIST, {"action": "publish_now", "_selected_action": [page.pk]}, follow=True
    )
    assert "1 page(s) published." in response.content.decode()
    assert Client().get("/about/").status_code == 200
    editor_client.post(LIST, {"action": "unpublish", "_selected_action": [page.pk]})
    assert Client().get("/about/").status_code == 404


def test_publishing_needs_the_publish_permission(client, editor, make_page, sign_in):
    group = editor.groups.get()
    group.permissions.remove(group.permissions.get(codename="publish_page"))
    page = make_page(status=Page.Status.DRAFT)
    sign_in(editor)
    client.post(LIST, {"action": "publish_now", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.status == "draft"
    assert 'name="status"' not in client.get(change_url(page)).content.decode()


def test_renaming_through_the_admin_keeps_the_old_address(
    editor_client, make_page, page_form
):
    page = make_page(slug="insurance")
    data = page_form(
        slug="insurance-and-billing",
        status="published",
        **publish_time(page.published_at),
    )
    assert editor_client.post(change_url(page), data).status_code == 302
    response = Client().get("/insurance/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/insurance-and-billing/",
    )


def test_every_admin_save_keeps_a_revision_that_can_be_restored(
    editor_client, page_form
):
    editor_client.post(ADD, page_form(status="published", **publish_time()))
    page = Page.objects.get()
    editor_client.post(
        change_url(page),
        page_form(
            title="A worse title", status="published", **publish_time(page.published_at)
        ),
    )
    versions = Version.objects.get_for_object(page)
    assert versions.count() == 2
    first = versions.last()
    assert first.revision.user.username == "editor"
    restore = reverse("admin:pages_page_revision", args=[page.pk, first.pk])
    assert editor_client.get(restore).status_code == 200
    response = editor_client.post(
        restore, page_form(status="published", **publish_time(page.published_at))
    )
    assert response.status_code == 302
    assert "Insurance and billing</h1>" in Client().get("/insurance/").content.decode()


def test_alt_text_is_required_with_a_share_image(editor_client, page_form):
    response = editor_client.post(ADD, page_form(share_image=jpeg_upload()))
    assert form_errors(response)["share_image_alt"] == [
        "Describe the picture for readers who cannot see it."
    ]


@pytest.mark.parametrize(
    ("day", "time"), [("0001-01-01", "00:00:00"), ("9999-12-31", "23:59:59")]
)
def test_a_publish_time_outside_1900_to_2199_is_refused_on_its_field(
    editor_client, page_form, day, time
):
    data = page_form(status="published", published_at_0=day, published_at_1=time)
    response = editor_client.post(ADD, data)
    assert form_errors(response) == {
        "published_at": ["Please give a date between 1900 and 2199."]
    }
    assert not Page.objects.exists()


def test_a_second_privacy_notice_cannot_be_published(
    editor_client, page_form, make_page
):
    make_page(slug="privacy", kind=Page.Kind.PRIVACY)
    response = editor_client.post(
        ADD, page_form(slug="privacy-2", kind="privacy", status="published")
    )
    assert form_errors(response)["kind"] == [
        "Another notice of privacy practices is published already. "
        "Edit that one, or unpublish it first."
    ]
    draft = editor_client.post(ADD, page_form(slug="privacy-2", kind="privacy"))
    assert draft.status_code == 302  # a draft of the next version is fine


def test_the_publish_action_also_refuses_a_second_privacy_notice(
    editor_client, make_page
):
    make_page(slug="privacy", kind=Page.Kind.PRIVACY)
    second = make_page(slug="new", kind=Page.Kind.PRIVACY, status=Page.Status.DRAFT)
    response = editor_client.post(
        LIST,
        {"action": "publish_now", "_selected_action": [second.pk]},
        follow=True,
    )
    second.refresh_from_db()
    assert second.status == "draft"
    assert "was left as it was: Another notice" in response.content.decode()


def test_the_list_shows_addresses_and_states(editor_client, make_page):
    about = make_page(slug="about")
    make_page(slug="team", parent=about, status=Page.Status.DRAFT)
    make_page(published_at=timezone.now() + timedelta(days=1))
    page = editor_client.get(LIST).content.decode()
    assert "/about/team/" in page
    for state in ["Draft", "Scheduled", "Published"]:
        assert f'class="state state-{state.lower()}">{state}</span>' in page


def test_the_parent_choices_show_where_each_page_lives(editor_client, make_page):
    about = make_page(slug="about", title="About us")
    make_page(slug="team", title="Our team", parent=about)
    form = editor_client.get(ADD).content.decode()
    assert "About us (/about/)</option>" in form
    assert "Our team (/about/team/)</option>" in form


def test_front_desk_cannot_open_the_pages(client, front_desk, make_page, sign_in):
    page = make_page()
    sign_in(front_desk)
    assert client.get(LIST).status_code == 403
    assert client.get(change_url(page)).status_code == 403


def test_restoring_an_older_address_brings_the_subpages_back_and_keeps_redirects(
    editor_client, page_form
):
    editor_client.post(ADD, page_form(status="published", **publish_time()))
    page = Page.objects.get()
    editor_client.post(
        ADD,
        page_form(title="Plans", slug="plans", parent=str(page.pk), status="published"),
    )
    editor_client.post(
        change_url(page),
        page_form(
            slug="billing", status="published", **publish_time(page.published_at)
        ),
    )
    first = Version.objects.get_for_object(page).last()  # at /insurance/
    restore = reverse("admin:pages_page_revision", args=[page.pk, first.pk])
    editor_client.post(
        restore, page_form(status="published", **publish_time(page.published_at))
    )
    visitor = Client()
    assert visitor.get("/insurance/").status_code == 200
    assert visitor.get("/insurance/plans/").status_code == 200
    for old, new in [
        ("/billing/", "/insurance/"),
        ("/billing/plans/", "/insurance/plans/"),
    ]:
        response = visitor.get(old)
        assert (response.status_code, response["Location"]) == (301, new)


def test_a_legal_page_s_last_updated_moves_with_its_wording_only(
    editor_client, make_page, page_form
):
    notice = make_page(
        slug="insurance", kind="privacy", body="<p>We keep your records safe.</p>"
    )
    long_ago = timezone.now() - timedelta(days=400)
    Page.objects.filter(pk=notice.pk).update(wording_changed_at=long_ago)
    unchanged = page_form(
        kind="privacy",
        body="<p>We keep your records safe.</p>",
        title=notice.title,
        status="published",
        **publish_time(notice.published_at),
    )

    def last_updated():
        page = Client().get("/insurance/").content.decode()
        return re.search(r'Last updated <time datetime="([0-9-]+)"', page)[1]

    editor_client.post(change_url(notice), unchanged | {"position": "3"})
    assert last_updated() == f"{timezone.localtime(long_ago):%Y-%m-%d}"
    editor_client.post(
        change_url(notice),
        unchanged | {"body": "<p>We keep them safe for 7 years.</p>"},
    )
    assert last_updated() == f"{timezone.localdate():%Y-%m-%d}"
