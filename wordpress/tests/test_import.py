"""manage.py import_wordpress: WordPress exports (WXR) in, articles out."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError
from django.utils import timezone
from taggit.models import Tag

from blog.models import Article, Category
from blog.tests.test_images import (
    assert_without_metadata,
    picture_with_metadata,
    png,
    stored_files,
)
from clinic import images
from clinic.models import Person, Picture, Redirect
from conftest import png_bomb
from wordpress import bodies
from wordpress.tests.exports import attachment, channel, item, photo, run

WP_DATE = "%Y-%m-%d %H:%M:%S"
NO_DATE = "0000-00-00 00:00:00"


def assert_nothing_written():
    assert not Article.objects.exists()
    assert not Person.objects.exists()
    assert not Tag.objects.exists()
    assert not Redirect.objects.exists()
    assert not Picture.objects.exists()
    assert set(Category.objects.values_list("slug", flat=True)) == {
        "blog",
        "featured",
        "news",
    }


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_a_published_post_becomes_a_public_article(client, db, export, version):
    path = export(
        item(12, name="muscle-spasm", excerpt="Why muscles cramp."), version=version
    )
    output = run(path)
    article = Article.objects.get()
    assert (article.title, article.slug) == ("Muscle spasm", "muscle-spasm")
    assert article.body == "<p>Spasms are common.</p>"
    assert article.summary == "Why muscles cramp."
    assert (article.wordpress_id, article.wordpress_guid) == (
        12,
        "https://clinic.example/?p=12",
    )
    assert article.published_at == datetime(2019, 4, 1, 10, tzinfo=UTC)
    assert article.created_at == datetime(2019, 4, 1, 10, tzinfo=UTC)
    assert article.updated_at == datetime(2019, 4, 2, 10, tzinfo=UTC)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert f"WXR {version}" in output
    assert "articles: 1 created, 0 updated, 0 unchanged" in output


def test_a_future_post_is_scheduled_and_appears_on_time(
    client, db, export, time_machine
):
    when = timezone.now() + timedelta(hours=2)
    run(export(item(12, status="future", date_gmt=f"{when:%Y-%m-%d %H:%M:%S}")))
    article = Article.objects.get()
    assert article.publication_state == "Scheduled"
    assert article.published_at == when.replace(microsecond=0)
    assert client.get(article.get_absolute_url()).status_code == 404
    time_machine(hours=3)
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("status", ["draft", "pending", "private"])
def test_unpublished_posts_become_drafts_without_a_publish_time(
    client, db, export, status
):
    run(export(item(12, status=status, date_gmt=NO_DATE)))
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert client.get(article.get_absolute_url()).status_code == 404


def test_without_a_gmt_date_the_local_date_is_read_in_the_site_time_zone(
    db, export, settings
):
    settings.TIME_ZONE = "America/New_York"
    run(export(item(12, date_gmt=NO_DATE, date="2019-04-01 06:00:00")))
    assert Article.objects.get().published_at == datetime(2019, 4, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize("written", ["0001-01-01 00:00:00", "9999-12-31 23:59:59"])
def test_a_post_dated_outside_1900_to_2199_becomes_an_undated_draft_and_is_reported(
    client, db, export, written
):
    output = run(export(item(12, date_gmt=written, date=written)))
    article = Article.objects.get()
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)
    assert f"the date {written[:10]} is outside the years 1900 to 2199" in output
    assert "imported as a draft" in output


def test_a_last_change_outside_1900_to_2199_is_left_out_and_reported(db, export):
    output = run(export(item(12, modified_gmt="0001-01-01 00:00:00")))
    assert timezone.now() - Article.objects.get().updated_at < timedelta(minutes=1)
    assert "the last change 0001-01-01 is outside the years 1900 to 2199" in output


def test_a_password_protected_post_is_kept_as_a_draft(db, export):
    output = run(export(item(12, password="secret")))
    assert Article.objects.get().status == Article.Status.DRAFT
    assert "has a password: imported as a draft" in output


def test_classic_content_gets_paragraphs_and_bold_italic_become_strong_em(db, export):
    content = "First <b>line</b>\nsame <i>paragraph</i>.\n\nSecond paragraph."
    run(export(item(12, content=content)))
    assert Article.objects.get().body == (
        "<p>First <strong>line</strong><br>same <em>paragraph</em>.</p>"
        "<p>Second paragraph.</p>"
    )


def test_block_content_loses_its_block_comments_and_keeps_its_tags(db, export):
    content = (
        '<!-- wp:heading {"level":2} -->\n<h2>Causes</h2>\n<!-- /wp:heading -->\n\n'
        "<!-- wp:list -->\n<ul><li>Dehydration</li></ul>\n<!-- /wp:list -->"
    )
    run(export(item(12, content=content)))
    body = Article.objects.get().body
    assert "wp:" not in body and "<!--" not in body
    assert '<h2 id="causes">Causes</h2>' in body
    assert "<ul><li>Dehydration</li></ul>" in body


def test_hostile_html_never_reaches_the_public_page(client, db, export):
    content = (
        '<p onclick="steal()">Hello</p><script>alert("owned")</script>'
        '<p><a href="javascript:alert(1)">click</a></p>'
    )
    run(export(item(12, content=content)))
    page = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "Hello" in page
    assert "steal()" not in page
    assert 'alert("owned")' not in page
    assert "javascript:" not in page


def test_categories_match_blog_featured_and_news_by_slug_and_others_are_created(
    db, export
):
    terms = [
        ("category", "featured", "Featured posts"),
        ("category", "news", "News"),
        ("category", "sports-injuries", "Sports &amp; injuries"),
    ]
    output = run(export(item(12, terms=terms), item(13)))
    first, second = Article.objects.order_by("wordpress_id")
    assert {c.slug for c in first.categories.all()} == {
        "featured",
        "news",
        "sports-injuries",
    }
    assert list(second.categories.all()) == [Category.objects.get(slug="blog")]
    assert Category.objects.get(slug="sports-injuries").name == "Sports & injuries"
    assert Category.objects.get(slug="featured").name == "Featured"
    assert "categories: 1 created, 0 updated, 3 unchanged" in output


def test_categories_named_without_latin_letters_get_their_own_ascii_slugs(
    client, db, export
):
    terms = [("category", "%e6%97%a5", "日本"), ("category", "%e4%b8%ad", "中文")]
    run(export(item(12, terms=terms)))
    categories = Article.objects.get().categories.all()
    assert {category.name for category in categories} == {"日本", "中文"}
    for category in categories:
        assert client.get(category.get_absolute_url()).status_code == 200


def test_tags_are_created_or_reused(db, export):
    Tag.objects.create(name="Knee", slug="knee")
    terms = [("post_tag", "knee", "Knee"), ("post_tag", "cramp", "Cramp")]
    output = run(export(item(12, terms=terms)))
    assert set(Article.objects.get().tags.values_list("slug", flat=True)) == {
        "knee",
        "cramp",
    }
    assert Tag.objects.count() == 2
    assert "tags: 1 created, 0 updated, 1 unchanged" in output


def test_imported_articles_sharing_a_tag_are_related(db, export):
    terms = [("post_tag", "meniscus", "Meniscus")]
    run(
        export(
            item(12, name="first", terms=terms), item(13, name="second", terms=terms)
        )
    )
    first, second = (
        Article.objects.get(slug="first"),
        Article.objects.get(slug="second"),
    )
    assert list(first.related_ranking.values_list("related", flat=True)) == [second.pk]
    assert list(second.related_ranking.values_list("related", flat=True)) == [first.pk]


def test_authors_are_bylines_named_from_the_export_without_accounts(db, export):
    run(export(item(12), item(13)))
    author = Person.objects.get()
    assert (author.name, author.slug, author.user) == ("Ana Ruiz", "ana-ruiz", None)
    assert Article.objects.filter(author=author).count() == 2
    assert not get_user_model().objects.exists()


def test_the_yoast_description_becomes_the_meta_description(db, export):
    meta = {"_yoast_wpseo_metadesc": "Why muscles cramp. " * 20}
    run(export(item(12, meta=meta), item(13)))
    first, second = Article.objects.order_by("wordpress_id")
    assert first.meta_description.startswith("Why muscles cramp. Why")
    assert len(first.meta_description) == 160
    assert second.meta_description == ""


def test_without_an_excerpt_the_summary_is_the_first_words_of_the_body(db, export):
    words = " ".join(f"word{n}" for n in range(100))
    run(export(item(12, content=f"<p>{words}</p>")))
    summary = Article.objects.get().summary
    assert summary.startswith("word0 word1 ")
    assert len(summary.split()) == 40 and len(summary) <= 300


def test_the_featured_image_comes_from_the_thumbnail_attachment(db, export, uploads):
    # The attachment comes after the post that uses it, as WordPress may write it.
    post = item(12, meta={"_thumbnail_id": "20"})
    output = run(export(post, attachment(20, "2019/04/knee.jpg")), media_dir=uploads)
    article = Article.objects.get()
    assert article.featured_image_alt == "A knee brace on a runner"
    assert article.featured_image.name.startswith("articles/")
    assert b"TRAILING-BYTES" not in article.featured_image.read()
    assert article.image_width == 1200
    for name in images.stored_names(article.featured_image.name, 1200):
        assert default_storage.exists(name)
    assert "images: 1 created, 0 updated, 0 unchanged" in output
    assert "missing images: 0" in output


def test_imported_pictures_keep_no_comment_or_other_metadata(db, export, uploads):
    (uploads / "2019/04/knee.jpg").write_bytes(picture_with_metadata("JPEG"))
    post = item(12, meta={"_thumbnail_id": "20"})
    run(export(post, attachment(20, "2019/04/knee.jpg")), media_dir=uploads)
    article = Article.objects.get()
    for name in images.stored_names(article.featured_image.name, article.image_width):
        assert_without_metadata(name)


def test_without_alt_text_the_attachment_title_describes_the_image(db, export, uploads):
    post = item(12, meta={"_thumbnail_id": "20"})
    run(export(post, attachment(20, "2019/04/knee.jpg", alt="")), media_dir=uploads)
    assert Article.objects.get().featured_image_alt == "knee"


def test_without_a_media_folder_thumbnails_are_skipped_and_counted(db, export):
    post = item(12, meta={"_thumbnail_id": "20"})
    output = run(export(post, attachment(20, "2019/04/knee.jpg")))
    assert not Article.objects.get().featured_image
    assert "featured image (no --media-dir) 1" in output


@pytest.mark.parametrize(
    "file, reason",
    [
        ("2019/04/gone.jpg", "'2019/04/gone.jpg' is not a file in --media-dir"),
        ("2019/04/notes.jpg", "Please upload a JPEG, PNG or WebP picture."),
        ("../secret.jpg", "'../secret.jpg' is not a file in --media-dir"),
        ("2019/04/panorama.png", "the limit is 40 megapixels"),
        ("2019/04/tall.png", "taller than a web picture can be"),
    ],
)
def test_a_missing_or_bad_image_is_reported_and_the_article_still_imported(
    db, export, uploads, file, reason
):
    (uploads / "2019/04/notes.jpg").write_text("not a picture")
    (uploads.parent / "secret.jpg").write_bytes(photo())
    (uploads / "2019/04/panorama.png").write_bytes(png_bomb(20_000))
    (uploads / "2019/04/tall.png").write_bytes(png((100, 20_000)))
    post = item(12, meta={"_thumbnail_id": "20"})
    output = run(export(post, attachment(20, file)), media_dir=uploads)
    assert not Article.objects.get().featured_image
    assert "missing images: 1" in output
    assert reason in output


def test_an_old_permalink_redirects_permanently_to_the_new_page(client, db, export):
    link = "https://clinic.example/2019/04/muscle-spasm/"
    run(export(item(12, name="muscle-spasm", link=link)))
    article = Article.objects.get()
    response = client.get("/2019/04/muscle-spasm/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def shown(response) -> str:
    """The template of the page a response shows ('' for a redirect or an error)."""
    if response.status_code != 200:
        return ""
    return response.templates[0].name


def test_a_plain_wordpress_link_redirects_permanently_to_the_new_page(
    client, db, export
):
    run(export(item(12, name="muscle-spasm")))
    response = client.get("/", {"p": "12"})
    assert response.status_code == 301
    assert response["Location"] == "/blog/muscle-spasm/"
    assert shown(client.get("/blog/", {"p": "12"})) == "blog/article_list.html"


def test_the_old_addresses_of_a_draft_stay_hidden(client, db, export):
    run(export(item(12, status="draft", name="muscle-spasm")))
    assert Redirect.objects.filter(old_path="/muscle-spasm/").exists()
    assert client.get("/muscle-spasm/").status_code == 404
    home = client.get("/", {"p": "12"})
    assert shown(home) == "blog/home.html" and "muscle-spasm" not in str(home.content)


@pytest.mark.parametrize("value", ["99", "abc", "1" * 40, ""])
def test_an_unknown_post_id_shows_the_home_page(client, make_article, value):
    make_article(wordpress_id=12)
    assert shown(client.get("/", {"p": value})) == "blog/home.html"


def test_no_redirect_is_kept_when_the_old_path_is_the_new_address(db, export):
    run(export(item(12, name="knee", link="https://clinic.example/blog/knee/")))
    assert not Redirect.objects.filter(old_path="/blog/knee/").exists()


def test_attachments_and_other_items_are_skipped_and_counted(db, export, uploads):
    items = [
        item(12),
        item(14, post_type="nav_menu_item"),
        item(15, status="trash"),
        attachment(20, "2019/04/knee.jpg"),
    ]
    output = run(export(*items), media_dir=uploads)
    assert list(Article.objects.values_list("wordpress_id", flat=True)) == [12]
    assert "skipped: attachment 1, nav_menu_item 1, post (trash) 1" in output


def test_an_empty_slug_is_made_from_the_title_and_kept_unique(db, export, make_article):
    make_article(slug="muscle-spasm")
    run(export(item(12, name="", status="draft", date_gmt=NO_DATE)))
    assert Article.objects.get(wordpress_id=12).slug == "muscle-spasm-2"


def test_running_again_creates_nothing(client, db, export, uploads):
    path = export(
        item(12, meta={"_thumbnail_id": "20"}, terms=[("post_tag", "knee", "Knee")]),
        item(13, status="draft", date_gmt=NO_DATE),
        attachment(20, "2019/04/knee.jpg"),
    )
    run(path, media_dir=uploads)
    files, image = stored_files(), Article.objects.get(wordpress_id=12).featured_image
    output = run(path, media_dir=uploads)
    assert Article.objects.count() == 2
    assert Article.objects.get(wordpress_id=12).featured_image == image
    assert stored_files() == files
    assert "articles: 0 created, 0 updated, 2 unchanged" in output
    assert "images: 0 created, 0 updated, 1 unchanged" in output
    assert "tags: 0 created, 0 updated, 1 unchanged" in output
    assert "authors: 0 created, 0 updated, 1 unchanged" in output


def test_a_changed_export_updates_the_changed_article(db, export, uploads):
    run(export(item(12), item(13), attachment(20, "2019/04/knee.jpg")))
    (uploads / "2019/04/knee.jpg").write_bytes(photo(color="orange"))
    changed = item(
        12,
        title="Muscle spasms",
        content="<p>Now longer.</p>",
        modified_gmt="2020-01-05 08:00:00",
        meta={"_thumbnail_id": "20"},
        terms=[("category", "news", "News")],
    )
    output = run(
        export(changed, item(13), attachment(20, "2019/04/knee.jpg")),
        media_dir=uploads,
    )
    article = Article.objects.get(wordpress_id=12)
    assert (article.title, article.body) == ("Muscle spasms", "<p>Now longer.</p>")
    assert article.updated_at == datetime(2020, 1, 5, 8, tzinfo=UTC)
    assert [c.slug for c in article.categories.all()] == ["news"]
    assert article.featured_image
    assert "articles: 0 created, 1 updated, 1 unchanged" in output
    assert "images: 1 created, 0 updated, 0 unchanged" in output


def test_a_changed_picture_replaces_the_featured_image(db, export, uploads):
    path = export(
        item(12, meta={"_thumbnail_id": "20"}), attachment(20, "2019/04/knee.jpg")
    )
    run(path, media_dir=uploads)
    first = Article.objects.get().featured_image.name
    (uploads / "2019/04/knee.jpg").write_bytes(photo(color="orange"))
    output = run(path, media_dir=uploads)
    assert Article.objects.get().featured_image.name != first
    assert "images: 0 created, 1 updated, 0 unchanged" in output
    assert "articles: 0 created, 1 updated, 0 unchanged" in output


def test_an_article_imported_before_is_found_by_its_guid(db, export, make_article):
    article = make_article(wordpress_guid="https://clinic.example/?p=12")
    output = run(export(item(12)))
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert (article.wordpress_id, article.title) == (12, "Muscle spasm")
    assert "articles: 0 created, 1 updated, 0 unchanged" in output


def test_a_dry_run_reports_everything_and_writes_nothing(db, export, uploads):
    files = stored_files()
    items = [
        item(12, meta={"_thumbnail_id": "20"}, terms=[("post_tag", "knee", "Knee")]),
        attachment(20, "2019/04/knee.jpg"),
    ]
    output = run(export(*items), media_dir=uploads, dry_run=True)
    assert_nothing_written()
    assert stored_files() == files
    assert "articles: 1 created, 0 updated, 0 unchanged" in output
    assert "images: 1 created, 0 updated, 0 unchanged" in output
    assert "Dry run: nothing was written." in output


def test_a_failure_midway_leaves_no_rows_and_no_pictures(
    db, export, uploads, monkeypatch
):
    files = stored_files()
    real_convert = bodies.convert

    def fail_on_second_post(content, *args):
        if "BOOM" in content:
            raise RuntimeError("disk full")
        return real_convert(content, *args)

    monkeypatch.setattr(bodies, "convert", fail_on_second_post)
    path = export(
        item(
            12,
            meta={"_thumbnail_id": "20"},
            content='<p>In the text:</p><img src="/wp-content/uploads/2019/04/knee.jpg"'
            ' alt="A knee">',
        ),
        item(13, content="BOOM"),
        attachment(20, "2019/04/knee.jpg"),
    )
    with pytest.raises(RuntimeError):
        run(path, media_dir=uploads)
    assert_nothing_written()
    assert stored_files() == files


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
"""


def with_prolog(prolog: str, text: str) -> str:
    return prolog + text.split("\n", 1)[1]


@pytest.mark.parametrize(
    "text, message",
    [
        ("Just some notes, not XML.", "not complete, well-formed XML"),
        ("", "not complete, well-formed XML"),
        ("<html><body>Hello</body></html>", "not a WordPress export"),
        (
            channel(item(12)).replace("<wp:wxr_version>1.2</wp:wxr_version>", ""),
            "not a WordPress export",
        ),
        (channel(item(12), item(13))[:-300], "not complete, well-formed XML"),
        (channel(item(12), version="2.0"), "Unknown WXR version '2.0'"),
        (
            with_prolog(BOMB, channel(item(12))).replace("Muscle spasm", "&d;"),
            "DTD",
        ),
        (
            with_prolog(EXTERNAL, channel(item(12))).replace(
                "Muscle spasm", "&secret;"
            ),
            "DTD",
        ),
    ],
    ids=[
        "not-xml",
        "empty",
        "xml-not-rss",
        "rss-not-wxr",
        "truncated",
        "unknown-version",
        "entity-bomb",
        "external-entity",
    ],
)
def test_a_bad_file_stops_with_a_clear_error_and_writes_nothing(
    db, export, text, message
):
    with pytest.raises(CommandError, match=message):
        run(export(text=text))
    assert_nothing_written()


def test_a_missing_file_or_media_folder_is_a_clear_error(db, export, tmp_path):
    with pytest.raises(CommandError, match="is not a file"):
        run(tmp_path / "nope.xml")
    with pytest.raises(CommandError, match="is not a folder"):
        run(export(item(12)), media_dir=str(tmp_path / "nope"))
