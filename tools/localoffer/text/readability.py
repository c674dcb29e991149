"""Flesch reading ease: words, sentences and syllables (text/syllables.py) of some Markdown.

textstat 0.7.9 and later download NLTK data on first use and fail offline, so the formula is
computed here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from localoffer.text.syllables import syllables

# A sentence ends at . ! or ?, at a blank line, or where a list item starts. (It starts with
# one set of characters, which lets the search skip quickly over ordinary letters.)
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*(?:\s|$)|(?<=\n)\s*(?:\n|(?:[-*+]|\d+[.)])\s))")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# What is not read as words: a link's address (its text is kept), web addresses, and the
# Markdown marks # > * _ ` |. Neither bracket may repeat inside its part, so a failed try
# stops at the next bracket: a line of 60,000 '[' took 20 s when the text could hold '['.
# Each branch starts with one character (! [ or h), so the search skips quickly to where a
# match can start: a picture's text is the first group, a link's the second.
_LINK_OR_ADDRESS = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)|\[([^\[\]]*)\]\([^()]*\)|https?://\S+")
_MARKS = "#>*_`|"
# Words are found faster without _WORD where the text has no curly apostrophe (most answers):
# every character but letters and the apostrophe becomes a space, and so does an apostrophe
# not between two letters; what is left splits into exactly the words _WORD finds.
_NOT_IN_WORDS = str.maketrans({chr(code): " " for code in range(128)
                               if not (chr(code).isalpha() or chr(code) == "'")})
_APOSTROPHE_OUTSIDE_WORD = re.compile(r"'(?:(?<![A-Za-z]')|(?![A-Za-z]))")


# Syllables of every word met so far. A plain dict: summing over a text's words with
# dict.__getitem__ costs half of calling a cached function for each.
_SYLLABLES: dict[str, int] = {}


def _syllable_total(words: list[str]) -> int:
    try:
        return sum(map(_SYLLABLES.__getitem__, words))
    except KeyError:
        for word in words:
            if word not in _SYLLABLES:
                _SYLLABLES[word] = syllables(word)
        return sum(map(_SYLLABLES.__getitem__, words))


def words(text: str) -> list[str]:
    """The words of some text: runs of letters, with apostrophes inside ("don't")."""
    if not text.isascii():
        if "’" in text:
            return _WORD.findall(text)
        # Other characters beyond ASCII ("é", "–") are never part of a word (see _WORD).
        text = text.encode("ascii", "replace").decode("ascii")
    letters = text.translate(_NOT_IN_WORDS)
    if "'" in letters:
        letters = _APOSTROPHE_OUTSIDE_WORD.sub(" ", letters)
    return letters.split()


def _prose(markdown: str) -> str:
    if "](" in markdown or "://" in markdown:
        markdown = _LINK_OR_ADDRESS.sub(r" \1\2 ", markdown)
    # (str.translate would take ten times as long on a text with any character beyond ASCII.)
    for mark in _MARKS:
        markdown = markdown.replace(mark, " ")
    return markdown


@dataclass(frozen=True)
class TextStats:
    """What a reader reads in some Markdown: words (of letters, as "don't"; numbers, web
    addresses and Markdown marks are not words, and "well-being" is two), sentences and
    syllables."""

    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float | None:
        """Flesch reading ease (higher is easier; 60-70 is plain English), or None with no
        words."""
        if not self.words:
            return None
        return (206.835 - 1.015 * (self.words / self.sentences)
                - 84.6 * (self.syllables / self.words))


def count_words(markdown: str) -> int:
    """TextStats.words alone: the words of some Markdown, without the sentences and syllables
    (which take ten times as long)."""
    # _WORD reads both apostrophes alike, so with only the straight one the count is the same
    # and words() takes its quicker way.
    return len(words(_prose(markdown).replace("’", "'")))


def text_stats(markdown: str) -> TextStats:
    text = _prose(markdown)
    found = words(text)
    if not found:
        return TextStats(0, 0, 0)
    parts = _SENTENCE_END.split(text)
    sentences = max(1, len(parts) - list(map(_WORD.search, parts)).count(None))  # with words
    return TextStats(len(found), sentences, _syllable_total(found))


def reading_ease(markdown: str) -> float | None:
    """Flesch reading ease of some Markdown, or None when it has no words."""
    return text_stats(markdown).reading_ease
