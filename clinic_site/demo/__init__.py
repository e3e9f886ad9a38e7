"""The demo clinic, kept as data files beside this module and read by `seed_demo`.

people.toml holds the clinicians and the writer, locations.toml the offices,
menus.toml the pages in the menus, articles/ one file per article and pages/ one file
per page (a folder holds the subpages of the page of the same name): TOML front matter
between `+++` lines, then the body in the HTML the editor allows. People, addresses
and phone numbers are fictional (555-01xx numbers are reserved for fiction).

An article's or page's `illustration` names the drawing made for it in the brand
colours (illustrations.py), with its description.

Dates are relative to the day the command runs: `published_days_ago` is negative for
a scheduled article; `reviewed_days_ago` is given only with a `reviewer`;
`updated_days_ago`, when given, is the article's last substantive update.
"""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).parent
FRONT_MATTER = "+++\n"


def people() -> list[dict]:
    return _table("people.toml", "people")


def locations() -> list[dict]:
    return _table("locations.toml", "locations")


def menu_items() -> list[dict]:
    return _table("menus.toml", "items")


def articles() -> list[dict]:
    """Every demo article: its front matter, plus `slug` (the file name) and `body`."""
    return [
        _document(path) | {"slug": path.stem}
        for path in sorted((FOLDER / "articles").glob("*.html"))
    ]


def pages() -> list[dict]:
    """Every demo page, parents first: its front matter, plus `body` and `path`
    (where the file is under pages/, e.g. "conditions/knee-and-hip")."""
    folder = FOLDER / "pages"
    files = sorted(folder.rglob("*.html"), key=lambda path: (len(path.parts), path))
    return [
        _document(path) | {"path": path.relative_to(folder).with_suffix("").as_posix()}
        for path in files
    ]


def _table(filename: str, name: str) -> list[dict]:
    with open(FOLDER / filename, "rb") as file:
        return tomllib.load(file)[name]


def _document(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split(FRONT_MATTER, 2)
    return tomllib.loads(front) | {"body": body}
