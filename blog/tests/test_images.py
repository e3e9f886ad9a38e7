"""Featured images: refused with a clear message, or stored clean, with renditions."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from blog.models import Article
from clinic import images
from conftest import jpeg_upload, png_bomb


def tiff_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "red").save(buffer, "TIFF")
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (800, 600), "teal")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (42.0, 22.0, 30.0), 3: "W", 4: (71.0, 6.0, 20.0)}
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


MARKER = "Patient: Jane Roe, MRN 123456"


def picture_with_metadata(image_format: str) -> bytes:
    """A picture carrying MARKER in every kind of metadata its format holds."""
    exif = Image.Exif()
    exif[0x010E] = MARKER  # ImageDescription
    metadata = {
        "exif": exif,
        "xmp": f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{MARKER}</x:xmpmeta>".encode(),
        "icc_profile": ImageCms.ImageCmsProfile(
            ImageCms.createProfile("sRGB")
        ).tobytes(),
    }
    if image_format == "JPEG":
        metadata["comment"] = MARKER  # a COM segment
    if image_format == "PNG":
        text = PngInfo()
        text.add_text("Comment", MARKER)
        text.add_itxt("Author", MARKER)
        metadata["pnginfo"] = text
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 700), "teal").save(buffer, image_format, **metadata)
    return buffer.getvalue()


def assert_without_metadata(name: str) -> None:
    with default_storage.open(name) as file:
        content = file.read()
    assert MARKER.encode() not in content, name
    info = Image.open(io.BytesIO(content)).info
    assert not {"comment", "exif", "xmp", "icc_profile", "Author"} & info.keys()


def png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_turned_upright(size: tuple[int, int]) -> bytes:
    """A JPEG stored on its side, with the EXIF orientation that turns it upright."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # turn 90 degrees clockwise
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def big_noisy_png() -> bytes:
    """A PNG over 10 MB (random pixels do not compress)."""
    import os

    image = Image.frombytes("RGB", (2000, 1900), os.urandom(2000 * 1900 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


REFUSED = {
    "decompression bomb": ("bomb.png", png_bomb, "the limit is 40 megapixels"),
    # Past 179 megapixels Pillow itself refuses to open a file.
    "giant decompression bomb": (
        "bomb.png",
        lambda: png_bomb(20_000),
        "the limit is 40 megapixels",
    ),
    "TIFF named .png": ("photo.png", tiff_bytes, "Please upload a JPEG, PNG or WebP"),
    "SVG with script": (
        "logo.png",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        "Upload a valid image",
    ),
    "truncated JPEG": (
        "cut.jpg",
        lambda: jpeg_upload().read()[:1500],
        "damaged or incomplete",
    ),
    "text named .jpg": (
        "notes.jpg",
        lambda: b"just some text\n" * 20,
        "Upload a valid image",
    ),
    "12 MB image": ("huge.png", big_noisy_png, "larger than 10 MB"),
    # Past 16,383 pixels WebP cannot hold a rendition.
    "too tall": (
        "tall.png",
        lambda: png((100, 20_000)),
        "This picture is 100 x 20,000 pixels, taller than a web picture can be",
    ),
    "too tall once upright": (
        "tall.jpg",
        lambda: jpeg_turned_upright((20_000, 100)),
        "This picture is 100 x 20,000 pixels, taller than a web picture can be",
    ),
}


def post_article(client, upload, article_form):
    moment = timezone.localtime()
    data = article_form(
        title="Pictured",
        slug="pictured",
        featured_image=upload,
        featured_image_alt="A picture",
        status="published",
        published_at_0=f"{moment:%Y-%m-%d}",
        published_at_1="00:00:00",
    )
    return client.post(reverse("admin:blog_article_add"), data)


@pytest.mark.parametrize("case", REFUSED)
def test_bad_uploads_are_refused_with_a_clear_message(
    client, editor, sign_in, article_form, case
):
    name, make, message = REFUSED[case]
    sign_in(editor)
    upload = SimpleUploadedFile(name, make())
    response = post_article(client, upload, article_form)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["featured_image"])
    assert message in errors
    assert not Article.objects.exists()


def test_a_photo_with_gps_is_stored_clean_under_a_new_name_with_renditions(
    client, editor, sign_in, article_form
):
    sign_in(editor)
    upload = SimpleUploadedFile("IMG_0042 home address.jpg", jpeg_with_gps())
    assert post_article(client, upload, article_form).status_code == 302
    article = Article.objects.get()
    stored = article.featured_image
    assert "IMG_0042" not in stored.name and stored.name.startswith("articles/")
    with default_storage.open(stored.name) as file:
        assert not Image.open(file).getexif()
    assert (article.image_width, article.image_height) == (800, 600)
    for width in [480]:
        for extension in ["webp", "jpg"]:
            assert default_storage.exists(
                images.rendition_name(stored.name, width, extension)
            )


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_comments_and_all_other_metadata_are_gone_from_the_picture_and_renditions(
    client, editor, sign_in, article_form, image_format
):
    sign_in(editor)
    extension = images.EXTENSIONS[image_format]
    upload = SimpleUploadedFile(f"x{extension}", picture_with_metadata(image_format))
    assert post_article(client, upload, article_form).status_code == 302
    article = Article.objects.get()
    for name in images.stored_names(article.featured_image.name, article.image_width):
        assert_without_metadata(name)


def test_a_very_wide_picture_gets_renditions_that_fit(make_article):
    upload = SimpleUploadedFile("wide.png", png((20_000, 100)))
    article = make_article(featured_image=upload, featured_image_alt="x")
    assert (article.image_width, article.image_height) == (2400, 12)
    for name in images.stored_names(article.featured_image.name, 2400):
        assert default_storage.exists(name)


def test_a_failure_while_making_renditions_leaves_no_file_and_no_article(
    client, editor, sign_in, article_form, monkeypatch
):
    def disk_full(image, width):
        raise OSError("No space left on device")

    monkeypatch.setattr(images, "_encoded_renditions", disk_full)
    sign_in(editor)
    before = stored_files()
    with pytest.raises(OSError):
        post_article(client, jpeg_upload(), article_form)
    assert stored_files() == before
    assert not Article.objects.exists()


def test_bytes_appended_after_a_png_are_dropped(make_article):
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), "navy").save(buffer, "PNG")
    upload = SimpleUploadedFile(
        "x.png", buffer.getvalue() + b"<html><script>x</script>"
    )
    article = make_article(featured_image=upload, featured_image_alt="x")
    with default_storage.open(article.featured_image.name) as file:
        assert b"<html>" not in file.read()


def test_renditions_exist_for_each_width_up_to_the_picture(make_article):
    article = make_article(
        featured_image=jpeg_upload(size=(2000, 1000)), featured_image_alt="x"
    )
    name = article.featured_image.name
    for width in images.RENDITION_WIDTHS:
        for extension in ["webp", "jpg"]:
            assert default_storage.exists(images.rendition_name(name, width, extension))
    assert not default_storage.exists(images.rendition_name(name, 2000, "jpg"))


def test_the_article_page_offers_responsive_sources_with_dimensions(
    client, make_article
):
    article = make_article(
        featured_image=jpeg_upload(size=(1200, 800)), featured_image_alt="Knee"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    stem = Path(article.featured_image.name).stem
    assert 'type="image/webp" srcset="/media/articles/' in page
    assert f"{stem}-480.webp 480w" in page and f"{stem}-960.jpg 960w" in page
    assert 'width="1200" height="800" alt="Knee"' in page


def test_very_wide_pictures_are_stored_at_most_2400_pixels_wide(make_article):
    article = make_article(
        featured_image=jpeg_upload(size=(4000, 1000)), featured_image_alt="x"
    )
    assert (article.image_width, article.image_height) == (2400, 600)
