"""Screenshots of the demo site's public page types (`make screenshots`).

    .venv/bin/python bench/screenshots.py [--port 8170] [--out docs/screenshots]

Seeds the demo clinic in a throwaway folder, serves it with gunicorn on 127.0.0.1
(DEBUG off, see bench/serve.py), and has Debian's Chromium, driven by Playwright,
save a full-page PNG of each page below at 390 and 1280 px: <name>-<width>.png.
Every wait is bounded; the server and the folder are gone when it ends.
"""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serve import BASE_DIR, DemoSite  # noqa: E402
from clinic_site.tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = {
    "home": "/",
    "article": "/blog/knee-pain-on-stairs/",
    "category": "/blog/category/blog/",
    "search": "/search/?q=knee",
    "physician": "/physicians/nora-castellan/",
    "location": "/locations/cambridge/",
}
VIEWPORTS = {390: 844, 1280: 900}  # width: height, a phone and a laptop
TIMEOUT_MS = 30_000
# Pictures below the fold load lazily; a full-page shot needs them all.
LOAD_EVERY_PICTURE = """() => Promise.all([...document.images].map(image => {
    image.loading = "eager";
    return image.decode().catch(() => null);
}))"""


def compressed_png(png: bytes) -> bytes:
    """The screenshot in at most 256 colours: a fraction of the bytes, and the
    site's flat colours and drawings survive it."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


def take(site_url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS
        )
        try:
            for width, height in VIEWPORTS.items():
                context = browser.new_context(
                    base_url=site_url, viewport={"width": width, "height": height}
                )
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                for name, path in PAGES.items():
                    response = page.goto(path, wait_until="load")
                    if response is None or response.status != 200:
                        status = response and response.status
                        raise RuntimeError(f"{path} answered {status}")
                    page.evaluate(LOAD_EVERY_PICTURE)
                    page.evaluate("() => document.fonts.ready")
                    target = out / f"{name}-{width}.png"
                    png = page.screenshot(full_page=True, animations="disabled")
                    target.write_bytes(compressed_png(png))
                    saved.append(target)
                context.close()
        finally:
            browser.close()
    return saved


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None, help="default: any free")
    parser.add_argument("--out", type=Path, default=BASE_DIR / "docs" / "screenshots")
    args = parser.parse_args()
    with DemoSite(args.port) as site:
        for path in take(site.url, args.out):
            print(f"{path.relative_to(BASE_DIR)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
