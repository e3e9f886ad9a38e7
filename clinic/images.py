"""Uploaded pictures: checked, re-encoded without metadata, and cut into renditions.

Everything here runs when an image is saved, never while a visitor waits. A page
only needs the stored width to know which renditions exist and what they are called.
"""

import io
import uuid
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_STORED_WIDTH = 2400
MAX_STORED_HEIGHT = 16_383  # WebP's limit: every rendition must fit in it
RENDITION_WIDTHS = (480, 960, 1600)
PORTRAIT_WIDTHS = (240, 480)  # people's photos are shown at most about 12rem wide
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# What Pillow keeps beside the pixels that drawing them needs. The rest of `info`
# (JPEG comments, EXIF, XMP, colour profiles, PNG text) is metadata, and Pillow's
# encoders write some of it back unless it is gone from the image.
PIXEL_INFO = {"transparency"}

# Pillow warns past 89 megapixels; we refuse past MAX_PIXELS, so the warning is noise.
# (Set once: warnings.catch_warnings() is not safe in threads.)
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def validate_image(file) -> None:
    """Refuse anything but a sound JPEG, PNG or WebP within the size limits."""
    if getattr(file, "_committed", False):
        return  # already stored: it was checked and re-encoded then
    if file.size > MAX_BYTES:
        raise ValidationError(
            "This image is larger than 10 MB. Please export it smaller and try again.",
            code="too_large",
        )
    _open_checked(file)


def _open_checked(file) -> Image.Image:
    file.seek(0)
    try:
        image = Image.open(file, formats=ALLOWED_FORMATS)
    except Image.DecompressionBombError:  # past 179 megapixels Pillow refuses
        raise too_many_pixels() from None
    except (UnidentifiedImageError, OSError):
        raise ValidationError(
            "Please upload a JPEG, PNG or WebP picture.", code="invalid_format"
        ) from None
    if image.width * image.height > MAX_PIXELS:
        raise too_many_pixels(image.size)
    width, height = _upright_size(image)
    if height * min(1, MAX_STORED_WIDTH / width) > MAX_STORED_HEIGHT:
        raise ValidationError(
            f"This picture is {width:,} x {height:,} pixels, taller than a web "
            f"picture can be. Please crop it to {MAX_STORED_HEIGHT:,} pixels tall "
            "or less.",
            code="too_tall",
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This picture file is damaged or incomplete.", code="damaged"
        ) from None
    finally:
        file.seek(0)
    return image


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once turned upright by its EXIF orientation (not loaded)."""
    turned = image.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def too_many_pixels(size: tuple[int, int] | None = None) -> ValidationError:
    found = f"{size[0]} x {size[1]} pixels" if size else "far too large"
    return ValidationError(
        f"This picture is {found}; the limit is 40 megapixels.",
        code="too_many_pixels",
    )


class PictureFormField(forms.ImageField):
    """Django's image field, but it tells a picture too large to open from a bad one."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError as error:
            if isinstance(error.__cause__, Image.DecompressionBombError):
                raise too_many_pixels() from None
            raise


@deconstructible
class RandomName:
    """An `upload_to` that files pictures as <folder>/<year>/<month>/<random>.<ext>."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def reencode(file) -> ContentFile:
    """A fresh copy of the picture: upright, bounded, without metadata.

    Re-encoding drops whatever the file carried besides pixels: EXIF (with GPS
    positions), comments, XMP, colour profiles, text, and bytes appended after the
    image. Renditions are cut from this copy, so they carry none of it either.
    """
    image = _open_checked(file)
    image_format = image.format
    image = ImageOps.exif_transpose(image)  # a copy, upright
    image.info = {key: value for key, value in image.info.items() if key in PIXEL_INFO}
    if image.width > MAX_STORED_WIDTH:
        image = _resized(image, MAX_STORED_WIDTH)
    content = _encoded(image, image_format)
    return ContentFile(content, name=f"image{EXTENSIONS[image_format]}")


def _resized(image: Image.Image, width: int) -> Image.Image:
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _encoded(image: Image.Image, image_format: str) -> bytes:
    target = io.BytesIO()
    if image_format == "JPEG":
        if image.mode != "RGB":
            image = _flattened(image)
        image.save(target, "JPEG", quality=85, optimize=True, progressive=True)
    elif image_format == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(target, "WEBP", quality=80, method=2)  # 4 is 50% slower, 7% smaller
    else:
        image.save(target, "PNG", optimize=True)
    return target.getvalue()


def _flattened(image: Image.Image) -> Image.Image:
    """RGB on a white background, for formats without transparency."""
    image = image.convert("RGBA")
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def rendition_widths(width: int, widths=RENDITION_WIDTHS) -> list[int]:
    """The rendition widths made for a picture of this width (never upscaled)."""
    return [w for w in widths if w <= width] or [width]


def rendition_name(name: str, width: int, extension: str) -> str:
    """articles/2026/11/abc.jpg -> articles/2026/11/abc-480.webp"""
    return f"{name.rsplit('.', 1)[0]}-{width}.{extension}"


def stored_names(name: str, width: int) -> list[str]:
    """A stored picture's name, and those of all its renditions."""
    return [name] + [
        rendition_name(name, rendition_width, extension)
        for rendition_width in rendition_widths(width)
        for extension in RENDITION_FORMATS
    ]


def delete_stored(name: str, width: int) -> None:
    """Delete a stored picture and whichever of its renditions exist."""
    for stored in stored_names(name, width):
        default_storage.delete(stored)


def make_renditions(name: str, widths=RENDITION_WIDTHS) -> None:
    """Write every rendition of a stored picture, in WebP and JPEG."""
    with default_storage.open(name) as stored:
        image = Image.open(stored, formats=ALLOWED_FORMATS)
        image.load()
    widths = rendition_widths(image.width, widths)
    # Pillow lets go of the GIL while it resizes and encodes: one thread per width
    # uses every core. (Two threads must never save one Image: save() writes to it.)
    with ThreadPoolExecutor(max_workers=len(widths)) as pool:
        encoded = pool.map(partial(_encoded_renditions, image), widths)
        for width, renditions in zip(widths, encoded, strict=True):
            for extension, content in renditions.items():
                target = rendition_name(name, width, extension)
                if default_storage.exists(target):
                    default_storage.delete(target)
                default_storage.save(target, ContentFile(content))


def _encoded_renditions(image: Image.Image, width: int) -> dict[str, bytes]:
    """The bytes of the renditions of one width, by file extension."""
    resized = _resized(image, width) if width < image.width else image
    return {
        extension: _encoded(resized, image_format)
        for extension, image_format in RENDITION_FORMATS.items()
    }


@dataclass(frozen=True)
class Sources:
    """What an <img> and its <source> need: srcsets and a fallback address."""

    webp: str
    jpeg: str
    fallback: str


def sources(name: str, width: int, widths=RENDITION_WIDTHS) -> Sources:
    """The addresses of a picture's renditions (one storage lookup, no file access)."""
    folder, filename = default_storage.url(name).rsplit("/", 1)
    stem = filename.rsplit(".", 1)[0]
    widths = rendition_widths(width, widths)

    def srcset(extension):
        return ", ".join(f"{folder}/{stem}-{w}.{extension} {w}w" for w in widths)

    fallback_width = widths[:2][-1]  # about 960 px: enough for most screens
    return Sources(
        webp=srcset("webp"),
        jpeg=srcset("jpg"),
        fallback=f"{folder}/{stem}-{fallback_width}.jpg",
    )
