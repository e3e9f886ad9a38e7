"""Debian's Chromium, as the browser tests and the bench's screenshots and Lighthouse
runs start it: headless, and quiet on this machine's closed network."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
