"""Benchmark the WordPress importer on a generated export.

    .venv/bin/python bench/wordpress_import.py [--posts 5000] [--image-every 10]

Everything happens in a temporary folder, with its own SQLite database and media
folder, and is deleted afterwards. Run it once per size: the peak memory (RSS) of a
process only grows, so compare the figures of separate runs (1,000 and 5,000 posts)
to see that memory does not grow with the size of the export.
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "knee hip shoulder tendon ligament cartilage swelling stiffness physical therapy "
    "rest ice brace surgery recovery exercise strength motion pain muscle bone joint"
).split()
CATEGORIES = ["blog", "featured", "news"] + [f"topic-{n}" for n in range(20)]
TAGS = [f"tag-{n}" for n in range(200)]
PHOTOS = 10

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Clinic</title>
<link>https://clinic.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[ana]]></wp:author_login>
<wp:author_display_name><![CDATA[Ana Ruiz]]></wp:author_display_name></wp:author>
"""
FOOTER = "</channel>\n</rss>\n"


def sentence(n: int, length: int) -> str:
    return " ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(length))


def body(n: int) -> str:
    """About 400 words of Gutenberg blocks: two headings and six paragraphs."""
    blocks = []
    for part in range(8):
        if part in (2, 5):
            blocks.append(
                "<!-- wp:heading -->\n"
                f"<h2>{sentence(n + part, 4)}</h2>\n<!-- /wp:heading -->"
            )
        else:
            blocks.append(
                "<!-- wp:paragraph -->\n"
                f"<p>{sentence(n + part, 65)}.</p>\n<!-- /wp:paragraph -->"
            )
    return "\n\n".join(blocks)


def post(n: int, thumbnail_id: int | None) -> str:
    status = "draft" if n % 20 == 0 else "future" if n % 20 == 1 else "publish"
    year = 2030 if status == "future" else 2015 + n % 10
    date = f"{year}-{1 + n % 12:02}-{1 + n % 28:02} 10:00:00"
    terms = f'<category domain="category" nicename="{CATEGORIES[n % len(CATEGORIES)]}">'
    terms += f"<![CDATA[{CATEGORIES[n % len(CATEGORIES)].title()}]]></category>"
    for tag in (TAGS[n % 200], TAGS[(n * 3) % 200], TAGS[(n * 7) % 200]):
        terms += f'<category domain="post_tag" nicename="{tag}">{tag}</category>'
    meta = meta_xml("_yoast_wpseo_metadesc", sentence(n, 20))
    if thumbnail_id:
        meta += meta_xml("_thumbnail_id", str(thumbnail_id))
    return f"""<item>
<title>{sentence(n, 5).capitalize()} {n}</title>
<link>https://clinic.example/{year}/post-{n}/</link>
<dc:creator><![CDATA[ana]]></dc:creator>
<guid isPermaLink="false">https://clinic.example/?p={n}</guid>
<content:encoded><![CDATA[{body(n)}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id>
<wp:post_date>{date}</wp:post_date>
<wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_modified_gmt>{date}</wp:post_modified_gmt>
<wp:post_name>post-{n}</wp:post_name>
<wp:status>{status}</wp:status>
<wp:post_type>post</wp:post_type>
{terms}{meta}
<wp:comment><wp:comment_id>{n}</wp:comment_id></wp:comment>
</item>
"""


def attachment(post_id: int, photo: int) -> str:
    meta = meta_xml("_wp_attached_file", f"2019/04/photo-{photo}.jpg")
    meta += meta_xml("_wp_attachment_image_alt", f"Photo {photo}")
    return f"""<item><title>photo-{photo}</title><wp:post_id>{post_id}</wp:post_id>
<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>{meta}</item>
"""


def meta_xml(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def write_photos(uploads: Path) -> None:
    from PIL import Image

    folder = uploads / "2019/04"
    folder.mkdir(parents=True)
    for n in range(PHOTOS):
        color = (20 * n, 120, 200 - 10 * n)
        Image.new("RGB", (1200, 800), color).save(folder / f"photo-{n}.jpg")


def write_export(path: Path, posts: int, image_every: int) -> None:
    """Write the export of `posts` posts; attachments come after the posts."""
    with path.open("w") as out:
        out.write(HEADER)
        with_images = range(image_every, posts + 1, image_every)
        for n in range(1, posts + 1):
            out.write(post(n, posts + n if n % image_every == 0 else None))
        for n in with_images:
            out.write(attachment(posts + n, n % PHOTOS))
        out.write(FOOTER)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed_import(export: Path, uploads: Path) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    start = time.perf_counter()
    call_command("import_wordpress", str(export), media_dir=str(uploads), stdout=out)
    return time.perf_counter() - start, out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--image-every", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        os.environ["MEDIA_ROOT"] = str(folder / "media")
        os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
        os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        export, uploads = folder / "export.xml", folder / "uploads"
        write_photos(uploads)
        write_export(export, args.posts, args.image_every)
        size_mb = export.stat().st_size / 1024 / 1024
        before = peak_rss_mb()
        first, report = timed_import(export, uploads)
        after_first = peak_rss_mb()
        second, _ = timed_import(export, uploads)
        lines = [
            f"posts: {args.posts} (export {size_mb:.1f} MB, "
            f"a picture every {args.image_every} posts)",
            f"first import: {first:.1f} s ({args.posts / first:.0f} posts/s)",
            f"second import (nothing changed): {second:.1f} s",
            f"peak RSS: {before:.0f} MB before importing, {after_first:.0f} MB "
            f"after the first import, {peak_rss_mb():.0f} MB after the second",
            *(line for line in report.splitlines() if line.startswith("  ")),
        ]
        sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
