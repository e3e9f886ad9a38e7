"""Lighthouse scores of the demo site (`make lighthouse`).

    LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse \
        .venv/bin/python bench/lighthouse.py [--port 8171]

Seeds the demo clinic in a throwaway folder, serves it with gunicorn on 127.0.0.1
(DEBUG off, collected static files served by WhiteNoise, see bench/serve.py), and
runs npm's `lighthouse` (installed outside the repository: the LIGHTHOUSE
variable, else `lighthouse` on the PATH) with Debian's Chromium on each page below:
mobile form factor, all four categories, three times per page (--runs), keeping
the run with the median performance score. Prints each score and, under any below
100, the audits that failed. Each page is requested a few times first, as
`make bench` warms its pages: scored is what visitors mostly get, a warm worker
and a kept page. The full reports go to var/lighthouse/<name>.json.
Exits 1 when a score is below 100.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import BASE_DIR, DemoSite  # noqa: E402
from clinic_site.tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = {
    "home": "/",
    "article": "/blog/knee-pain-on-stairs/",
    "category": "/blog/category/blog/",
    "request-form": "/appointments/request/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORTS = BASE_DIR / "var" / "lighthouse"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
RUN_SECONDS = 180  # at most, per page
WARM_REQUESTS = 6  # per page before it is measured, so every worker has it cached


def lighthouse_command() -> str:
    command = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not command:
        sys.exit(
            "lighthouse is not installed: install it outside the repository, e.g. "
            "`mkdir -p /tmp/lh && cd /tmp/lh && npm install lighthouse`, then "
            "LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse make lighthouse"
        )
    return command


def warm(site_url: str, path: str) -> None:
    """Visitors mostly get a warm worker and a kept page; a first request also
    pays for imports and template loading, which no visitor should be scored on.
    The page's stylesheets too: the brand's is a view."""
    for _ in range(WARM_REQUESTS):
        with urllib.request.urlopen(site_url + path, timeout=30) as response:
            page = response.read().decode()
        for stylesheet in STYLESHEET.findall(page):
            urllib.request.urlopen(site_url + stylesheet, timeout=30).close()


def audit(command: str, url: str, report: Path) -> dict:
    subprocess.run(
        [
            command,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        env=os.environ | {"CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=RUN_SECONDS,
    )
    return json.loads(report.read_text())


def failing_audits(result: dict, category: str) -> list[str]:
    lines = []
    for ref in result["categories"][category]["auditRefs"]:
        found = result["audits"][ref["id"]]
        if ref["weight"] and found["score"] is not None and found["score"] < 1:
            shown = found.get("displayValue", "")
            lines.append(f"{found['id']} ({found['score']:.2f}) {shown}".rstrip())
    return lines


def median_run(command: str, url: str, name: str, runs: int) -> dict:
    """Of `runs` audits of a page, the one with the median performance score (the
    others vary with the machine's load, not the page). Its report is kept."""
    results = []
    for run in range(runs):
        report = REPORTS / f"{name}-{run + 1}.json"
        results.append((audit(command, url, report), report))
    results.sort(key=lambda pair: pair[0]["categories"]["performance"]["score"])
    performance = [
        round(r["categories"]["performance"]["score"] * 100) for r, _ in results
    ]
    result, report = results[len(results) // 2]
    report.replace(REPORTS / f"{name}.json")
    for _, other in results:
        other.unlink(missing_ok=True)
    print(f"{name}: performance in {runs} runs {performance}, the median run:")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None, help="default: any free")
    parser.add_argument("--runs", type=int, default=3, help="per page (default 3)")
    args = parser.parse_args()
    command = lighthouse_command()
    REPORTS.mkdir(parents=True, exist_ok=True)
    below = False
    with DemoSite(args.port) as site:
        for name, path in PAGES.items():
            warm(site.url, path)
            result = median_run(command, site.url + path, name, args.runs)
            scores = {
                category: round(result["categories"][category]["score"] * 100)
                for category in CATEGORIES
            }
            print(f"{name:<14} " + "  ".join(f"{c} {s}" for c, s in scores.items()))
            for category, score in scores.items():
                if score < 100:
                    below = True
                    for line in failing_audits(result, category):
                        print(f"    {category}: {line}")
            cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
            print(f"    cumulative layout shift {cls:.3f}")
    sys.exit(1 if below else 0)


if __name__ == "__main__":
    main()
