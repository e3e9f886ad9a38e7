"""Under CI=true, tests that need a service or a browser tool never skip."""

import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

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


def test_the_tests_of_every_app_of_ours_run():
    """An app left out of pytest's testpaths has its tests skipped without a word."""
    options = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text())
    testpaths = set(options["tool"]["pytest"]["ini_options"]["testpaths"])
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == settings.BASE_DIR
    }
    assert ours <= testpaths, ours - testpaths
