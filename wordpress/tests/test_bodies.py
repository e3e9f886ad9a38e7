"""Post bodies from WordPress: pictures, galleries, videos, tables, headings,
shortcodes and links, as the public article page shows them."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import Client

from blog.models import Article
from blog.tests.test_images import stored_files
from clinic import rich_text
from clinic.models import Picture, PictureUse, Redirect
from wordpress import links
from wordpress.tests.exports import attachment, item, photo, run

POSTS = Path(__file__).parent / "posts"  # written by hand, as WordPress stores them
CLASSIC = (POSTS / "classic.txt").read_text()
BLOCKS = (POSTS / "blocks.html").read_text()


def export_items(classic=CLASSIC):
    return (
        attachment(20, "2019/04/knee.jpg", alt="A knee brace", caption="The brace"),
        attachment(21, "2019/04/hip.jpg", alt="A hip X-ray", caption="The hip"),
        item(12, title="Knee braces", name="knee-braces", content=classic),
        item(13, title="Hip pain", name="hip-pain", content=BLOCKS),
    )


@pytest.fixture
def two_pictures(uploads):
    (uploads / "2019/04/hip.jpg").write_bytes(photo(color="navy"))
    return uploads


def page_body(slug: str) -> str:
    page = Client().get(f"/blog/{slug}/").content.decode()
    return page.split('<div class="article-body">', 1)[1].rsplit("</article>", 1)[0]


def test_classic_pictures_captions_and_galleries_become_library_figures(
    db, export, two_pictures
):
    run(export(*export_items()), media_dir=two_pictures)
    knee, hip = (
        Picture.objects.get(wordpress_file=f"2019/04/{n}.jpg") for n in ("knee", "hip")
    )
    body = page_body("knee-braces")
    figures = re.findall(r'<figure class="figure">.*?</figure>', body, re.DOTALL)
    assert len(figures) == 3  # the captioned picture, then the gallery's two
    assert knee.image.name.rsplit(".", 1)[0] in figures[0]
    assert 'srcset="' in figures[0] and 'alt="A knee brace"' in figures[0]
    assert "<figcaption>A brace <em>after</em> surgery</figcaption>" in figures[0]
    assert "<figcaption>The brace</figcaption>" in figures[1]
    assert 'alt="A hip X-ray"' in figures[2] and "The hip" in figures[2]
    assert knee.description == "A knee brace"
    assert set(PictureUse.objects.values_list("picture", flat=True)) == {
        knee.pk,
        hip.pk,
    }


def test_gutenberg_images_galleries_and_tables_keep_their_captions(
    db, export, two_pictures
):
    run(export(*export_items()), media_dir=two_pictures)
    body = page_body("hip-pain")
    figures = re.findall(r'<figure class="figure">.*?</figure>', body, re.DOTALL)
    assert len(figures) == 3
    assert 'alt="The hip joint"' in figures[0] and "Where the hip bends" in figures[0]
    assert "<figcaption>Knee</figcaption>" in figures[1]
    assert "<p>Both joints</p>" in body
    assert (
        '<table><caption>T-scores</caption><thead><tr><th scope="col"><p>Score</p>'
        '</th><th scope="col"><p>Meaning</p></th></tr></thead><tbody><tr><td><p>-1.0'
        "</p></td><td><p>Normal</p></td></tr></tbody></table>"
    ) in body
    assert Picture.objects.count() == 2  # the gallery's pictures are not copied


def test_youtube_and_vimeo_embeds_become_players_that_load_nothing_first(
    db, export, two_pictures
):
    run(export(*export_items()), media_dir=two_pictures)
    classic, blocks = page_body("knee-braces"), page_body("hip-pain")
    assert classic.count('<figure class="video"') == 2
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in classic
    assert 'data-embed="https://player.vimeo.com/video/76979871' in classic
    assert 'data-title="Hip stretches"' in blocks
    assert "<iframe" not in classic + blocks


def test_headings_fit_the_levels_under_the_title(db, export, two_pictures):
    run(export(*export_items()), media_dir=two_pictures)
    body = Article.objects.get(slug="knee-braces").body
    assert '<h2 id="how-to-wear-one">How to wear one</h2>' in body
    assert '<h4 id="sizes">Sizes</h4>' in body
    assert '<h4 id="notes">Notes</h4>' in Article.objects.get(slug="hip-pain").body


def test_shortcodes_not_understood_leave_no_brackets_but_their_prose(
    db, export, two_pictures
):
    output = run(export(*export_items()), media_dir=two_pictures)
    body = page_body("knee-braces")
    assert "Ask us about braces." in body
    assert not re.search(r"\[/?[a-z_-]+", body + page_body("hip-pain"))
    assert 'post 12 "Knee braces":' in output
    assert (
        "shortcodes not understood, removed: contact-form-7, et_pb_section, et_pb_text"
    ) in output
    assert "shortcodes not understood, removed: wpforms" in output


def test_a_bracketed_word_in_a_sentence_is_not_a_shortcode(db, export):
    run(export(item(12, content="As the study says [sic], rest helps.")))
    assert "[sic]" in Article.objects.get().body


def test_links_to_old_posts_and_uploads_lead_to_their_new_addresses(
    db, export, two_pictures
):
    run(
        export(*export_items()),
        media_dir=two_pictures,
        old_domains=["old-clinic.example"],
    )
    hip = Picture.objects.get(wordpress_file="2019/04/hip.jpg")
    knee_braces = Article.objects.get(slug="knee-braces").body
    # The post linked to comes later in the file: the link is made afterwards,
    # keeping the post's dates.
    assert '<a href="/blog/hip-pain/">hip pain</a>' in knee_braces
    modified = Article.objects.get(slug="knee-braces").updated_at
    assert modified == datetime(2019, 4, 2, 10, tzinfo=UTC)
    assert f'<a href="{hip.image.url}">the hip picture</a>' in knee_braces
    hip_pain = Article.objects.get(slug="hip-pain").body
    assert '<a href="/blog/knee-braces/#sizes">knee braces</a>' in hip_pain
    assert '<a href="/blog/knee-braces/">the old domain</a>' in hip_pain


def test_old_links_with_no_page_here_are_listed_per_post(db, export, two_pictures):
    output = run(export(*export_items()), media_dir=two_pictures)
    assert "bodies to look at: 2" in output
    assert (
        '    post 13 "Hip pain":\n'
        "      shortcodes not understood, removed: wpforms\n"
        "      links to the old site with no page here: "
        "https://www.clinic.example/old-booking/\n"
    ) in output
    body = Article.objects.get(slug="hip-pain").body
    assert 'href="https://www.clinic.example/old-booking/"' in body
    # Without --old-domain, another domain is another site: left as it is.
    assert 'href="https://old-clinic.example/knee-braces/"' in body


def test_a_missing_picture_is_left_out_and_named_with_its_post(db, export, uploads):
    content = (
        '<p>Before</p><img src="/wp-content/uploads/2019/04/gone.jpg" alt="Gone">'
        "<p>After</p>"
    )
    output = run(export(item(12, title="Sprains", content=content)), media_dir=uploads)
    assert Article.objects.get().body == "<p>Before</p><p>After</p>"
    assert 'post 12 "Sprains":' in output
    assert (
        "pictures left out: '2019/04/gone.jpg' is not a file in --media-dir" in output
    )
    assert "missing images: 1" in output


def test_frames_other_than_videos_are_named_and_videos_kept(db, export):
    content = (
        '<p>Map:</p><iframe src="https://maps.example/embed?x=1"></iframe>'
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0">'
        "</iframe><table><tr><td>a</td></tr></table>"
    )
    output = run(export(item(12, content=content)))
    assert "an embedded frame (maps.example)" in output
    assert "a table's header row (give it one in the editor)" in output
    body = Article.objects.get().body
    assert "<td><p>a</p></td>" in body
    assert '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in body


def test_a_second_import_changes_nothing_and_copies_no_picture(
    db, export, two_pictures
):
    path = export(*export_items())
    run(path, media_dir=two_pictures)
    bodies = dict(Article.objects.values_list("slug", "body"))
    output = run(path, media_dir=two_pictures)
    assert "articles: 0 created, 0 updated, 2 unchanged" in output
    assert "images: 0 created, 0 updated, 2 unchanged" in output
    assert Picture.objects.count() == 2
    assert dict(Article.objects.values_list("slug", "body")) == bodies


def test_old_links_are_looked_up_together_not_one_by_one(
    make_article, django_assert_num_queries
):
    articles = [make_article() for _ in range(3)]
    for number, article in enumerate(articles):
        Redirect.objects.create(old_path=f"/old-{number}/", target=article)
    body = (
        "".join(
            f'<p><a href="https://clinic.example/old-{number}">x</a></p>'
            for number in range(3)
        )
        + '<p><a href="/wp-content/uploads/2019/04/a-300x200.jpg">a</a></p>'
    )
    body += '<p><a href="/nowhere/">n</a> <a href="https://other.example/">o</a></p>'
    # The redirects (an upload's too), the articles they lead to; whether the
    # others answer here as they are: the pages, the old addresses.
    with django_assert_num_queries(4):
        new_body, unknown = links.rewrite(body, links.on_old_site({"clinic.example"}))
    assert unknown == ["/wp-content/uploads/2019/04/a-300x200.jpg", "/nowhere/"]
    for article in articles:
        assert f'<a href="{article.get_absolute_url()}">x</a>' in new_body


def test_a_dry_run_counts_the_pictures_and_stores_none(db, export, two_pictures):
    files = stored_files()
    output = run(export(*export_items()), media_dir=two_pictures, dry_run=True)
    assert "images: 2 created, 0 updated, 0 unchanged" in output
    assert not Picture.objects.exists()
    assert stored_files() == files


def test_a_deeply_nested_post_imports_with_its_text(db, export):
    content = "<div>" * 5000 + "Deep advice." + "</div>" * 5000
    run(export(item(12, content=content)))
    assert "Deep advice." in Article.objects.get().body


def test_the_editor_keeps_imported_bodies_as_they_are(db, export, two_pictures):
    run(export(*export_items()), media_dir=two_pictures)
    for article in Article.objects.all():
        # The body field's own cleaning in the admin form: nothing refused or lost.
        assert rich_text.editor_sanitizer(article.body) == article.body
        article.full_clean()


def test_a_gallery_without_ids_shows_the_pictures_uploaded_to_its_post(
    db, export, two_pictures
):
    items = (
        attachment(20, "2019/04/knee.jpg", parent=12),
        attachment(21, "2019/04/hip.jpg", parent=13),
        item(12, content="Our braces:\n\n[gallery columns=2]"),
    )
    run(export(*items), media_dir=two_pictures)
    knee = Picture.objects.get()
    assert knee.wordpress_file == "2019/04/knee.jpg"
    assert f'data-file="{knee.pk}"' in Article.objects.get().body


@pytest.mark.parametrize(
    "old",
    [
        "/wp-content/uploads/2019/04/hip.jpg",
        "/?attachment_id=21",  # its attachment page
    ],
)
def test_a_body_picture_s_old_addresses_lead_to_the_library_picture(
    client, db, export, two_pictures, old
):
    run(export(*export_items()), media_dir=two_pictures)
    hip = Picture.objects.get(wordpress_file="2019/04/hip.jpg")
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, hip.image.url)


def test_links_made_after_the_import_are_not_taken_for_edits_here(
    db, export, two_pictures
):
    path = export(*export_items())
    run(path, media_dir=two_pictures)  # knee braces links to hip pain, after it
    output = run(path, media_dir=two_pictures)
    assert "articles: 0 created, 0 updated, 2 unchanged" in output
    assert "changed on this site" not in output
