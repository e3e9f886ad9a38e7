"""Article bodies: hostile markup never reaches the public page, formatting does."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from blog.models import Article
from conftest import error_beside

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">click</p>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
    "<style>body{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<p>unclosed <b><i>nesting <script>alert(1)</p>",
    '<img src="x" alt="a" onload=alert(1)//',
    "<<script>script>alert(1)<</script>/script>",
    '<div><a href="https://ok.example" target="_blank" onmouseover="alert(1)">x</a>'
    "</div>",
    '<base href="https://evil.example/">',
    # What the figure, table and callout tools make, with hostile extras.
    '<figure class="figure" onclick="alert(1)"><img src="javascript:alert(1)" '
    'data-file="1" data-evil="1" alt="a" onerror="alert(1)"><figcaption '
    'style="color:red"><a href="javascript:alert(1)">x</a></figcaption></figure>',
    '<img src="x" data-file="1 onerror=alert(1)" alt="a">',
    '<p class="table-caption" onclick="alert(1)" data-x="1">cap</p><table '
    'onmouseover="alert(1)" style="width:1px"><tbody><tr><th data-evil="1" '
    'style="background:url(javascript:alert(1))"><p>h</p></th></tr></tbody></table>',
    '<blockquote class="callout-emergency" onmouseover="alert(1)" style="x:y" '
    'data-evil="1"><p>Call 911</p></blockquote>',
    '<iframe src="https://www.youtube-nocookie.com/embed/x" '
    'srcdoc="<script>alert(1)</script>"></iframe>',
    '<div class="table-scroll" role="region" tabindex="0" data-evil="1">x</div>',
]
DANGEROUS = re.compile(
    r"<script|<iframe|<svg|<math|<object|<embed|<form|<style|<meta|<base|"
    r"\son\w+\s*=|javascript:|vbscript:|data:text|style=|\sdata-|srcdoc",
    re.IGNORECASE,
)
FORMATTING = (
    '<h2 id="symptoms">Symptoms</h2><p>Knee pain with <strong>swelling</strong> and '
    "<em>stiffness</em>.</p><ul><li>Rest</li><li>Ice</li></ul>"
    "<ol><li>Step one</li></ol>"
    "<blockquote><p>Move gently.</p></blockquote>"
    '<p><a href="/blog/other/">Internal</a> and '
    '<a href="https://medlineplus.gov/" rel="noopener noreferrer">external</a>.</p>'
)


def public_body(article) -> str:
    page = Client().get(article.get_absolute_url()).content.decode()
    return page.split('<div class="article-body">', 1)[1].split("</div>", 1)[0]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_markup_saved_from_code_never_reaches_the_page(make_article, payload):
    article = make_article(body=f"<p>Before</p>{payload}<p>After</p>")
    body = public_body(article)
    assert not DANGEROUS.search(body), body
    assert "Before" in body  # (an unclosed script may swallow what follows it)


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_markup_saved_through_the_admin_never_reaches_the_page(
    client, editor, sign_in, article_form, payload
):
    sign_in(editor)
    moment = timezone.localtime()
    data = article_form(
        title="Hostile",
        slug="hostile",
        body=f"<p>Before</p>{payload}<p>After</p>",
        status="published",
        published_at_0=f"{moment:%Y-%m-%d}",
        published_at_1="00:00:00",
    )
    response = client.post(reverse("admin:blog_article_add"), data)
    if response.status_code == 200:  # refused, with a message: nothing is stored
        assert error_beside(response, "body")
        assert not Article.objects.exists()
        return
    assert response.status_code == 302
    body = public_body(Article.objects.get(slug="hostile"))
    assert not DANGEROUS.search(body), body


def test_ordinary_formatting_survives_unchanged(make_article):
    article = make_article(body=FORMATTING)
    article.refresh_from_db()
    assert article.body == FORMATTING
    assert FORMATTING in public_body(article)


def test_links_to_other_sites_get_noopener_and_ours_do_not(make_article):
    article = make_article(
        body='<p><a href="https://example.org/">out</a> <a href="/blog/x/">in</a> '
        '<a href="http://127.0.0.1:8000/blog/y/">absolute in</a></p>'
    )
    assert article.body == (
        '<p><a href="https://example.org/" rel="noopener noreferrer">out</a> '
        '<a href="/blog/x/">in</a> '
        '<a href="http://127.0.0.1:8000/blog/y/">absolute in</a></p>'
    )


def test_a_body_of_only_empty_paragraphs_is_empty(make_article):
    assert make_article(body="<p></p><p> </p>").body == ""
