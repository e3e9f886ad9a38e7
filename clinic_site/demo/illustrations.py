"""The demo's pictures: calm flat drawings of the part of the body an article is
about (or of the clinic), in the clinic's brand colours, drawn when `seed_demo` runs.

Every drawing is white bones outlined in the dark brand colour, on a pale tint of
it, with a ring in the accent colour where the trouble usually is. Shapes are drawn
at twice the size and halved, for smooth edges.
"""

import io
import math

from PIL import Image, ImageDraw

from clinic import colors

WIDTH, HEIGHT = 1280, 800
SCALE = 2
OUTLINE = 7  # px, at the final size

# What each drawing shows, for people who cannot see it.
DESCRIPTIONS = {
    "knee": "A simple drawing of a knee joint: the thighbone, the shinbone beside "
    "the thinner fibula, and the kneecap, with a ring around the joint.",
    "hip": "A simple drawing of a hip: the pelvis and the ball at the top of the "
    "thighbone sitting in its socket, with a ring around the joint.",
    "shoulder": "A simple drawing of a shoulder: the collarbone, the shoulder blade "
    "and the top of the upper arm bone, with a ring around the joint.",
    "spine": "A simple drawing of a spine seen from the side, its vertebrae "
    "stacked in a gentle curve, with a ring around the lower back.",
    "hand": "A simple drawing of the bones of a hand and wrist, with a ring around "
    "the wrist.",
    "elbow": "A simple drawing of an elbow: the upper arm bone meeting the two "
    "bones of the forearm, with a ring around the outside of the joint.",
    "ankle": "A simple drawing of a lower leg and foot, with a ring around the ankle.",
    "foot": "A simple drawing of a lower leg and foot, with a ring around the heel.",
    "bone": "A simple drawing of a long bone with the honeycomb of its inner "
    "structure showing.",
    "clinic": "A simple drawing of the clinic: a low building with wide windows "
    "and a medical cross above the door.",
}


def illustration(subject: str, primary: str, accent: str) -> bytes:
    """A JPEG drawing of `subject` (one of DESCRIPTIONS) in the given colours."""
    canvas = Canvas(primary, accent)
    DRAWINGS[subject](canvas)
    return canvas.jpeg()


class Canvas:
    def __init__(self, primary: str, accent: str):
        self.ink = colors.darker(primary, 0.3)
        self.accent = accent
        self.paper = tint(primary, 0.9)
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), self.paper)
        self.draw = ImageDraw.Draw(self.image)
        self.circle((640, 400), 330, fill=tint(primary, 0.8))

    def _xy(self, *points):
        return [coordinate * SCALE for point in points for coordinate in point]

    def circle(self, center, radius, fill=None, outline=None, width=0):
        x, y = center
        box = self._xy((x - radius, y - radius), (x + radius, y + radius))
        self.draw.ellipse(box, fill=fill, outline=outline, width=width * SCALE)

    def bones(self, *shapes):
        """Bones (white, outlined): each ("line", start, end, width), ("ball",
        center, radius) or ("poly", points). Outlines go under all the fills, so
        touching bones read as one piece where they join."""
        for grow, fill in ((OUTLINE, self.ink), (0, "#ffffff")):
            for kind, *args in shapes:
                if kind == "line":
                    start, end, width = args
                    self.draw.line(
                        self._xy(start, end),
                        fill=fill,
                        width=(width + 2 * grow) * SCALE,
                    )
                    for point in (start, end):
                        self.circle(point, width / 2 + grow, fill=fill)
                elif kind == "ball":
                    center, radius = args
                    self.circle(center, radius + grow, fill=fill)
                else:
                    (points,) = args
                    self.draw.polygon(self._xy(*points), fill=fill)
                    if grow:
                        self.draw.line(
                            self._xy(*points, points[0]),
                            fill=fill,
                            width=2 * grow * SCALE,
                            joint="curve",
                        )

    def long_bone(self, start, end, width, knob):
        """A shaft with two rounded knobs at each end, as bones are drawn."""
        dx, dy = end[0] - start[0], end[1] - start[1]
        length = math.hypot(dx, dy)
        nx, ny = -dy / length * knob * 0.55, dx / length * knob * 0.55
        return [
            ("line", start, end, width),
            ("ball", (start[0] + nx, start[1] + ny), knob),
            ("ball", (start[0] - nx, start[1] - ny), knob),
            ("ball", (end[0] + nx, end[1] + ny), knob),
            ("ball", (end[0] - nx, end[1] - ny), knob),
        ]

    def ring(self, center, radius):
        """Where it hurts: an accent ring."""
        self.circle(center, radius, outline=self.accent, width=10)

    def jpeg(self) -> bytes:
        image = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=88)
        return buffer.getvalue()


def tint(color: str, amount: float) -> tuple[int, int, int]:
    """The colour mixed with `amount` (0 to 1) of white."""
    return tuple(
        round(int(color[i : i + 2], 16) * (1 - amount) + 255 * amount)
        for i in (1, 3, 5)
    )


def knee(canvas: Canvas) -> None:
    canvas.bones(
        *canvas.long_bone((600, 40), (625, 360), 62, 44),
        *canvas.long_bone((630, 450), (615, 790), 56, 40),
        ("line", (690, 470), (680, 790), 20),
        ("ball", (700, 395), 34),
    )
    canvas.ring((635, 405), 130)


def hip(canvas: Canvas) -> None:
    pelvis = [
        (330, 150),
        (520, 110),
        (600, 200),
        (680, 200),
        (760, 110),
        (950, 150),
        (900, 330),
        (760, 420),
        (700, 380),
        (580, 380),
        (520, 420),
        (380, 330),
    ]
    canvas.bones(
        ("poly", pelvis),
        ("line", (470, 400), (520, 470), 46),
        ("ball", (465, 395), 52),
        *canvas.long_bone((530, 480), (580, 790), 54, 38)[:1],
    )
    canvas.ring((470, 400), 110)


def shoulder(canvas: Canvas) -> None:
    blade = [(420, 260), (640, 250), (470, 560)]
    canvas.bones(
        ("poly", blade),
        ("line", (300, 210), (660, 200), 30),
        ("ball", (670, 300), 70),
        *canvas.long_bone((690, 330), (760, 790), 56, 40)[:3],
    )
    canvas.ring((665, 300), 125)


def spine(canvas: Canvas) -> None:
    for n in range(8):
        y = 60 + n * 90
        x = 600 + 60 * math.sin(n / 7 * math.pi * 1.2 - 0.6)
        width = 120 + n * 8
        canvas.bones(
            (
                "poly",
                [
                    (x - width / 2, y),
                    (x + width / 2, y + 6),
                    (x + width / 2, y + 58),
                    (x - width / 2, y + 64),
                ],
            ),
            ("line", (x + width / 2, y + 30), (x + width / 2 + 50, y + 50), 22),
        )
    canvas.ring((660, 610), 140)


def hand(canvas: Canvas) -> None:
    fingers = [
        ((520, 330), (470, 90)),
        ((590, 310), (580, 50)),
        ((660, 315), (690, 60)),
        ((720, 340), (790, 120)),
    ]
    canvas.bones(
        ("poly", [(500, 330), (750, 340), (720, 560), (540, 560)]),
        *[("line", base, tip, 40) for base, tip in fingers],
        ("line", (530, 520), (380, 330), 44),
        ("line", (580, 600), (570, 790), 46),
        ("line", (690, 600), (700, 790), 42),
    )
    canvas.ring((630, 580), 120)


def elbow(canvas: Canvas) -> None:
    canvas.bones(
        *canvas.long_bone((250, 170), (610, 420), 60, 44),
        ("line", (650, 440), (1030, 300), 40),
        ("line", (660, 490), (1040, 370), 34),
    )
    canvas.ring((640, 440), 120)


def _leg_and_foot(canvas: Canvas) -> None:
    sole = [
        (470, 520),
        (560, 500),
        (700, 560),
        (980, 640),
        (990, 690),
        (700, 700),
        (480, 690),
        (440, 620),
    ]
    canvas.bones(
        ("line", (540, 20), (545, 480), 58),
        ("line", (625, 40), (615, 480), 22),
        ("poly", sole),
    )


def ankle(canvas: Canvas) -> None:
    _leg_and_foot(canvas)
    canvas.ring((570, 520), 110)


def foot(canvas: Canvas) -> None:
    _leg_and_foot(canvas)
    canvas.ring((490, 650), 100)


def bone(canvas: Canvas) -> None:
    canvas.bones(*canvas.long_bone((330, 600), (950, 200), 110, 80))
    for n in range(14):
        t = (n + 0.5) / 14
        x, y = 330 + 620 * t, 600 - 400 * t + (n % 3 - 1) * 22
        canvas.circle((x, y), 9 + n % 3 * 3, outline=canvas.accent, width=4)


def clinic(canvas: Canvas) -> None:
    draw, ink = canvas.draw, canvas.ink
    draw.rectangle(
        canvas._xy((380, 330), (900, 700)),
        fill="#ffffff",
        outline=ink,
        width=OUTLINE * SCALE,
    )
    for x in (430, 560, 740, 830):
        for y in (400, 530):
            width = 60 if x in (430, 830) else 100
            draw.rectangle(
                canvas._xy((x - 20, y), (x - 20 + width, y + 70)), fill=tint(ink, 0.75)
            )
    draw.rectangle(canvas._xy((600, 560), (680, 700)), fill=ink)
    canvas.circle((640, 230), 80, fill=canvas.accent)
    for box in (((625, 180), (655, 280)), ((590, 215), (690, 245))):
        draw.rectangle(canvas._xy(*box), fill="#ffffff")
    draw.line(canvas._xy((320, 700), (960, 700)), fill=ink, width=OUTLINE * SCALE)


DRAWINGS = {
    "knee": knee,
    "hip": hip,
    "shoulder": shoulder,
    "spine": spine,
    "hand": hand,
    "elbow": elbow,
    "ankle": ankle,
    "foot": foot,
    "bone": bone,
    "clinic": clinic,
}
