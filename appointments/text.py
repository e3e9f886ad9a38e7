"""Text as people see it: without control characters, escape sequences, direction
overrides, zero-width or other invisible characters.

In what a visitor types, such characters can make one name look like another in
the admin, reverse text in a spreadsheet, or redraw a terminal that shows an
export; and a name made of nothing else is no name at all.
"""

import re
import unicodedata

# Terminal escape sequences, removed whole: a control sequence (ESC [ ... final), a
# string such as an operating-system command (ESC ] ... BEL or ESC \), or ESC and
# the characters of a shorter sequence.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]P^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Unicode calls these letters or symbols, but they show as blank space.
_BLANK_SIGNS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u034f"}
# Control (Cc), format (Cf: direction marks and overrides, zero-width characters,
# soft hyphens) and private-use (Co) characters.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Co"}


def visible(text: str, *, lines: bool = False) -> str:
    """The text without invisible characters; with `lines`, line breaks stay (as \\n).

    Tabs, and line breaks where they do not stay, become spaces.
    """
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n"))
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if character == "\n" and lines:
            kept.append(character)
        elif character in "\t\n\r" or category in ("Zl", "Zp"):
            kept.append(" ")
        elif category not in _INVISIBLE_CATEGORIES and character not in _BLANK_SIGNS:
            kept.append(character)
    return "".join(kept)


def spreadsheet_cell(text: str) -> str:
    """Visible text for a CSV cell that a spreadsheet will not run as a formula
    (one starting with = + - @)."""
    text = visible(text, lines=True)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
