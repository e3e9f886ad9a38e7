"""Under CI=true a test that needs a service or a browser tool fails when it is
missing, instead of skipping: a green CI run has then proved everything.

CI machines start PostgreSQL and Redis and install Chromium, axe-core and vnu-jar
(.ci/install-browser-deps) and Varnish (.ci/install-varnish); elsewhere these tests
still skip with a hint.
"""

import os

import pytest

NEEDS_TOOLS = ("browser", "services", "varnish")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    strict = os.environ.get("CI", "").lower() == "true"
    needs_tools = any(item.get_closest_marker(name) for name in NEEDS_TOOLS)
    if strict and needs_tools and report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else ""
        report.outcome = "failed"
        report.longrepr = f"CI=true, so this may not be skipped: {reason}"
    return report
