"""Flesch reading ease, counted with pyphen's hyphenation dictionary.

textstat 0.7.9 and later download NLTK data on first use and fail offline, so the formula is
computed here over pyphen, which ships its dictionaries.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

_DICTIONARY = pyphen.Pyphen(lang="en_GB")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_MARKDOWN_NOISE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|https?://\S+|[#>*_`|]")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word: the larger of pyphen's count and a vowel-group count.

    Hyphenation dictionaries avoid breaks near the ends of words ("ta-ble"), so on their own
    they undercount; vowel groups catch those.
    """
    lower = word.lower()
    by_hyphenation = len(_DICTIONARY.positions(lower)) + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and vowel_groups > 1:
        vowel_groups -= 1
    return max(1, by_hyphenation, vowel_groups)


def plain_words(markdown: str) -> list[str]:
    return _WORD.findall(_MARKDOWN_NOISE.sub(r" \1 ", markdown))


# Cached: the plain-English check and the report score the same answers one after the other.
@lru_cache(maxsize=1024)
def reading_ease(markdown: str) -> float | None:
    """Flesch reading ease (higher is easier; 60-70 is plain English), or None with no words."""
    text = _MARKDOWN_NOISE.sub(r" \1 ", markdown)
    words = _WORD.findall(text)
    if not words:
        return None
    sentences = max(1, sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part)))
    syllable_count = sum(syllables(word) for word in words)
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syllable_count / len(words))
