"""Syllables of an English word, for the reading ease: British English hyphenation patterns
(Liang's method, as TeX and pyphen use them) and a count of vowel groups.

The patterns are pyphen's en_GB dictionary, kept as JSON in text/data/ by
scripts/make_hyphenation_patterns.py: pyphen took a quarter of a second to read its dictionary
on every run of `localoffer check` (each commit, through the pre-commit hook), the JSON takes
a few milliseconds. The words Local Offers use most are looked up in a table
(text/data/common-words.txt, by scripts/make_syllable_table.py), and the patterns are read only
for a word not in it. tests/text/test_syllables.py checks that every count is pyphen's.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

PATTERNS_FILE = "hyphenation-en-GB.json"
COMMON_WORDS_FILE = "common-words.txt"
_DATA = Path(__file__).resolve().parent / "data"
# pyphen's defaults, which localoffer has always counted with: no break leaves fewer than two
# letters at either end of a word.
_LEFT, _RIGHT = 2, 2
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], int]:
    """The patterns (letters: Liang's digits) and the length of the longest, read once."""
    text = (_DATA / PATTERNS_FILE).read_text(encoding="utf-8")
    patterns: dict[str, str] = json.loads(text)["patterns"]
    return patterns, max(map(len, patterns))


@lru_cache(maxsize=1)
def common_words() -> dict[str, int]:
    """Lower-case word: syllables, for the words Local Offers use most."""
    table: dict[str, int] = {}
    for line in (_DATA / COMMON_WORDS_FILE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            count, _, found = line.partition(" ")
            table.update(dict.fromkeys(found.split(), int(count)))
    return table


def hyphenation_points(word: str) -> list[int]:
    """Where a lower-case word may be hyphenated: the number of letters before each break."""
    patterns, longest = _patterns()
    dotted = f".{word}."
    scores = [0] * (len(dotted) + 1)
    for start in range(len(dotted) - 1):
        for end in range(start + 1, min(start + longest, len(dotted)) + 1):
            digits = patterns.get(dotted[start:end])
            if digits is None:
                continue
            for place, digit in enumerate(digits, start):
                value = ord(digit) - 48
                if value > scores[place]:
                    scores[place] = value
    # scores[i] is the place before dotted[i], i.e. after i - 1 letters of the word.
    last = len(word) - _RIGHT
    return [place - 1 for place, score in enumerate(scores)
            if score % 2 and _LEFT <= place - 1 <= last]


def syllables(word: str) -> int:
    """Syllables in one word: the larger of the hyphenation count and a vowel-group count
    (looked up for common words).

    Hyphenation patterns avoid breaks near the ends of words ("ta-ble"), so on their own
    they undercount; vowel groups catch those.
    """
    lower = word.lower()
    known = common_words().get(lower)
    if known is not None:
        return known
    by_hyphenation = len(hyphenation_points(lower)) + 1
    vowel_groups = len(_VOWEL_GROUP.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and vowel_groups > 1:
        vowel_groups -= 1
    return max(1, by_hyphenation, vowel_groups)
