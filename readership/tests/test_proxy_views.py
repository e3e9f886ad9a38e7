"""Views Varnish answers from its copy, counted from its log (count_proxy_views)."""

import io
import json

import pytest
from django.core.management import call_command

from readership.models import PageViews, Source
from readership.tests.conftest import BROWSER

FIREFOX = BROWSER["HTTP_USER_AGENT"]


def logged(url, *, hitmiss="hit", forwarded="198.51.100.1", **fields) -> str:
    """One line of varnishncsa -j -f deploy/varnish/views.format: a browser's hit."""
    line = {
        "hitmiss": hitmiss,
        "method": "GET",
        "url": url,
        "status": 200,
        "type": "text/html; charset=utf-8",
        "host": "testserver",
        "agent": FIREFOX,
        "accept": BROWSER["HTTP_ACCEPT"],
        "referer": "",
        "dest": "document",
        "sec_purpose": "",
        "purpose": "",
        "forwarded": forwarded,
    }
    return json.dumps(line | fields) + "\n"


def count(*lines) -> str:
    out = io.StringIO()
    call_command("count_proxy_views", stdin=io.StringIO("".join(lines)), stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    settings.BEHIND_PROXY = True


def test_hits_count_by_the_sites_rules_misses_were_counted_by_the_site(
    db, write_counts
):
    count(
        logged("/blog/knee/", forwarded="198.51.100.1"),
        logged("/blog/knee/", forwarded="198.51.100.2"),
        logged("/blog/knee/", forwarded="198.51.100.1"),  # a reload: counted once
        logged("/blog/knee/", forwarded="198.51.100.3", hitmiss="miss"),
        logged("/blog/knee/", forwarded="198.51.100.3"),  # the site counted it
        logged("/blog/knee/", forwarded="198.51.100.4", agent="Googlebot/2.1"),
        logged("/blog/knee/", forwarded="198.51.100.5", sec_purpose="prefetch"),
        logged("/blog/gone/", status=404),
        logged("/admin/", forwarded="198.51.100.6"),
        logged("/brand.css?v=3", type="text/css"),
    )
    write_counts()
    assert list(PageViews.objects.values_list("path", "source", "views")) == [
        ("/blog/knee/", Source.DIRECT, 2)
    ]


def test_a_link_in_an_email_and_a_search_count_under_their_sources(db, write_counts):
    count(
        logged("/blog/knee/?utm_medium=email&utm_source=news", forwarded="192.0.2.1"),
        logged("/blog/knee/", referer="https://www.google.com/", forwarded="192.0.2.2"),
    )
    write_counts()
    assert dict(PageViews.objects.values_list("source", "views")) == {
        Source.EMAIL: 1,
        Source.SEARCH: 1,
    }


def test_unreadable_lines_are_skipped_and_counted_never_logged(
    db, write_counts, caplog
):
    out = count(
        "198.51.100.9 not json\n",
        '{"hitmiss": "hit", "url": "/blog/knee/"}\n',
        logged("/blog/knee/", status="x198.51.100.9"),
        logged("/blog/knee/"),
    )
    assert "Read 1 hit(s); skipped 3 unreadable line(s)." in out
    assert "198.51.100.9" not in caplog.text
    assert "Skipped 1 unreadable log line(s)" in caplog.text
    write_counts()
    assert PageViews.objects.get().views == 1
