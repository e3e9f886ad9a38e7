"""Brand colours: how readable a colour is against another (WCAG 2 contrast), and
the nearest darker shade that is readable enough."""

import math
import re

from django.core.exceptions import ValidationError

HEX_COLOR = re.compile(r"#[0-9a-f]{6}")
WHITE = "#ffffff"
# The palest background a brand colour's text sits on (the header's wash).
WASH = "#f3f6f7"
# WCAG 2 AA for text of normal size.
AA_TEXT = 4.5


def validate_hex_color(value: str) -> None:
    if not HEX_COLOR.fullmatch(value.lower()):
        raise ValidationError(
            "Give the colour as # and six hexadecimal digits, such as #0b5563.",
            code="not_a_color",
        )


def _channels(color: str) -> list[float]:
    return [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]


def relative_luminance(color: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour given as #rrggbb."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in _channels(color)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def darker(color: str, amount: float) -> str:
    """The colour mixed with `amount` (0 to 1) of black."""
    return "#" + "".join(
        f"{round(c * 255 * (1 - amount)):02x}" for c in _channels(color)
    )


def readable_shade(color: str, against: str, minimum: float = AA_TEXT) -> str:
    """The lightest darker shade of `color` that reaches `minimum` against a light
    background: the same hue, as close to the editor's choice as the rule allows."""
    for step in range(101):
        shade = darker(color, step / 100)
        if contrast_ratio(shade, against) >= minimum:
            return shade
    return "#000000"


def unreadable(color: str) -> ValidationError | None:
    """Why white text on `color`, or `color` as text on the site's pale backgrounds,
    would be too hard to read (WCAG AA), with a readable shade to use instead."""
    ratio = contrast_ratio(color, WASH)
    if ratio >= AA_TEXT:
        return None
    shade = readable_shade(color, WASH)
    return ValidationError(
        "Text on this colour, and text in it on the pale backgrounds of the site, "
        "would have a contrast of %(ratio)s:1, below the %(minimum)s:1 that WCAG AA "
        "asks for. A darker shade of it, %(shade)s, has %(shade_ratio)s:1.",
        code="low_contrast",
        params={
            "ratio": _shown(ratio),
            "minimum": AA_TEXT,
            "shade": shade,
            "shade_ratio": _shown(contrast_ratio(shade, WASH)),
        },
    )


def _shown(ratio: float) -> str:
    """Two decimals, rounded down: 4.496 must not read as the passing 4.50."""
    return f"{math.floor(ratio * 100) / 100:.2f}"
