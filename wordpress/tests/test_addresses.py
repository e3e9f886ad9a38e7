"""Every address the old WordPress site served answers 301 to its new home."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Article
from clinic.models import Redirect
from wordpress.tests.exports import attachment, item, page, run

BLOG_CATEGORY = """
  <wp:category>
    <wp:term_id>3</wp:term_id>
    <wp:category_nicename>blog</wp:category_nicename>
    <wp:category_parent></wp:category_parent>
    <wp:cat_name><![CDATA[Blog]]></wp:cat_name>
  </wp:category>"""
SIZES = (
    'a:2:{s:4:"file";s:16:"2019/04/knee.jpg";s:5:"sizes";a:1:{s:6:"medium";'
    'a:1:{s:4:"file";s:16:"knee-300x200.jpg";}}}'
)


def old_site(when=None) -> list[str]:
    """A post with a tag and a featured image, a post scheduled for `when`, a page
    and the booking page."""
    when = when or timezone.now() + timedelta(days=3)
    knee = attachment(20, "2019/04/knee.jpg")
    knee = knee.replace("</wp:post_type>", "</wp:post_type>" + meta(SIZES))
    return [
        BLOG_CATEGORY,
        item(
            12,
            name="muscle-spasm",
            link="https://clinic.example/2019/04/muscle-spasm/",
            terms=[("category", "blog", "Blog"), ("post_tag", "exercise", "Exercise")],
            meta={"_thumbnail_id": "20"},
        ),
        item(
            13,
            name="knee-pain",
            status="future",
            link="https://clinic.example/?p=13",
            date=f"{when:%Y-%m-%d %H:%M:%S}",
            date_gmt=f"{when:%Y-%m-%d %H:%M:%S}",
        ),
        knee,
        page(3, "privacy-policy", title="Privacy Policy"),
        page(40, "book-an-appointment", content="[contact-form-7 id=1]"),
    ]


def meta(value: str) -> str:
    return (
        "<wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


IMAGE = "the featured image"
SCHEDULED = f"/{timezone.now() + timedelta(days=3):%Y/%m}/knee-pain/"
# (kind of old address, example, status, where it leads)
OLD_ADDRESSES = [
    ("post permalink", "/2019/04/muscle-spasm/", 301, "/blog/muscle-spasm/"),
    ("post, no trailing slash", "/2019/04/muscle-spasm", 301, "/blog/muscle-spasm/"),
    ("plain post link", "/?p=12", 301, "/blog/muscle-spasm/"),
    ("scheduled post's future permalink", SCHEDULED, 404, None),
    ("page, at the same address", "/privacy-policy/", 200, None),
    ("page, no trailing slash", "/privacy-policy", 301, "/privacy-policy/"),
    ("plain page link", "/?page_id=3", 301, "/privacy-policy/"),
    ("booking page", "/book-an-appointment/", 301, "/appointments/request/"),
    ("plain booking page link", "/?page_id=40", 301, "/appointments/request/"),
    ("category archive", "/category/blog/", 301, "/blog/category/blog/"),
    ("category feed", "/category/blog/feed/", 301, "/blog/category/blog/feed/"),
    ("plain category link", "/?cat=3", 301, "/blog/category/blog/"),
    ("tag archive", "/tag/exercise/", 301, "/blog/tag/exercise/"),
    ("tag feed", "/tag/exercise/feed/", 301, "/blog/feed/"),
    ("plain tag link", "/?tag=exercise", 301, "/blog/tag/exercise/"),
    ("author archive", "/author/ana-ruiz/", 301, "/authors/ana-ruiz/"),
    ("author feed", "/author/ana-ruiz/feed/", 301, "/blog/feed/"),
    ("plain author link", "/?author=1", 301, "/authors/ana-ruiz/"),
    ("site feed", "/feed/", 301, "/blog/feed/"),
    ("comments feed", "/comments/feed/", 301, "/blog/feed/"),
    ("year archive", "/2019/", 301, "/blog/"),
    ("month archive", "/2019/04/", 301, "/blog/"),
    ("day archive", "/2019/04/01/", 301, "/blog/"),
    ("attachment page", "/post-20/", 301, IMAGE),
    ("plain attachment link", "/?attachment_id=20", 301, IMAGE),
    ("uploaded file", "/wp-content/uploads/2019/04/knee.jpg", 301, IMAGE),
    ("another size of it", "/wp-content/uploads/2019/04/knee-300x200.jpg", 301, IMAGE),
    ("never on the old site", "/no-such-page/", 404, None),
]


@pytest.mark.parametrize(("kind", "old", "status", "new"), OLD_ADDRESSES)
def test_each_kind_of_old_address_answers_as_it_should(
    client, db, export, uploads, kind, old, status, new
):
    run(export(*old_site()), media_dir=uploads)
    if new == IMAGE:
        new = Article.objects.get(wordpress_id=12).featured_image.url
    response = client.get(old)
    assert response.status_code == status
    if status == 301:
        assert response["Location"] == new
        if not new.startswith("/media/"):
            assert client.get(new).status_code == 200


def test_a_scheduled_post_s_future_permalink_answers_only_once_it_is_public(
    client, db, export, uploads, time_machine
):
    when = timezone.now() + timedelta(hours=2)
    run(export(*old_site(when)), media_dir=uploads)
    future = f"/{when:%Y}/{when:%m}/knee-pain/"
    assert client.get(future).status_code == 404
    assert client.get("/?p=13").status_code == 200  # the home page, nothing revealed
    time_machine(hours=3)
    response = client.get(future)
    assert (response.status_code, response["Location"]) == (301, "/blog/knee-pain/")


def test_the_permalink_structure_can_be_given(client, db, export):
    when = timezone.now() - timedelta(hours=1)
    post = item(13, name="knee-pain", link="https://clinic.example/?p=13")
    post = post.replace("<wp:status>publish", "<wp:status>future")
    post = post.replace("2019-04-01 06:00:00", f"{when:%Y-%m-%d %H:%M:%S}")
    run(export(post), permalinks="/articles/%post_id%/%postname%/")
    response = client.get("/articles/13/knee-pain/")
    assert (response.status_code, response["Location"]) == (301, "/blog/knee-pain/")


def test_an_old_address_is_found_by_one_indexed_lookup(
    client, db, export, uploads, django_assert_num_queries
):
    run(export(*old_site()), media_dir=uploads)
    with django_assert_num_queries(1):
        assert Redirect.objects.new_address("/tag/exercise/") == "/blog/tag/exercise/"
    with django_assert_num_queries(2):  # the row, then the article it leads to
        assert Redirect.objects.new_address("/?p=12") == "/blog/muscle-spasm/"
    with django_assert_num_queries(1):
        assert Redirect.objects.new_address("/nothing-here/") is None


def test_a_page_moved_from_an_address_the_import_kept_takes_it_over(
    client, db, export, make_page
):
    moved = make_page(title="Feeds", slug="feed")
    run(export(*old_site()))  # keeps /feed/, which answers the page while it is there
    moved.slug = "news-feeds"
    moved.save()
    response = client.get("/feed/")
    assert (response.status_code, response["Location"]) == (301, "/news-feeds/")
