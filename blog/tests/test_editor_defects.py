"""Small things editors met: help text that lost its example, a doubled full stop."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone


def test_the_slug_help_shows_an_example_address(client, editor, sign_in):
    sign_in(editor)
    page = client.get(reverse("admin:blog_article_add")).content.decode()
    assert "as in /blog/knee-pain-on-stairs/." in page
    assert "/blog//" not in page


def test_the_preview_banner_of_a_scheduled_article_ends_with_one_full_stop(
    client, editor, sign_in, make_article
):
    later = timezone.now() + timedelta(days=2)
    article = make_article(published_at=later.replace(hour=21, minute=0))
    sign_in(editor)
    banner = client.get(article.get_absolute_url()).content.decode()
    banner = banner.split('class="preview-banner"', 1)[1].split("</p>", 1)[0]
    assert "Scheduled for" in banner
    assert ".." not in banner
