"""How hard a body is to read: the Flesch-Kincaid grade, its longest sentences and
the long words that may need a plain-language explanation.

Patient-education guidance aims at about grade 6 to 8. This only informs editors;
it never blocks a save. English only. Syllables are counted by vowel groups, a
close enough estimate for a grade (textstat was tried: its current release fetches
a pronouncing dictionary over the network at first use).
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags

TARGET_GRADE = 8
# Past this a grade says nothing more (a body of one endless sentence scores in the
# hundreds), and it must fit the articles' column (three digits, one decimal).
MAX_GRADE = 30.0
LONG_WORD_SYLLABLES = 4
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|caption|th|td)>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Reading:
    grade: float | None  # None: too little text to say
    longest_sentences: list[str]
    long_words: list[str]

    @property
    def above_target(self) -> bool:
        return self.grade is not None and self.grade > TARGET_GRADE


def syllables(word: str) -> int:
    """An estimate: vowel groups, less a silent final e, -es or -ed ("bones",
    "examined"); a hyphenated word counts by its parts."""
    parts = word.lower().replace("’", "'").split("-")
    if len(parts) > 1:
        return sum(syllables(part) for part in parts if part)
    word = parts[0]
    count = len(_VOWEL_GROUP.findall(word))
    silent = (
        (word.endswith("e") and not word.endswith(("le", "ee", "ye")))
        or (
            word.endswith("es")
            and not word.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces"))
        )
        or (word.endswith("ed") and not word.endswith(("ted", "ded")))
    )
    return max(1, count - 1 if silent and count > 1 else count)


def sentences(body: str) -> list[str]:
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", body or "")))
    return [part.strip() for part in _SENTENCE_END.split(text) if _WORD.search(part)]


def assess(body: str, *, shown: int = 3, long_words: int = 12) -> Reading:
    found = sentences(body)
    words = [word for sentence in found for word in _WORD.findall(sentence)]
    if len(words) < 30:
        return Reading(None, [], [])
    syllable_total = sum(syllables(word) for word in words)
    grade = 0.39 * len(words) / len(found) + 11.8 * syllable_total / len(words) - 15.59
    longest = sorted(found, key=lambda s: len(_WORD.findall(s)), reverse=True)
    hard = {}
    for word in words:
        if syllables(word) >= LONG_WORD_SYLLABLES:
            hard.setdefault(word.lower(), word)
    return Reading(
        grade=round(min(max(grade, 0), MAX_GRADE), 1),
        longest_sentences=longest[:shown],
        long_words=sorted(hard.values(), key=str.lower)[:long_words],
    )
