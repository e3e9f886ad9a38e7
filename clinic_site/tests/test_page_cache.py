"""Anonymous pages come whole from the cache, and are never stale."""

import sys
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import Article, Category
from clinic.models import Person, Specialty
from clinic.pagination import PER_PAGE
from clinic_site.page_cache import (
    SHOWN_LINKS,
    SHOWN_MODELS,
    bump_content_version,
)
from pages.models import Page


@pytest.fixture
def anonymous(db):
    return Client()


def test_a_second_visit_is_served_from_the_cache(
    anonymous, make_article, django_assert_num_queries
):
    make_article()
    anonymous.get("/blog/")
    with django_assert_num_queries(0):
        assert anonymous.get("/blog/").status_code == 200


def test_parameters_no_view_reads_share_one_copy_a_page_number_has_its_own(
    anonymous, make_article, django_assert_num_queries
):
    for _ in range(PER_PAGE + 1):
        make_article()
    first = anonymous.get("/blog/?x=1&utm_medium=email")
    with django_assert_num_queries(0):
        again = anonymous.get("/blog/?x=2&fbclid=abc")
    assert again.content == first.content
    with CaptureQueriesContext(connection) as queries:
        second_page = anonymous.get("/blog/?page=2&x=3")
    assert second_page.status_code == 200 and len(queries) > 0
    assert second_page.content != first.content
    with django_assert_num_queries(0):
        anonymous.get("/blog/?x=4&page=2")


def rename_author(article):
    Person.objects.filter(pk=article.author_id).update(name="Renamed")  # no signal
    Person.objects.get(pk=article.author_id).save()


def pick_a_related_article(article):
    [picked] = Article.objects.bulk_create(  # no signal: only the pick sends one
        [
            Article(
                title="A hand-picked read",
                slug="hand-picked",
                author=article.author,
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - timedelta(days=400),
            )
        ]
    )
    article.related_pick_links.create(to_article=picked, position=0)


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (lambda a: setattr(a, "title", "A new title") or a.save(), "A new title"),
        (lambda a: setattr(a, "status", Article.Status.DRAFT) or a.save(), None),
        (lambda a: a.delete(), None),
        (lambda a: a.tags.add("brand-new-tag"), "brand-new-tag"),
        (lambda a: a.categories.add(Category.objects.get(slug="news")), ">News</a>"),
        (rename_author, ">Renamed, MD</a>"),
        (pick_a_related_article, "A hand-picked read"),
    ],
    ids=["edit", "unpublish", "delete", "tag", "category", "author", "related pick"],
)
def test_any_change_shows_at_the_next_request(anonymous, make_article, change, shown):
    article = make_article(title="Old title")
    url = article.get_absolute_url()
    anonymous.get(url)
    change(article)
    response = anonymous.get(url)
    if shown:
        assert shown in response.content.decode()
    else:
        assert response.status_code == 404


def rename_specialty(person):
    specialty = person.specialties.get()
    specialty.name = "Hand and wrist"
    specialty.save()


def rename_location(person):
    location = person.locations.get()
    location.name = "Somerville"
    location.save()


def main_content(response) -> str:
    """The page's main part (the footer lists every location)."""
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


@pytest.mark.parametrize(
    ("change", "shown", "gone"),
    [
        (
            lambda p: setattr(p, "role", "Hand surgeon") or p.save(),
            "Hand surgeon",
            None,
        ),
        (rename_specialty, "Hand and wrist", "Sports medicine"),
        (lambda p: p.specialties.clear(), None, "Sports medicine"),
        (
            lambda p: p.specialties.add(Specialty.objects.create(name="Spine")),
            "Spine",
            None,
        ),
        (lambda p: p.locations.clear(), None, "Cambridge"),
        (rename_location, "Somerville", "Cambridge"),
    ],
    ids=[
        "person",
        "specialty",
        "specialty link",
        "new specialty",
        "location link",
        "location",
    ],
)
@pytest.mark.parametrize("page", ["directory", "profile"])
def test_a_change_to_a_person_shows_on_their_pages_at_the_next_request(
    anonymous, author, location, page, change, shown, gone
):
    author.specialties.add(Specialty.objects.create(name="Sports medicine"))
    author.locations.add(location)
    url = "/physicians/" if page == "directory" else author.get_absolute_url()
    before = main_content(anonymous.get(url))
    assert "Sports medicine" in before and "Cambridge" in before
    change(author)
    after = main_content(anonymous.get(url))
    if shown:
        assert shown in after
    if gone:
        assert gone not in after


def test_publishing_shows_on_the_cached_home_page_at_once(anonymous, make_article):
    draft = make_article(title="Fresh draft", status=Article.Status.DRAFT)
    assert "Fresh draft" not in anonymous.get("/").content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()
    assert "Fresh draft" in anonymous.get("/").content.decode()


def test_a_scheduled_article_appears_on_time_on_a_cached_page(
    anonymous, make_article, time_machine
):
    make_article(title="Soon", published_at=timezone.now() + timedelta(minutes=5))
    assert "Soon" not in anonymous.get("/blog/").content.decode()
    time_machine(minutes=4)
    assert "Soon" not in anonymous.get("/blog/").content.decode()  # now from the cache
    time_machine(minutes=1, seconds=1)
    assert "Soon" in anonymous.get("/blog/").content.decode()


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (lambda p: setattr(p, "body", "<p>New words.</p>") or p.save(), "New words."),
        (lambda p: setattr(p, "status", Page.Status.DRAFT) or p.save(), None),
        (lambda p: p.delete(), None),
    ],
    ids=["edit", "unpublish", "delete"],
)
def test_a_page_s_change_shows_at_the_next_request(anonymous, make_page, change, shown):
    page = make_page(slug="about")
    anonymous.get("/about/")
    change(page)
    response = anonymous.get("/about/")
    if shown:
        assert shown in response.content.decode()
    else:
        assert response.status_code == 404


def test_a_parent_s_change_shows_on_its_subpage_at_the_next_request(
    anonymous, make_page
):
    about = make_page(slug="about", title="About us")
    make_page(slug="team", parent=about)
    assert ">About us</a>" in anonymous.get("/about/team/").content.decode()
    about.title = "Who we are"
    about.save()
    assert ">Who we are</a>" in anonymous.get("/about/team/").content.decode()


def test_a_new_subpage_shows_on_its_cached_parent(anonymous, make_page):
    about = make_page(slug="about")
    anonymous.get("/about/")
    make_page(slug="team", title="Our team", parent=about)
    assert "Our team" in anonymous.get("/about/").content.decode()


def test_a_scheduled_page_appears_on_time_on_a_cached_page(
    anonymous, make_page, time_machine
):
    about = make_page(slug="about")
    make_page(
        title="Soon", parent=about, published_at=timezone.now() + timedelta(minutes=5)
    )
    assert "Soon" not in anonymous.get("/about/").content.decode()
    time_machine(minutes=4)
    assert "Soon" not in anonymous.get("/about/").content.decode()  # from the cache
    time_machine(minutes=1, seconds=1)
    assert "Soon" in anonymous.get("/about/").content.decode()


def queries_made(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_staff_never_get_a_cached_page(client, make_article, editor, sign_in):
    article = make_article()
    Client().get(article.get_absolute_url())  # kept for anonymous visitors
    sign_in(editor)
    client.get(article.get_absolute_url())
    assert queries_made(client, article.get_absolute_url()) > 0


def test_the_request_form_is_never_kept(anonymous, location):
    anonymous.get("/appointments/request/")
    assert queries_made(anonymous, "/appointments/request/") > 0


@pytest.mark.parametrize("cached", [False, True], ids=["first visit", "from cache"])
def test_an_unchanged_page_answers_304_to_its_validator(
    anonymous, make_article, cached
):
    article = make_article()
    url = article.get_absolute_url()
    first = anonymous.get(url)
    if not cached:
        cache.clear()
    response = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""


VIDEO_BODY = '<p><a href="https://vimeo.com/76979871">Knee exercises</a></p>'


def frame_src(response):
    policy = response["Content-Security-Policy"]
    return [d for d in policy.split("; ") if d.startswith("frame-src")]


@pytest.mark.parametrize("maker", ["make_article", "make_page"])
def test_a_kept_page_with_a_video_still_may_frame_the_players(
    anonymous, request, maker, django_assert_num_queries
):
    url = request.getfixturevalue(maker)(body=VIDEO_BODY).get_absolute_url()
    first = anonymous.get(url)
    with django_assert_num_queries(0):  # from the cache
        again = anonymous.get(url)
    assert frame_src(first) == [
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com"
    ]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize("cached", [False, True], ids=["first visit", "from cache"])
def test_a_304_keeps_its_page_s_policy(anonymous, make_article, cached):
    url = make_article(body=VIDEO_BODY).get_absolute_url()
    first = anonymous.get(url)
    if not cached:
        cache.clear()
    response = anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert frame_src(response) == frame_src(first)


def test_a_kept_page_without_a_video_may_frame_nothing(anonymous, make_article):
    url = make_article(body="<p>No video here.</p>").get_absolute_url()
    anonymous.get(url)
    assert frame_src(anonymous.get(url)) == []


def test_a_changed_page_gets_a_new_validator(anonymous, make_article):
    article = make_article()
    first = anonymous.get("/blog/")
    article.title = "Changed"
    article.save()
    response = anonymous.get("/blog/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]


def test_compressed_and_plain_visitors_get_their_own_copy(anonymous, make_article):
    make_article()
    plain = anonymous.get("/blog/")
    zipped = anonymous.get("/blog/", HTTP_ACCEPT_ENCODING="gzip")
    again_plain = anonymous.get("/blog/")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in again_plain
    assert again_plain.content == plain.content


def test_pages_still_render_when_redis_is_down(db, make_article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "clinic_site.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    article = make_article(tags=["knee"])
    client = Client()
    for url in ["/", "/blog/", article.get_absolute_url(), "/healthz"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/healthz").json()["cache"] == "unavailable"


# Models of ours that no public page shows. Every other model must be in SHOWN_MODELS,
# so that a model added later cannot be left out of invalidation unnoticed.
NOT_SHOWN = {
    "appointments.AppointmentRequest",  # the front desk's, never public
    "appointments.Notification",
    "appointments.AccessRecord",
    "clinic.Redirect",  # answers only addresses that are 404, which are never kept
    "clinic_site.EnrolmentCode",  # staff sign-up
    "clinic_site.PendingPurge",  # purges of the reverse proxy still to send
    "clinic.PictureUse",  # which bodies show a picture: changes with those bodies
    "search.Synonym",  # search results are never kept
    "blog.SearchWord",  # the search index's vocabulary
    "blog.RelatedArticle",  # ranked as tags, categories and picks change (shown)
    "readership.PageViews",  # counts of views, seen in the staff area only
    "readership.Batches",
    "wordpress.Imported",  # what an import wrote, for the next import
    "wordpress.Comment",  # the old site's comments, never published
}


def is_ours(path: str) -> bool:
    """In the project, and not in a virtual environment kept inside it."""
    return path.startswith(str(settings.BASE_DIR)) and not path.startswith(sys.prefix)


def test_every_model_of_ours_is_either_shown_or_known_not_to_be():
    ours = {
        model._meta.label
        for model in apps.get_models()
        if is_ours(model._meta.app_config.path)
    }
    assert ours - set(SHOWN_MODELS) - NOT_SHOWN == set()
    assert not set(SHOWN_MODELS) & NOT_SHOWN


def test_every_link_between_shown_models_is_shown():
    links = {
        field.remote_field.through._meta.label
        for label in SHOWN_MODELS
        for field in apps.get_model(label)._meta.many_to_many
    }
    assert links == set(SHOWN_LINKS)


def listens(signal, sender) -> bool:
    """Whether bump_content_version receives `signal` from `sender` (asked by
    disconnecting it, and connecting it back)."""
    if not signal.disconnect(bump_content_version, sender=sender):
        return False
    signal.connect(bump_content_version, sender=sender, weak=False)
    return True


SIGNALS = [
    *(
        pytest.param(signal, label, id=f"{label} {name}")
        for label in SHOWN_MODELS
        for signal, name in [(post_save, "save"), (post_delete, "delete")]
    ),
    *(pytest.param(m2m_changed, label, id=f"{label} link") for label in SHOWN_LINKS),
]


@pytest.mark.parametrize(("signal", "sender"), SIGNALS)
def test_each_shown_model_and_link_invalidates_kept_pages(signal, sender):
    assert listens(signal, apps.get_model(sender))


def test_kept_pages_are_invalidated_again_once_the_change_commits(
    committed_db, make_article, django_assert_num_queries
):
    """A page rendered while the change was not yet committed shows the data as it
    was (on another server, another connection): it must not outlive the commit."""
    article = make_article(title="Old title")
    url = article.get_absolute_url()
    anonymous = Client()
    with transaction.atomic():
        article.title = "New title"
        article.save()
        anonymous.get(url)  # kept at the version the save made
        with django_assert_num_queries(0):
            anonymous.get(url)
    assert queries_made(anonymous, url) > 0
