"""Every public page (and the staff sign-in and a draft's preview) passes axe
(WCAG 2.2 AA rules) at a phone's and a desktop's width, and is valid HTML by the
W3C Nu checker (issue 7)."""

import json
import logging
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.core.files import File
from django.utils import timezone

from appointments.views import thanks_url
from blog.models import Article
from clinic.models import Person, SiteSettings
from clinic_site.tests.browser.conftest import (
    ARTICLE_BODY,
    AXE_JS,
    DESKTOP,
    INSTALL,
    PHONE,
    VNU_JAR,
    jpeg_file,
)
from clinic_site.tests.browser.support import assert_fits_width, sign_in
from conftest import STAFF_PASSWORD, jpeg_upload
from pages.models import Page

pytestmark = pytest.mark.browser
log = logging.getLogger(__name__)  # per-page results: pytest -o log_cli=true

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map(node => node.target.join(" ")),
    }));
}"""

PAGES = [
    "home",
    "all-articles",
    "category",
    "tag",
    "topics",
    "search-with-results",
    "search-without-results",
    "article",
    "locations",
    "location",
    "physicians",
    "physician-profile",
    "author-page",
    "page",
    "nested-page",
    "legal-page",
    "request-form",
    "request-form-with-errors",
    "thanks",
    "not-found",
    # Beyond the public pages: staff sign in here (or reset a password), and preview
    # drafts (signed in, so these come last).
    "staff-sign-in",
    "staff-password-reset",
    "draft-preview",
]


@pytest.fixture
def clinic_identity(content, make_page, tmp_path):
    """The header and footer as a clinic fills them: logo, social links, legal pages."""
    site = SiteSettings.objects.get()
    with jpeg_file(tmp_path / "logo.jpg", size=(480, 160)).open("rb") as logo:
        site.logo = File(logo, name="logo.jpg")
        site.instagram = "https://www.instagram.com/riverside-bone-joint"
        site.save()
    make_page(
        slug="privacy", title="Notice of privacy practices", kind=Page.Kind.PRIVACY
    )
    make_page(
        slug="accessibility", title="Accessibility statement", kind=Page.Kind.POLICY
    )


@pytest.fixture
def visit(content, clinic_identity, make_request, make_article, make_page, editor):
    """visit(page, name): open one of PAGES; returns the HTML the server sent."""
    thanks = thanks_url(make_request(source_article=content.runners))
    about = make_page(
        slug="about",
        title="About us",
        body=ARTICLE_BODY,
        share_image=jpeg_upload(),
        share_image_alt="The front door of the clinic",
    )
    make_page(slug="team", title="Our team", parent=about)
    make_page(slug="knee", title="Knee care", parent=about, body=ARTICLE_BODY)
    draft = make_article(
        title="Choosing a knee brace",
        slug="knee-brace",
        status=Article.Status.DRAFT,
        published_at=None,
        categories=[content.knees],
        tags=["knee"],
    )
    location = content.location
    location.description = "Our first office, with X-ray on site."
    location.parking = "Garage next door.\nStep-free entrance on Main Street."
    location.hours_note = "X-ray closes at 4:30 pm."
    location.save()
    location.closures.create(
        label="Staff training", starts_on=timezone.localdate() + timedelta(days=4)
    )
    writer = Person.objects.create(
        name="Ivo Marsh", slug="ivo-marsh", role="Health writer", bio="Ivo writes."
    )
    make_article(title="Clinic news", slug="clinic-news", author=writer)
    addresses = {
        "home": "/",
        "all-articles": "/blog/",
        "category": content.knees.get_absolute_url(),
        "tag": "/blog/tag/knee/",
        "topics": "/blog/tag/",
        "search-with-results": "/search/?q=knee",
        "search-without-results": "/search/?q=zebra",
        "article": content.stairs.get_absolute_url(),
        "locations": "/locations/",
        "location": location.get_absolute_url(),
        "physicians": "/physicians/",
        "physician-profile": content.physician.get_absolute_url(),
        "author-page": writer.get_absolute_url(),
        "page": "/about/",
        "nested-page": "/about/knee/",
        "legal-page": "/privacy/",
        "request-form": f"/appointments/request/?article={content.runners.slug}",
        "thanks": thanks,
        "not-found": "/blog/no-such-article/",
        "staff-sign-in": "/account/login/",
        "staff-password-reset": "/account/password/reset/",
        "draft-preview": draft.get_absolute_url(),
    }

    def visit(page, name):
        if name == "request-form-with-errors":
            visit(page, "request-form")
            with page.expect_navigation() as sent:
                page.get_by_role("button", name="Send my request").click()
            response = sent.value
            assert page.locator(".error-summary").is_visible()
        elif name == "draft-preview":
            sign_in(page, "editor", STAFF_PASSWORD)
            response = page.goto(addresses[name])
            assert "Preview: not published." in page.inner_text("main")
        else:
            response = page.goto(addresses[name])
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, f"{name}: {response.status}"
        if name == "search-with-results":
            assert page.locator(".cards .card").count() >= 3
            assert page.locator(".page-results a").count() >= 1
        if name == "search-without-results":
            assert "Nothing found" in page.inner_text("main")
        return response.text()

    return visit


def describe_violations(found: dict) -> str:
    lines = []
    for name, violations in found.items():
        for violation in violations:
            lines.append(
                f"{name}: {violation['id']} ({violation['impact']}): "
                f"{violation['help']}"
            )
            lines += [f"    {target}" for target in violation["targets"]]
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_public_pages_have_no_axe_violations(open_context, visit, viewport):
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed: {INSTALL}")
    phone = viewport is PHONE
    # The site's CSP would refuse the injected axe script: bypass it for the check.
    browsing = open_context(
        viewport=viewport, bypass_csp=True, is_mobile=phone, has_touch=phone
    )
    page = browsing.new_page()
    found = {}
    for name in PAGES:
        visit(page, name)
        if phone:
            assert_fits_width(page, name)
        page.add_script_tag(path=str(AXE_JS))
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
        log.info(
            "axe %spx %s: %d violation(s)", viewport["width"], name, len(violations)
        )
        if violations:
            found[name] = violations
    assert not found, "axe found problems:\n" + describe_violations(found)


def test_public_pages_are_valid_html(open_context, visit, tmp_path):
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.skip(f"Java or the Nu HTML checker (vnu-jar) is missing: {INSTALL}")
    page = open_context().new_page()
    files = []
    for name in PAGES:
        path = tmp_path / f"{name}.html"
        path.write_text(visit(page, name), encoding="utf-8")
        files.append(str(path))

    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + files,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert checked.stdout, f"the Nu checker did not run: {checked.stderr}"
    messages = json.loads(checked.stdout)["messages"]
    for name in PAGES:
        count = sum(1 for m in messages if m.get("url", "").endswith(f"/{name}.html"))
        log.info("Nu checker %s: %d error(s)", name, count)
    errors = [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine')}: "
        f"{message.get('message')}\n    {message.get('extract', '').strip()}"
        for message in messages
    ]
    assert not errors, "The Nu HTML checker found errors:\n" + "\n".join(errors)
    assert checked.returncode == 0, checked.stderr
