"""Search-engine fields from the SEO plugins, and sticky posts."""

import pytest

from blog.models import Article
from pages.models import Page
from wordpress.tests.exports import item, page, run


@pytest.mark.parametrize(
    ("title_key", "description_key"),
    [
        ("_yoast_wpseo_title", "_yoast_wpseo_metadesc"),
        ("rank_math_title", "rank_math_description"),
        ("_aioseo_title", "_aioseo_description"),
    ],
)
def test_the_seo_plugin_s_title_and_description_are_imported(
    client, db, export, title_key, description_key
):
    meta = {
        title_key: "Muscle spasms: causes and relief %%sep%% %%sitename%%",
        description_key: "Why muscles cramp, and what helps.",
    }
    run(export(item(12, name="muscle-spasm", meta=meta)))
    article = Article.objects.get()
    assert article.seo_title == "Muscle spasms: causes and relief"
    assert article.meta_description == "Why muscles cramp, and what helps."
    shown = client.get("/blog/muscle-spasm/").content.decode()
    assert "<title>Muscle spasms: causes and relief" in shown
    assert 'content="Why muscles cramp, and what helps."' in shown


def test_a_title_that_is_only_the_post_s_title_leaves_the_seo_title_empty(db, export):
    meta = {"_yoast_wpseo_title": "%%title%% %%page%% %%sep%% %%sitename%%"}
    run(export(item(12, meta=meta)))
    assert Article.objects.get().seo_title == ""


def test_pages_get_their_seo_fields_too(db, export):
    meta = {"_yoast_wpseo_metadesc": "How we protect your information."}
    run(export(page(3, "privacy-policy", meta=meta)))
    assert Page.objects.get().meta_description == "How we protect your information."


def test_a_canonical_address_elsewhere_is_reported(db, export):
    meta = {"_yoast_wpseo_canonical": "https://journal.example/spasms/"}
    output = run(export(item(12, meta=meta)))
    assert "names another page as its canonical address" in output
    assert "https://journal.example/spasms/" in output


def test_a_sticky_post_goes_into_featured(client, db, export):
    sticky = item(12, name="muscle-spasm").replace(
        "</wp:post_type>", "</wp:post_type><wp:is_sticky>1</wp:is_sticky>"
    )
    run(export(sticky, item(13)))
    featured = Article.objects.filter(categories__slug="featured")
    assert list(featured.values_list("wordpress_id", flat=True)) == [12]
    assert b"/blog/muscle-spasm/" in client.get("/blog/category/featured/").content
