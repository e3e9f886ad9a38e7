"""Hints for editors, never blocking: how hard an article is to read, and what to
look at before publishing."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from clinic import reading_level

PLAIN = "<p>" + "Rest your knee. Put ice on it. Walk a bit each day. " * 6 + "</p>"
HARD = (
    "<p>Osteoarthritis, a degenerative musculoskeletal condition characterised by "
    "progressive deterioration of articular cartilage, frequently necessitates "
    "comprehensive multidisciplinary management incorporating pharmacological, "
    "physiotherapeutic and occasionally surgical interventions.</p><p>Rest.</p>"
)


def test_short_sentences_of_short_words_read_at_a_low_grade():
    assert reading_level.assess(PLAIN).grade < 3


def test_long_sentences_of_long_words_read_far_above_the_target():
    reading = reading_level.assess(HARD * 2)
    assert reading.above_target
    assert reading.longest_sentences[0].startswith("Osteoarthritis, a degenerative")
    assert "multidisciplinary" in reading.long_words
    assert "knee" not in reading.long_words


def test_too_little_text_has_no_grade():
    assert reading_level.assess("<p>Rest.</p>").grade is None


def test_the_admin_shows_the_grade_in_the_list_and_the_details_in_the_form(
    client, editor, sign_in, make_article
):
    article = make_article(body=HARD * 2)
    assert article.reading_grade > reading_level.TARGET_GRADE
    sign_in(editor)
    listing = client.get(reverse("admin:blog_article_changelist")).content.decode()
    assert f'<span class="grade-high">{article.reading_grade}</span>' in listing
    form = client.get(reverse("admin:blog_article_change", args=[article.pk]))
    html = form.content.decode()
    assert f"Grade {article.reading_grade}" in html
    assert "Longest sentences" in html and "multidisciplinary" in html


def test_a_body_of_one_endless_sentence_saves_at_the_highest_grade(make_article):
    article = make_article(body="<p>" + "rest the knee and " * 200 + "rest.</p>")
    article.refresh_from_db()
    assert article.reading_grade == reading_level.MAX_GRADE


def test_a_hard_text_still_saves(client, editor, sign_in, article_form):
    sign_in(editor)
    response = client.post(reverse("admin:blog_article_add"), article_form(body=HARD))
    assert response.status_code == 302


def test_the_checklist_names_what_to_look_at_before_publishing(
    client, editor, sign_in, make_article
):
    old_review = timezone.localdate() - timedelta(days=400)
    article = make_article(medical_reviewer=None)
    reviewed = make_article(
        meta_description="Knee pain, explained.",
        medical_reviewer=article.author,
        reviewed_on=old_review,
    )
    sign_in(editor)
    first = client.get(reverse("admin:blog_article_change", args=[article.pk]))
    assert "No meta description" in first.content.decode()
    assert "without a medical reviewer" in first.content.decode()
    second = client.get(reverse("admin:blog_article_change", args=[reviewed.pk]))
    assert "over a year old" in second.content.decode()
    assert "No meta description" not in second.content.decode()
