from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Article, Category
from conftest import jpeg_upload


@pytest.fixture
def featured(db):
    return Category.objects.get(slug="featured")


def test_home_shows_featured_and_latest_articles_and_the_call_to_action(
    client, make_article, featured, blog_category
):
    make_article(title="Star article", categories=[blog_category, featured])
    make_article(title="Plain article")
    page = client.get("/").content.decode()
    assert page.index("Star article") < page.index("Latest articles")
    assert "Plain article" in page
    assert 'href="/appointments/request/"' in page


def test_article_list_is_newest_first_ten_per_page(client, make_article):
    articles = [
        make_article(published_at=timezone.now() - timedelta(days=n)) for n in range(12)
    ]
    first = client.get("/blog/").context["page"]
    second = client.get("/blog/?page=2").context["page"]
    assert first.items == articles[:10] and first.has_next
    assert second.items == articles[10:] and not second.has_next


@pytest.mark.parametrize("page", ["0", "abc", "-1", "99", "1.5", "9" * 30])
def test_a_page_number_that_is_not_there_gives_404(client, make_article, page):
    make_article()
    assert client.get("/blog/", {"page": page}).status_code == 404


def test_category_page_lists_only_its_public_articles(client, make_article, featured):
    inside = make_article(categories=[featured])
    make_article()
    make_article(categories=[featured], status=Article.Status.DRAFT)
    response = client.get(featured.get_absolute_url())
    assert response.context["page"].items == [inside]


def test_tag_page_lists_only_its_public_articles(client, make_article):
    tagged = make_article(tags=["knee"])
    make_article(tags=["hip"])
    make_article(tags=["knee"], published_at=timezone.now() + timedelta(days=1))
    response = client.get(reverse("blog:tag", args=["knee"]))
    assert response.context["page"].items == [tagged]


def test_unknown_category_or_tag_gives_404(client, db):
    assert client.get("/blog/category/nope/").status_code == 404
    assert client.get("/blog/tag/nope/").status_code == 404


def test_article_page_shows_byline_dates_review_categories_and_tags(
    client, make_article, author, featured, blog_category
):
    article = make_article(
        title="Knee pain on stairs",
        tags=["knee", "stairs"],
        categories=[blog_category, featured],
        medical_reviewer=author,
        reviewed_on=timezone.localdate() - timedelta(days=3),
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        "Categories: <a" in page and ">Blog</a>, <a" in page and ">Featured</a>" in page
    )
    profile = '<a href="/physicians/dana-whitfield/">Dana Whitfield, MD</a>'
    assert f"By {profile}" in page
    assert f"Medically reviewed by {profile} on" in page
    assert 'href="/blog/tag/knee/"' in page
    assert f'href="/appointments/request/?article={article.slug}"' in page


def test_the_author_box_shows_the_authors_photo_and_links_to_their_profile(
    client, make_article, author
):
    author.bio = "Dana treats knees."
    author.photo = jpeg_upload("dana.jpg", size=(500, 500))
    author.save()
    page = client.get(make_article().get_absolute_url()).content.decode()
    box = page[page.index('class="author-box"') :]
    assert f'src="{author.photo_sources.fallback}"' in box
    assert '<a href="/physicians/dana-whitfield/">Dana Whitfield, MD</a>' in box


def test_article_page_shows_updated_only_for_a_substantive_update_on_a_later_day(
    client, make_article, time_machine
):
    article = make_article(published_at=timezone.now())
    time_machine(days=2)
    article.save()  # a typo fix, say
    assert "Updated" not in client.get(article.get_absolute_url()).content.decode()
    article.revised_at = timezone.now()
    article.save()
    assert "Updated" in client.get(article.get_absolute_url()).content.decode()


def test_article_page_has_a_table_of_contents_from_three_headings(client, make_article):
    two = make_article(body="<h2>A</h2><h2>B</h2>")
    three = make_article(body="<h2>A</h2><h3>B</h3><h2>C</h2>")
    assert "On this page" not in client.get(two.get_absolute_url()).content.decode()
    page = client.get(three.get_absolute_url()).content.decode()
    assert (
        "On this page" in page and 'href="#b"' in page and '<h3 id="b">B</h3>' in page
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + timedelta(days=3)},
    ],
)
def test_drafts_and_scheduled_articles_are_404_for_visitors(
    client, make_article, fields
):
    article = make_article(**fields)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editors_preview_drafts_at_their_address_with_a_banner(
    client, make_article, editor, sign_in
):
    article = make_article(status=Article.Status.DRAFT)
    sign_in(editor)
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: not published." in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (
        "no-store" in response["Cache-Control"]
        and "private" in response["Cache-Control"]
    )
    assert response["X-Robots-Tag"] == "noindex"


def test_front_desk_cannot_preview_drafts(client, make_article, front_desk, sign_in):
    article = make_article(status=Article.Status.DRAFT)
    sign_in(front_desk)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_old_address_redirects_permanently_to_the_renamed_article(client, make_article):
    article = Article.objects.get(pk=make_article(slug="before").pk)
    article.slug = "after"
    article.save()
    response = client.get("/blog/before/")
    assert response.status_code == 301
    assert response["Location"] == "/blog/after/"


def test_public_pages_set_no_cookies_for_visitors(client, make_article):
    article = make_article(tags=["knee"])
    for url in [
        "/",
        "/blog/",
        "/blog/category/blog/",
        "/blog/tag/knee/",
        article.get_absolute_url(),
        "/search/?q=knee",
        "/blog/feed/",
    ]:
        assert not client.get(url).cookies, url


@pytest.mark.parametrize("small_group", [2, 500], ids=["large tag", "small tag"])
def test_tag_pages_list_the_same_articles_whatever_the_tag_size(
    client, make_article, monkeypatch, small_group
):
    monkeypatch.setattr("blog.views.SMALL_GROUP", small_group)
    tagged = [
        make_article(tags=["knee"], published_at=timezone.now() - timedelta(days=n))
        for n in range(12)
    ]
    make_article(tags=["knee"], status=Article.Status.DRAFT)
    make_article(tags=["hip"])
    first = client.get(reverse("blog:tag", args=["knee"])).context["page"]
    second = client.get(reverse("blog:tag", args=["knee"]), {"page": 2}).context["page"]
    assert first.items + second.items == tagged
    assert first.has_next and not second.has_next
