"""Feeds, sitemap, structured data and meta tags: what crawlers and apps see."""

import html
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
from django.conf import settings
from django.utils import timezone

from blog.models import Article, Category
from conftest import jpeg_upload, json_ld


def test_the_feed_parses_and_carries_summary_date_author_categories_and_image(
    client, make_article
):
    article = make_article(
        title="Hip arthritis basics",
        featured_image=jpeg_upload(),
        featured_image_alt="A hip joint",
    )
    make_article(status=Article.Status.DRAFT, title="Secret draft")
    feed = feedparser.parse(client.get("/blog/feed/").content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Hip arthritis basics"]
    entry = feed.entries[0]
    assert entry.summary == article.summary
    assert entry.author == "Dana Whitfield, MD"
    assert [tag.term for tag in entry.tags] == ["Blog"]
    assert entry.published_parsed
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0


MARKUP = '<b onmouseover="alert(1)">Knee & hip</b><script>alert(2)</script>'


def test_feeds_carry_titles_summaries_categories_and_authors_as_text_not_markup(
    client, make_article, author
):
    author.name, author.credentials = MARKUP, ""
    author.save()
    category = Category.objects.create(name=MARKUP, slug="markup")
    make_article(title=MARKUP, summary=MARKUP, categories=[category])
    for url in ["/blog/feed/", "/blog/category/markup/feed/"]:
        content = client.get(url).content
        assert b"<script" not in content and b"&lt;script" not in content
        assert b"&amp;lt;script&amp;gt;" in content  # HTML-escaped, then XML-escaped
        feed = feedparser.parse(content)
        entry = feed.entries[0]
        texts = [entry.title, entry.summary, entry.tags[0].term, entry.author]
        for text in [feed.feed.title, *texts]:
            assert "<" not in text, url  # nothing a reader renders as markup
        assert {html.unescape(text) for text in texts} == {MARKUP}
    assert html.unescape(feed.feed.title) == f"{settings.CLINIC_NAME}: {MARKUP}"


def test_absolute_links_come_from_site_url_whatever_host_a_request_names(
    client, make_article, settings
):
    settings.SITE_URL = "https://www.clinic.example"
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    article = make_article(featured_image=jpeg_upload(), featured_image_alt="x")
    urls = [
        "/blog/feed/",
        "/blog/category/blog/feed/",
        "/sitemap.xml",
        "/robots.txt",
        article.get_absolute_url(),
    ]
    for host in ["other.example", "testserver"]:  # the first fills the page cache
        for url in urls:
            text = client.get(url, HTTP_HOST=host).content.decode()
            assert "https://www.clinic.example/" in text, url
            assert "other.example" not in text and "testserver" not in text, url


def test_a_category_feed_lists_only_that_category(client, make_article):
    news = Category.objects.get(slug="news")
    inside = make_article(categories=[news])
    make_article()
    feed = feedparser.parse(client.get("/blog/category/news/feed/").content)
    assert [entry.title for entry in feed.entries] == [inside.title]


def test_the_sitemap_lists_exactly_the_published_articles_and_categories(
    client, make_article
):
    public = [make_article(), make_article()]
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + timedelta(days=2))
    xml = ElementTree.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in xml.findall("s:url/s:loc", namespace)]
    article_urls = {url.split("/", 3)[3] for url in locations if "/blog/" in url}
    expected = {a.get_absolute_url().lstrip("/") for a in public}
    expected |= {c.get_absolute_url().lstrip("/") for c in Category.objects.all()}
    expected |= {"blog/", "blog/tag/"}
    assert article_urls == expected
    assert len(xml.findall("s:url/s:lastmod", namespace)) == len(public)


def test_article_structured_data_describes_page_author_reviewer_and_clinic(
    client, make_article, author, location, settings
):
    article = make_article(
        medical_reviewer=author,
        reviewed_on=timezone.localdate() - timedelta(days=10),
        featured_image=jpeg_upload(),
        featured_image_alt="x",
        tags=["knee"],
    )
    page, trail = json_ld(client.get(article.get_absolute_url()).content.decode())
    assert page["@type"] == "MedicalWebPage"
    posting = page["mainEntity"]
    assert posting["headline"] == article.title
    assert posting["datePublished"] and posting["dateModified"]
    assert posting["image"].endswith(".jpg")
    profile = settings.SITE_URL + "/physicians/dana-whitfield/"
    assert posting["author"] == {
        "@type": "Person",
        "name": "Dana Whitfield",
        "url": profile,
        "honorificSuffix": "MD",
    }
    assert page["reviewedBy"]["name"] == "Dana Whitfield"
    assert page["reviewedBy"]["url"] == profile
    assert page["lastReviewed"] == article.reviewed_on.isoformat()
    clinic = posting["publisher"]
    assert clinic["@type"] == "MedicalClinic"
    assert clinic["address"][0]["streetAddress"] == location.street_address
    assert clinic["telephone"]
    assert trail["@type"] == "BreadcrumbList"
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Home",
        "Articles",
        "Blog",
        article.title,
    ]


def test_structured_data_cannot_break_out_of_its_script(client, make_article):
    article = make_article(title="</script><script>alert(1)</script>")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert json_ld(page)[0]["name"] == article.title


def test_every_page_has_a_title_description_canonical_and_social_tags(
    client, make_article
):
    article = make_article(featured_image=jpeg_upload(), featured_image_alt="x")
    page = client.get(article.get_absolute_url()).content.decode()
    assert f"<title>{article.title} · " in page
    assert f'<meta name="description" content="{article.summary}">' in page
    assert (
        f'<link rel="canonical" href="http://127.0.0.1:8000{article.get_absolute_url()}">'
        in page
    )
    assert '<meta property="og:image" content="http://127.0.0.1:8000/media/' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_the_request_form_and_later_list_pages_have_clean_canonical_links(
    client, make_article
):
    article = make_article()
    for _ in range(12):
        make_article()
    form = client.get(f"/appointments/request/?article={article.slug}").content.decode()
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8000/appointments/request/">'
        in form
    )
    second = client.get("/blog/?page=2").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/blog/?page=2">' in second
    first = client.get("/blog/?page=1").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/blog/">' in first
