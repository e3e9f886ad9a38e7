"""The browser icons: made from the clinic's logo when it is saved, or drawn by us.

A site without a logo still answers /favicon.ico (a browser asks for it on every
first visit, and a 404 there is a console error on every page): it gets a white
cross on the clinic's teal, drawn here once per process.
"""

import functools
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from clinic import images

FAVICON = "favicon.ico"
TOUCH_ICON = "touch-icon.png"
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]
TOUCH_ICON_SIDE = 180  # what iPhones and iPads ask for
SQUARE_SIDE = 256  # drawn at this size, then scaled down
BRAND_TEAL = (11, 85, 99)


def icon_name(logo_name: str, icon: str) -> str:
    """site/2026/11/abc.png -> site/2026/11/abc-favicon.ico"""
    return f"{logo_name.rsplit('.', 1)[0]}-{icon}"


def make_icons(logo_name: str) -> None:
    """Write the favicon and the touch icon of a stored logo beside it."""
    with default_storage.open(logo_name) as stored:
        logo = Image.open(stored, formats=images.ALLOWED_FORMATS)
        logo.load()
    square = _centred_on_square(logo.convert("RGBA"))
    for icon, content in _encoded_icons(square).items():
        target = icon_name(logo_name, icon)
        if default_storage.exists(target):
            default_storage.delete(target)
        default_storage.save(target, ContentFile(content))


def icon_bytes(logo_name: str, icon: str) -> bytes:
    """The icon made from this logo, read from storage."""
    with default_storage.open(icon_name(logo_name, icon)) as stored:
        return stored.read()


@functools.cache
def default_icons() -> dict[str, bytes]:
    """Our own icon, by file name: a white cross on a rounded teal square."""
    scale = 4  # drawn large and scaled down, for smooth edges
    side = SQUARE_SIDE * scale
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(square)
    draw.rounded_rectangle(
        [0, 0, side - 1, side - 1], radius=side // 6, fill=BRAND_TEAL
    )
    arm, reach = side // 5, side * 3 // 10
    centre = side // 2
    white = (255, 255, 255)
    draw.rectangle(
        [centre - arm // 2, centre - reach, centre + arm // 2, centre + reach],
        fill=white,
    )
    draw.rectangle(
        [centre - reach, centre - arm // 2, centre + reach, centre + arm // 2],
        fill=white,
    )
    square = square.resize((SQUARE_SIDE, SQUARE_SIDE), Image.Resampling.LANCZOS)
    return _encoded_icons(square)


def _centred_on_square(logo: Image.Image) -> Image.Image:
    """The whole logo, scaled to fit a transparent square (wide logos get margins)."""
    factor = SQUARE_SIDE / max(logo.size)
    size = (max(1, round(logo.width * factor)), max(1, round(logo.height * factor)))
    logo = logo.resize(size, Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (SQUARE_SIDE, SQUARE_SIDE), (0, 0, 0, 0))
    offset = ((SQUARE_SIDE - logo.width) // 2, (SQUARE_SIDE - logo.height) // 2)
    square.paste(logo, offset)
    return square


def _encoded_icons(square: Image.Image) -> dict[str, bytes]:
    favicon = io.BytesIO()
    square.save(favicon, "ICO", sizes=FAVICON_SIZES)
    # iOS paints transparent corners black: the touch icon sits on white.
    touch = Image.new("RGB", square.size, "white")
    touch.paste(square, mask=square.getchannel("A"))
    touch = touch.resize((TOUCH_ICON_SIDE, TOUCH_ICON_SIDE), Image.Resampling.LANCZOS)
    touch_icon = io.BytesIO()
    touch.save(touch_icon, "PNG", optimize=True)
    return {FAVICON: favicon.getvalue(), TOUCH_ICON: touch_icon.getvalue()}
