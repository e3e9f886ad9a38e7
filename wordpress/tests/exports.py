"""WordPress exports written by the tests, and the import command run on them."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.management import call_command

from conftest import jpeg_upload

BLOCKS = "<!-- wp:paragraph -->\n<p>Spasms are common.</p>\n<!-- /wp:paragraph -->"


def channel(*items: str, version: str = "1.2") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Clinic</title>
  <link>https://clinic.example</link>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:author>
    <wp:author_id>1</wp:author_id>
    <wp:author_login><![CDATA[ana.ruiz]]></wp:author_login>
    <wp:author_email><![CDATA[ana@clinic.example]]></wp:author_email>
    <wp:author_display_name><![CDATA[Ana Ruiz]]></wp:author_display_name>
  </wp:author>
{"".join(items)}
</channel>
</rss>
"""


def item(
    post_id: int,
    *,
    title="Muscle spasm",
    name=None,
    post_type="post",
    status="publish",
    content=BLOCKS,
    excerpt="",
    date_gmt="2019-04-01 10:00:00",
    date="2019-04-01 06:00:00",
    modified_gmt="2019-04-02 10:00:00",
    link=None,
    terms=(("category", "blog", "Blog"),),
    meta=None,
    password="",
    comments=0,
    parent=0,
) -> str:
    name = f"post-{post_id}" if name is None else name
    link = link or f"https://clinic.example/{name or f'?p={post_id}'}/"
    terms_xml = "".join(
        f'<category domain="{domain}" nicename="{slug}"><![CDATA[{term}]]></category>'
        for domain, slug, term in terms
    )
    meta_xml = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in (meta or {}).items()
    )
    comments_xml = "".join(
        f"<wp:comment><wp:comment_id>{post_id * 100 + n}</wp:comment_id>"
        "<wp:comment_author><![CDATA[Sam Lee]]></wp:comment_author>"
        "<wp:comment_author_email>sam@example.com</wp:comment_author_email>"
        "<wp:comment_date_gmt>2019-04-03 08:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[Thank you! ({n})]]></wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
        for n in range(comments)
    )
    return f"""
  <item>
    <title>{escape(title)}</title>
    <link>{escape(link)}</link>
    <dc:creator><![CDATA[ana.ruiz]]></dc:creator>
    <guid isPermaLink="false">https://clinic.example/?p={post_id}</guid>
    <content:encoded><![CDATA[{content}]]></content:encoded>
    <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date>{date}</wp:post_date>
    <wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
    <wp:post_modified>{modified_gmt}</wp:post_modified>
    <wp:post_modified_gmt>{modified_gmt}</wp:post_modified_gmt>
    <wp:post_name>{name}</wp:post_name>
    <wp:status>{status}</wp:status>
    <wp:post_type>{post_type}</wp:post_type>
    <wp:post_parent>{parent}</wp:post_parent>
    <wp:post_password>{password}</wp:post_password>
    {terms_xml}{meta_xml}{comments_xml}
  </item>"""


def attachment(
    post_id: int, file: str, alt="A knee brace on a runner", caption="", parent=0
) -> str:
    meta = {"_wp_attached_file": file, "_wp_attachment_image_alt": alt}
    return item(
        post_id,
        title="knee",
        post_type="attachment",
        status="inherit",
        meta=meta,
        excerpt=caption,
        parent=parent,
    )


def page(post_id: int, name: str, parent: int = 0, **fields) -> str:
    return item(post_id, name=name, post_type="page", terms=(), parent=parent, **fields)


def photo(color="teal") -> bytes:
    # Bytes after the picture: re-encoding must drop them.
    return jpeg_upload(size=(1200, 800), color=color).read() + b"TRAILING-BYTES"


def run(path: Path, **options) -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out, **options)
    return out.getvalue()
