"""The readership report passes axe and the Nu checker, with a chart whose text
alternative says what it shows (issue 20)."""

import json
import re
import shutil
import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic_site.tests.browser.conftest import AXE_JS, INSTALL, VNU_JAR
from clinic_site.tests.browser.support import sign_in
from clinic_site.tests.browser.test_accessibility import (
    AXE_TAGS,
    RUN_AXE,
    describe_violations,
)
from conftest import STAFF_PASSWORD
from readership.models import PageViews

pytestmark = pytest.mark.browser


def test_the_report_is_accessible_and_valid(
    open_context, editor, make_article, make_request, tmp_path
):
    if not AXE_JS.exists() or shutil.which("java") is None or not VNU_JAR.exists():
        pytest.skip(f"axe-core, Java or the Nu checker is missing: {INSTALL}")
    today = timezone.localdate()
    article = make_article(title="Knee pain on stairs", tags=["knee"])
    for days_ago, views in [(0, 12), (3, 5), (9, 20)]:
        PageViews.objects.create(
            day=today - timedelta(days=days_ago),
            path=article.get_absolute_url(),
            source="search",
            article=article,
            views=views,
        )
    make_request(source_article=article)
    page = open_context(bypass_csp=True).new_page()
    sign_in(page, "editor", STAFF_PASSWORD)
    response = page.goto(reverse("admin:readership"))
    assert response.status == 200
    assert page.get_by_role("img", name=re.compile("^Views per day")).count() == 1
    description = page.locator("#chart-desc").text_content()
    assert "37 views in 30 days; the busiest day had 20." in description
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    assert not violations, describe_violations({"readership report": violations})
    html = tmp_path / "readership-report.html"
    html.write_text(response.text(), encoding="utf-8")
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(html)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(checked.stdout)["messages"]
    assert not messages, messages
