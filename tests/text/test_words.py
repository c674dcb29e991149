"""The fast word finder finds exactly the words the regular expression finds."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from localoffer.text.readability import _WORD, words
from testpaths import REPO_ROOT

# Letters, apostrophes of both kinds, digits, spaces, punctuation and a few letters beyond ASCII.
_PIECES = st.text(alphabet="abcXYZ'’ -.,!?\n1é–ń_*#", max_size=60)


@given(_PIECES)
@settings(max_examples=3000, deadline=None)
def test_same_words_as_the_regular_expression(text: str) -> None:
    assert words(text) == _WORD.findall(text)


def test_edge_cases() -> None:
    cases = [("don't", ["don't"]), ("'tis the parents' day", ["tis", "the", "parents", "day"]),
             ("a''b", ["a", "b"]), ("rock'n'roll", ["rock'n'roll"]), ("café", ["caf"]),
             ("one-to-one", ["one", "to", "one"]), ("don’t", ["don’t"]),
             ("Year 6, 1:1", ["Year"]), ("", [])]
    for text, expected in cases:
        assert words(text) == expected == _WORD.findall(text)


def test_demo_offers() -> None:
    for path in sorted((REPO_ROOT / "offers").glob("*/offer.md")):
        text = path.read_text(encoding="utf-8")
        assert words(text) == _WORD.findall(text), path
