import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from blog.models import Article, Category
from conftest import breadcrumb_trail, jpeg_upload, json_ld, listed_articles


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


def test_article_list_is_newest_first_twelve_per_page(client, make_article):
    articles = [
        make_article(published_at=timezone.now() - timedelta(days=n)) for n in range(14)
    ]
    first, second = client.get("/blog/"), client.get("/blog/?page=2")
    assert listed_articles(first) == articles[:12] and first.context["page"].has_next
    assert listed_articles(second) == articles[12:]
    assert not second.context["page"].has_next


def test_pagination_links_the_first_and_last_pages_and_the_neighbours_of_this_one(
    client, make_article, monkeypatch
):
    monkeypatch.setattr("clinic.pagination.PER_PAGE", 1)
    for _ in range(9):
        make_article()
    page = client.get("/blog/", {"page": 5}).content.decode()
    nav = page[page.index('<nav class="pagination"') :]
    nav = re.sub(
        r'<span class="visually-hidden">Page </span>', "", nav[: nav.index("</nav>")]
    )
    links = re.findall(r'href="([^"]+)">([^<]+)</a>', nav)
    assert links == [
        ("?page=4", "← Newer"),
        ("/blog/", "1"),
        ("?page=3", "3"),
        ("?page=4", "4"),
        ("?page=6", "6"),
        ("?page=7", "7"),
        ("?page=9", "9"),
        ("?page=6", "Older →"),
    ]
    assert '<span aria-current="page">5</span>' in nav
    assert nav.count("…") == 2
    assert client.get("/blog/", {"page": 10}).status_code == 404


def test_a_list_of_one_page_shows_no_pagination(client, make_article):
    make_article()
    assert 'class="pagination"' not in client.get("/blog/").content.decode()


@pytest.mark.parametrize("page", ["0", "abc", "-1", "99", "1.5", "9" * 30])
def test_a_page_number_that_is_not_there_gives_404(client, make_article, page):
    make_article()
    assert client.get("/blog/", {"page": page}).status_code == 404


def test_category_page_lists_only_its_public_articles(client, make_article, featured):
    inside = make_article(categories=[featured])
    make_article()
    make_article(categories=[featured], status=Article.Status.DRAFT)
    response = client.get(featured.get_absolute_url())
    assert listed_articles(response) == [inside]


def test_tag_page_lists_only_its_public_articles(client, make_article):
    tagged = make_article(tags=["knee"])
    make_article(tags=["hip"])
    make_article(tags=["knee"], published_at=timezone.now() + timedelta(days=1))
    response = client.get(reverse("blog:tag", args=["knee"]))
    assert listed_articles(response) == [tagged]


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
    assert 'Categories: <a href="/blog/category/blog/">Blog</a></span>' in page
    profile = '<a href="/physicians/dana-whitfield/">Dana Whitfield, MD</a>'
    assert f"By {profile}" in page
    assert f"Medically reviewed by {profile} on" in page
    assert 'href="/blog/tag/knee/"' in page
    assert f'href="/appointments/request/?article={article.slug}"' in page


def test_the_kept_article_text_follows_a_change_to_its_tags_and_author(
    client, make_article, author, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # only the fragments kept per content version
    article = make_article(tags=["knee"])
    client.get(article.get_absolute_url())
    article.tags.add("stairs")
    author.name = "Dana Whitfield-Ross"
    author.save()
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/blog/tag/stairs/"' in page
    assert "Dana Whitfield-Ross" in page
    assert json_ld(page)[0]["mainEntity"]["keywords"] == ["knee", "stairs"]


def test_featured_shows_as_a_badge_and_not_among_the_categories(
    client, make_article, featured, blog_category
):
    article = make_article(categories=[blog_category, featured])
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a class="badge" href="/blog/category/featured/">Featured</a>' in page
    listed = page[
        page.index("Categories:") : page.index("</span>", page.index("Categories:"))
    ]
    assert "Featured" not in listed
    assert "Blog" in listed
    assert json_ld(page)[0]["about"] == ["Blog"]


def test_any_category_an_editor_marks_as_a_badge_shows_as_one(
    client, make_article, featured, blog_category
):
    news = Category.objects.get(slug="news")
    news.shows_as_badge = True
    news.save()
    featured.shows_as_badge = False
    featured.save()
    article = make_article(categories=[news, featured])
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<a class="badge" href="/blog/category/news/">News</a>' in page
    assert 'Categories: <a href="/blog/category/featured/">Featured</a>' in page


def test_the_article_trail_ends_on_the_article_and_search_engines_read_the_same(
    client, make_article, featured, blog_category, settings
):
    article = make_article(title="Knee pain", categories=[featured, blog_category])
    page = client.get(article.get_absolute_url()).content.decode()
    assert breadcrumb_trail(page) == [
        ("Home", "/"),
        ("Articles", "/blog/"),
        ("Blog", "/blog/category/blog/"),
        ("Knee pain", None),
    ]
    [trail] = [block for block in json_ld(page) if block["@type"] == "BreadcrumbList"]
    assert [(item["name"], item["item"]) for item in trail["itemListElement"]] == [
        ("Home", settings.SITE_URL + "/"),
        ("Articles", settings.SITE_URL + "/blog/"),
        ("Blog", settings.SITE_URL + "/blog/category/blog/"),
        ("Knee pain", settings.SITE_URL + article.get_absolute_url()),
    ]


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


@pytest.mark.parametrize("small_group", [2, 500], ids=["large", "small"])
@pytest.mark.parametrize("kind", ["tag", "category"])
def test_group_pages_list_the_same_public_articles_whatever_the_group_size(
    client, make_article, monkeypatch, featured, small_group, kind
):
    """A group of more than SMALL_GROUP articles takes another path in the view:
    drafts and scheduled members stay out of it all the same."""
    monkeypatch.setattr("blog.views.SMALL_GROUP", small_group)
    member = {"tag": {"tags": ["knee"]}, "category": {"categories": [featured]}}[kind]
    url = reverse(f"blog:{kind}", args=["knee" if kind == "tag" else "featured"])
    public = [
        make_article(published_at=timezone.now() - timedelta(days=n), **member)
        for n in range(14)
    ]
    # Dated among the public members, so only the published() filter keeps them out.
    for hours in (1, 30, 200):
        make_article(
            status=Article.Status.DRAFT,
            published_at=timezone.now() - timedelta(hours=hours),
            **member,
        )
    make_article(published_at=timezone.now() + timedelta(hours=1), **member)
    make_article(tags=["hip"])
    first, second = client.get(url), client.get(url, {"page": 2})
    assert listed_articles(first) + listed_articles(second) == public
    assert first.context["page"].has_next and not second.context["page"].has_next


def test_a_tag_address_in_any_case_redirects_for_good_to_the_lowercase_one(
    client, make_article
):
    make_article(tags=["knee"])
    response = client.get("/blog/tag/Knee/")
    assert response.status_code == 301
    assert response["Location"] == "/blog/tag/knee/"
    assert client.get("/blog/tag/KNEE/?page=1").status_code == 301


def test_a_tag_saved_with_capitals_is_served_at_its_lowercase_address(
    client, make_article
):
    article = make_article()
    article.tags.add(Tag.objects.create(name="ACL", slug="ACL"))
    response = client.get("/blog/tag/acl/")
    assert listed_articles(response) == [article]
    assert client.get("/blog/tag/ACL/")["Location"] == "/blog/tag/acl/"


def test_a_long_list_is_counted_only_as_far_as_the_page_numbers_shown(
    client, make_article, monkeypatch
):
    monkeypatch.setattr("clinic.pagination.PER_PAGE", 1)
    monkeypatch.setattr("clinic.pagination.EXACT_COUNT_UP_TO", 4)
    for _ in range(9):
        make_article()
    page = client.get("/blog/", {"page": 3}).content.decode()
    nav = page[page.index('<nav class="pagination"') :]
    nav = nav[: nav.index("</nav>")]
    links = re.findall(r'href="([^"]+)">(?:<span[^>]*>Page </span>)?([^<]+)</a>', nav)
    assert [text for _, text in links] == ["← Newer", "1", "2", "4", "5", "Older →"]
    assert nav.count("…") == 1  # after 5: more pages, not counted
    assert client.get("/blog/", {"page": 9}).status_code == 200
    assert client.get("/blog/", {"page": 10}).status_code == 404


def test_the_topics_page_lists_each_topic_with_its_public_articles_counted(
    client, make_article
):
    make_article(tags=["knee", "stairs"])
    make_article(tags=["knee"])
    make_article(tags=["knee", "secret"], status=Article.Status.DRAFT)
    make_article(tags=["later"], published_at=timezone.now() + timedelta(days=1))
    page = client.get("/blog/tag/").content.decode()
    topics = re.findall(
        r'<li><a href="(/blog/tag/[^"]+)">([^<]+)</a> '
        r'<span class="topic-count">([^<]+)</span>',
        page,
    )
    assert topics == [
        ("/blog/tag/knee/", "knee", "2 articles"),
        ("/blog/tag/stairs/", "stairs", "1 article"),
    ]


def test_the_topics_page_is_paged_a_to_z_when_there_are_many(
    client, make_article, monkeypatch
):
    monkeypatch.setattr("blog.views.TOPICS_PER_PAGE", 2)
    make_article(tags=["wrist", "ankle"])
    make_article(tags=["knee", "secret"], status=Article.Status.DRAFT)
    make_article(tags=["knee"])
    listed = r'<li><a href="/blog/tag/([^"]+)/">'
    first = client.get("/blog/tag/").content.decode()
    second = client.get("/blog/tag/?page=2").content.decode()
    assert re.findall(listed, first) == ["ankle", "knee"]
    assert re.findall(listed, second) == ["wrist"]
    assert 'rel="next" href="?page=2">Next' in first
    assert client.get("/blog/tag/?page=3").status_code == 404
