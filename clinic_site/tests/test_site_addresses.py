"""The editor's link dialog finds published articles and pages by title."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from blog.models import Article

URL = "/admin/site-addresses/"


def found(client, query: str) -> list[dict]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.fixture
def knee(make_article, make_page):
    make_article(title="Knee pain after running", slug="knee-pain")
    make_article(
        title="Knee surgery, a draft", slug="knee-draft", status=Article.Status.DRAFT
    )
    make_page(title="Knee clinic", slug="knee-clinic")
    make_article(title="Back pain", slug="back-pain")


def test_the_address_is_the_admins(db):
    assert reverse("admin:site_addresses") == URL


def test_an_editor_finds_published_articles_and_pages_by_title(editor_client, knee):
    assert found(editor_client, "KNEE") == [
        {
            "title": "Knee pain after running",
            "url": "/blog/knee-pain/",
            "kind": "Article",
        },
        {"title": "Knee clinic", "url": "/knee-clinic/", "kind": "Page"},
    ]


def test_a_query_of_one_letter_finds_nothing(editor_client, knee):
    assert found(editor_client, "k") == []


def test_results_are_bounded(
    editor_client, make_article, django_assert_max_num_queries
):
    for n in range(15):
        make_article(title=f"Knee exercise {n}")
    with django_assert_max_num_queries(8):
        results = found(editor_client, "knee exercise")
    assert len(results) == 10


def test_the_link_dialog_script_knows_the_address(editor_client, make_article):
    article = make_article()
    page = editor_client.get(reverse("admin:blog_article_change", args=[article.pk]))
    assert 'src="/static/js/link_finder.js"' in page.content.decode()
    assert f'data-url="{URL}"' in page.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, knee):
    response = client.get(URL, {"q": "knee"})
    assert response.status_code == 302
    assert "knee-pain" not in response.content.decode()


def test_staff_who_may_change_neither_are_refused(
    client, sign_in, django_user_model, knee
):
    clerk = django_user_model.objects.create_user(
        username="clerk", password="x-long-password-1", is_staff=True
    )
    sign_in(clerk)
    assert client.get(URL, {"q": "knee"}).status_code == 403


def test_staff_see_only_the_kinds_they_may_change(
    client, sign_in, django_user_model, knee
):
    page_editor = django_user_model.objects.create_user(
        username="pages", password="x-long-password-1", is_staff=True
    )
    page_editor.user_permissions.add(Permission.objects.get(codename="change_page"))
    sign_in(page_editor)
    assert [result["kind"] for result in found(client, "knee")] == ["Page"]


def test_only_reading_is_allowed(editor_client):
    assert editor_client.post(URL, {"q": "knee"}).status_code == 405
