"""Drawings for the demo articles' figures, made with Pillow (no picture files)."""

import io

from PIL import Image, ImageDraw, ImageFont

INK = "#1d2a33"
T_SCORE_BANDS = [  # from, to, colour, label
    (-4.0, -2.5, "#f4c7c3", "Osteoporosis"),
    (-2.5, -1.0, "#fde7b0", "Low bone mass"),
    (-1.0, 2.0, "#cfe8d5", "Normal"),
]


def t_score_scale() -> bytes:
    """A T-score scale from -4 to +2, in the three bands a DXA report uses."""
    width, height, margin = 1600, 560, 80
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    label_font = ImageFont.load_default(size=44)
    tick_font = ImageFont.load_default(size=36)

    def x(score: float) -> float:
        return margin + (score + 4) / 6 * (width - 2 * margin)

    top, bottom = 120, 320
    for start, end, colour, label in T_SCORE_BANDS:
        draw.rectangle([x(start), top, x(end), bottom], fill=colour, outline=INK)
        middle = (x(start) + x(end)) / 2
        draw.text(
            (middle, (top + bottom) / 2), label, fill=INK, font=label_font, anchor="mm"
        )
    for score in (-4, -3, -2.5, -2, -1, 0, 1, 2):
        draw.line([x(score), bottom, x(score), bottom + 24], fill=INK, width=3)
        text = f"{score:+g}" if score else "0"
        draw.text((x(score), bottom + 40), text, fill=INK, font=tick_font, anchor="mt")
    draw.text((width / 2, 50), "T-score", fill=INK, font=label_font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


DRAWINGS = {"t-score-scale": t_score_scale}
