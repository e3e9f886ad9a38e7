"""Under CI=true, tests that need a service or a browser tool never skip."""

import pytest

pytest_plugins = ["pytester"]

TESTS = """
import pytest

@pytest.mark.browser
def test_needs_chromium():
    pytest.skip("Chromium is not installed")

@pytest.mark.services
def test_needs_postgresql():
    pytest.skip("PostgreSQL must answer")

def test_anything_else():
    pytest.skip("not for this database")
"""


@pytest.fixture
def run(pytester, monkeypatch):
    pytester.makeconftest('pytest_plugins = ["clinic_site.tests.strict_ci"]')
    pytester.makepyfile(TESTS)

    def run(ci):
        monkeypatch.setenv("CI", ci)
        return pytester.runpytest_inprocess("-p", "no:django", "-p", "no:cacheprovider")

    return run


def test_a_missing_tool_fails_the_test_under_ci(run):
    result = run("true")
    result.assert_outcomes(failed=2, skipped=1)
    result.stdout.fnmatch_lines(["*CI=true, so this may not be skipped*Chromium*"])


def test_a_missing_tool_skips_the_test_elsewhere(run):
    run("").assert_outcomes(skipped=3)
