"""Figures, tables and callouts in article bodies: what editors insert, what
patients see, and what never gets through."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Article
from clinic.models import Picture, PictureUse
from conftest import error_beside, jpeg_upload


@pytest.fixture
def picture(db):
    return Picture.objects.create(
        image=jpeg_upload(size=(2000, 1000)),
        description="Diagram of the knee",
        credit="Drawing: Ana Ruiz",
    )


def figure(picture, alt="The knee from the front", caption="The knee joint"):
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return (
        f'<figure class="figure"><img src="/anything.jpg" alt="{alt}" '
        f'data-file="{picture.pk}">{caption_html}</figure>'
    )


def public_body(article) -> str:
    page = Client().get(article.get_absolute_url()).content.decode()
    return page.split('<div class="article-body">', 1)[1].rsplit("</article>", 1)[0]


def test_a_figure_is_served_from_the_library_renditions_with_its_size(
    make_article, picture
):
    article = make_article(body=f"<p>First the anatomy.</p>{figure(picture)}")
    body = public_body(article)
    assert f"{picture.image.name.rsplit('.', 1)[0]}-480.webp 480w" in body
    assert re.search(r'<img [^>]*width="2000" height="1000"', body)
    assert 'alt="The knee from the front"' in body
    assert 'loading="lazy"' in body
    assert '<figcaption>The knee joint <small class="credit">Drawing: Ana Ruiz' in body
    assert "/anything.jpg" not in body


def test_a_figure_opening_an_article_without_featured_image_loads_at_once(
    make_article, picture
):
    body = public_body(make_article(body=figure(picture) + "<p>Text.</p>"))
    assert 'loading="eager"' in body


def test_a_figure_of_a_picture_not_in_the_library_is_left_out(make_article):
    article = make_article(
        body='<p>Before</p><figure class="figure"><img src="https://tracker.example/'
        'x.gif" alt="x" data-file="999"></figure><img src="https://tracker.example/'
        'y.gif" alt="y"><p>After</p>'
    )
    body = public_body(article)
    assert "tracker.example" not in body
    assert "<img" not in body
    assert "After" in body


def test_figures_cost_one_query_however_many(client, make_article, picture):
    plain = make_article(body="<p>Text.</p>")
    more = [
        Picture.objects.create(image=jpeg_upload(), description=f"P{n}")
        for n in range(3)
    ]
    illustrated = make_article(body="".join(figure(p) for p in [picture, *more]))
    counts = []
    for article in (plain, illustrated):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[0] + 1


def test_the_admin_refuses_to_delete_a_picture_an_article_shows(
    client, editor, sign_in, make_article, picture
):
    admin_client = sign_in(editor)
    make_article(title="Knee basics", body=figure(picture))
    url = reverse("admin:clinic_picture_delete", args=[picture.pk])
    page = admin_client.get(url).content.decode()
    assert "Knee basics" in page
    admin_client.post(url, {"post": "yes"})
    assert Picture.objects.filter(pk=picture.pk).exists()


def test_a_picture_is_free_again_once_no_body_shows_it(make_article, picture):
    article = make_article(body=figure(picture))
    other = make_article(body=figure(picture))
    article.body = "<p>No picture now.</p>"
    article.save()
    other.delete()
    assert not PictureUse.objects.exists()
    picture.delete()


def test_uses_follow_a_restored_revision(make_article, picture):
    article = make_article(body=figure(picture))
    Article.objects.filter(pk=article.pk).update(body="<p>x</p>")
    article.save_base(raw=True)  # as a revision is restored
    assert PictureUse.objects.filter(
        picture=picture,
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
    ).exists()


def test_tables_get_a_header_row_scopes_a_caption_and_scroll_inside(make_article):
    article = make_article(
        body='<p class="table-caption">T-scores</p><table><tbody>'
        "<tr><th><p>Score</p></th><th><p>Meaning</p></th></tr>"
        "<tr><th><p>-1.0 and above</p></th><td><p>Normal</p></td></tr>"
        "</tbody></table>"
    )
    body = public_body(article)
    assert (
        '<div class="table-scroll" role="region" aria-label="T-scores" tabindex="0">'
        "<table><caption>T-scores</caption><thead><tr>"
        '<th scope="col"><p>Score</p></th><th scope="col"><p>Meaning</p></th>'
        '</tr></thead><tbody><tr><th scope="row"><p>-1.0 and above</p></th>'
        "<td><p>Normal</p></td></tr></tbody></table></div>"
    ) in body


def test_a_caption_paragraph_away_from_a_table_stays_a_paragraph(make_article):
    article = make_article(
        body='<p class="table-caption">Alone</p><p>Between</p><table><tbody>'
        "<tr><th><p>H</p></th></tr></tbody></table>"
    )
    body = public_body(article)
    assert '<p class="table-caption">Alone</p><p>Between</p>' in body
    assert 'aria-label="Table"' in body


def test_callouts_become_note_boxes_and_other_classes_are_dropped(make_article):
    article = make_article(
        body='<blockquote class="callout-emergency"><p><strong>Call 911 if</strong>'
        "</p><blockquote><p>quoted</p></blockquote></blockquote>"
        '<blockquote class="evil"><p>plain quote</p></blockquote>'
    )
    body = public_body(article)
    assert (
        '<div class="callout callout-emergency" role="note"><p><strong>Call 911 if'
        "</strong></p><blockquote><p>quoted</p></blockquote></div>"
    ) in body
    assert "<blockquote><p>plain quote</p></blockquote>" in body
    assert "evil" not in body


@pytest.mark.parametrize(
    ("body", "code_words"),
    [
        ('<p><a href="javascript:alert(1)">call us</a></p>', "javascript:alert(1)"),
        (
            '<figure class="figure"><img src="https://x.example/a.jpg" alt="A">'
            "</figure>",
            "picture library",
        ),
        ("<table><tbody><tr><td><p>a</p></td></tr></tbody></table>", "header row"),
    ],
)
def test_the_admin_explains_what_it_cannot_keep_and_keeps_the_text(
    client, editor, sign_in, article_form, body, code_words
):
    sign_in(editor)
    response = client.post(reverse("admin:blog_article_add"), article_form(body=body))
    assert response.status_code == 200
    assert code_words in error_beside(response, "body")
    assert not Article.objects.exists()


def test_a_figure_needs_a_description(client, editor, sign_in, article_form, picture):
    sign_in(editor)
    response = client.post(
        reverse("admin:blog_article_add"),
        article_form(body=figure(picture, alt=" ")),
    )
    assert "Describe every picture" in error_beside(response, "body")


def test_a_body_with_all_three_saves_through_the_admin(
    client, editor, sign_in, article_form, picture
):
    sign_in(editor)
    body = (
        figure(picture)
        + '<blockquote class="callout-key"><p>Key points</p></blockquote>'
        + '<p class="table-caption">Grades</p><table><tbody><tr><th><p>Grade</p></th>'
        "</tr><tr><td><p>1</p></td></tr></tbody></table>"
    )
    response = client.post(reverse("admin:blog_article_add"), article_form(body=body))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body == body
    assert PictureUse.objects.get().picture == picture


@pytest.mark.parametrize(
    ("address", "player"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt"),
    ],
)
def test_a_video_link_becomes_a_player_that_loads_nothing_until_started(
    client, make_article, address, player
):
    article = make_article(body=f'<p><a href="{address}">Knee exercises</a></p>')
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert f'data-embed="{player}' in page
    assert "<iframe" not in page
    assert not re.search(r'\ssrc="https://(?!www\.youtube-nocookie)', page)
    assert "Play the video: Knee exercises" in page
    csp = response["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in csp


def test_only_a_page_with_a_video_may_frame_the_players(client, make_article):
    article = make_article(body="<p>No video here.</p>")
    assert (
        "frame-src"
        not in client.get(article.get_absolute_url())["Content-Security-Policy"]
    )


def test_a_video_link_inside_a_sentence_stays_a_link(make_article):
    article = make_article(
        body='<p>Watch <a href="https://youtu.be/dQw4w9WgXcQ">this</a> first.</p>'
    )
    assert "data-embed" not in public_body(article)
