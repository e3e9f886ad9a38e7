"""Browser tests: one Chromium (Debian's, never a downloaded one) for the whole
package, a fresh context per test, the site served by pytest-django's live server.

Skipped, with the command that installs what is missing, when Chromium, Playwright,
axe-core or the Nu HTML checker is not there: `.ci/install-browser-deps`.
"""

import itertools
import os
import re
import shutil
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files import File
from django.db import connections
from django.utils import timezone
from PIL import Image

from blog.models import Article, Category
from clinic.models import Location, Person, Picture, Specialty
from clinic_site.models import MenuItem
from clinic_site.tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(settings.BASE_DIR)
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "var" / "screenshots"
INSTALL = "install it with `.ci/install-browser-deps` (or `make browser-deps`)"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {1280: DESKTOP, 390: PHONE}
NO_SCRIPT_CONTEXTS = weakref.WeakSet()  # where page.evaluate never sees a frame
NEXT_FRAMES = """() => new Promise(
    done => requestAnimationFrame(() => requestAnimationFrame(done)))"""


# One browser for the package


@pytest.fixture(scope="package")
def _playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: {INSTALL}")
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is missing: .venv/bin/pip install -r requirements-dev.txt",
    )
    # Playwright's sync API keeps an event loop running in this thread, so Django
    # would refuse ORM calls from the tests while a page is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # With that loop running, Django keeps its database connections per context
    # instead of per thread (asgiref's Local), so the tests get new connection
    # objects, lacking the copy of the data migrations' rows (categories, roles)
    # that serialized rollback restores after each test. Hand it over.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_api.sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _browser_test_settings(settings):
    settings.APPOINTMENT_RATE_LIMIT_OFF = True  # every journey posts from 127.0.0.1


@pytest.fixture
def site(committed_db, live_server):
    """The live server's address. Its writes commit, and are undone afterwards."""
    return live_server.url


@dataclass
class Browsing:
    """A browser context and what its pages reported (console errors, crashes)."""

    context: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)

    def new_page(self):
        return self.context.new_page()

    def csp_violations(self) -> list[str]:
        return [
            text for text in self.console_errors if "Content Security Policy" in text
        ]


@pytest.fixture
def open_context(browser, site):
    """open_context(**options): a new browser context on the live server."""
    opened = []

    def open_context(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("timezone_id", settings.TIME_ZONE)
        context = browser.new_context(base_url=site, **options)
        context.set_default_timeout(10_000)
        if options.get("java_script_enabled") is False:
            NO_SCRIPT_CONTEXTS.add(context)
        browsing = Browsing(context)

        def watch(page):
            page.on(
                "console",
                lambda message: (
                    message.type == "error"
                    and browsing.console_errors.append(message.text)
                ),
            )
            page.on("pageerror", lambda error: browsing.page_errors.append(str(error)))

        context.on("page", watch)
        opened.append(context)
        return browsing

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def snap(request):
    """snap(page, step): full-page screenshots of this step at 1280 and 390 px wide,
    into var/screenshots/<test>/ (kept for people to look at)."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    numbers = itertools.count(1)

    def snap(page, step):
        number = next(numbers)
        size = page.viewport_size
        for width, viewport in WIDTHS.items():
            page.set_viewport_size(viewport)
            # Let the new layout paint before the shot (scripts off: no frames).
            if page.context in NO_SCRIPT_CONTEXTS:
                page.wait_for_timeout(100)
            else:
                page.evaluate(NEXT_FRAMES)
            page.screenshot(
                path=folder / f"{number:02d}-{step}-{width}.png",
                full_page=True,
                animations="disabled",
                caret="initial",
            )
        page.set_viewport_size(size)

    return snap


# Content


@dataclass
class Content:
    knees: Category
    stairs: Article  # the article a visitor starts from
    runners: Article  # shares both tags with `stairs`: its first related post
    exercises: Article
    back: Article
    location: Location
    physician: Person  # wrote and reviewed `stairs`; sees patients at `location`


ARTICLE_BODY = """
<p>Knee pain on the stairs is common, and most of it gets better with the right
exercises. Here is what usually causes it and what helps.</p>
<h2>Why stairs hurt</h2>
<p>Climbing puts up to <strong>three times your body weight</strong> through the
kneecap.</p>
<h2>What you can do</h2>
<ul><li>Strengthen the thigh muscles.</li><li>Take the stairs one step at a time.</li>
<li>Use the handrail.</li></ul>
<h2>When to see us</h2>
<p>Book a visit if the pain lasts more than two weeks, or read the
<a href="https://orthoinfo.aaos.org/">patient guides of the AAOS</a>.</p>
"""
# A figure, a table, a callout and a video: the page checks see what editors make.
ILLUSTRATIONS = """
<figure class="figure"><img src="/x.jpg" alt="The knee from the side, bent"
data-file="{picture}"><figcaption>How the kneecap glides</figcaption></figure>
<p class="table-caption">Which exercise, when</p><table><tbody>
<tr><th><p>Exercise</p></th><th><p>How often</p></th></tr>
<tr><th><p>Straight-leg raise</p></th><td><p>Twice a day, 10 times each leg</p>
</td></tr>
</tbody></table>
<blockquote class="callout-emergency"><p>Call 911 if</p><ul><li>your knee is
badly misshapen after a fall</li></ul></blockquote>
<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Three knee exercises</a></p>
"""


def jpeg_file(path: Path, size=(1200, 800)) -> Path:
    """A JPEG with a gentle gradient (a flat colour looks broken in screenshots)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tinted = Image.merge(
        "RGB",
        [
            channel.point(lambda v, k=k: 40 + v * k // 3)
            for k, channel in enumerate(image.split(), start=1)
        ],
    )
    tinted.save(path, "JPEG", quality=80)
    return path


@pytest.fixture
def content(site, make_article, location, blog_category, author, tmp_path):
    """Published articles in a Knees category with shared tags, a location, and the
    physician who wrote them, with a profile."""
    with jpeg_file(tmp_path / "portrait.jpg", size=(600, 600)).open("rb") as handle:
        author.photo = File(handle, name="portrait.jpg")
        author.addressed_as = "Dr. Whitfield"
        author.role = "Orthopedic surgeon"
        author.bio = "Dr. Whitfield treats knee and hip problems in runners."
        author.save()
    author.specialties.add(
        Specialty.objects.create(name="Knee"),
        Specialty.objects.create(name="Sports medicine"),
    )
    author.locations.add(location)
    knees = Category.objects.create(
        name="Knees",
        slug="knees",
        description="Pain, injuries and recovery of the knee.",
        position=1,
    )
    MenuItem.objects.create(menu=MenuItem.Menu.HEADER, category=knees, position=1)
    with jpeg_file(tmp_path / "knee.jpg", size=(1600, 900)).open("rb") as handle:
        picture = Picture.objects.create(
            image=File(handle, name="knee.jpg"), description="The knee, bent"
        )
    photo = jpeg_file(tmp_path / "stairs.jpg")
    with photo.open("rb") as handle:
        stairs = make_article(
            title="Knee pain when climbing stairs",
            slug="knee-pain-stairs",
            summary="Why the stairs hurt your knees, and the exercises that help.",
            body=ARTICLE_BODY + ILLUSTRATIONS.format(picture=picture.pk),
            featured_image=File(handle, name="stairs.jpg"),
            featured_image_alt="A woman climbs a flight of stairs, holding the rail",
            categories=[knees, blog_category],
            tags=["knee", "running"],
            medical_reviewer=author,
            reviewed_on=timezone.localdate(),
        )
    runners = make_article(
        title="Runner's knee explained",
        slug="runners-knee",
        summary="A dull ache around the kneecap that gets worse on runs and hills.",
        categories=[knees],
        tags=["knee", "running"],
    )
    exercises = make_article(
        title="Five exercises for stronger knees",
        slug="knee-exercises",
        summary="Simple moves to do at home, ten minutes a day.",
        categories=[knees],
        tags=["knee"],
    )
    back = make_article(
        title="Lower back pain at work",
        slug="back-pain-at-work",
        summary="How to sit, stand and lift so that your back lasts the week.",
        tags=["back"],
    )
    return Content(knees, stairs, runners, exercises, back, location, author)
