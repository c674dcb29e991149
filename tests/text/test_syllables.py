"""Syllable counts from the packaged hyphenation patterns are pyphen's, word for word."""
from __future__ import annotations

import json
from importlib import resources

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localoffer.text.readability import words
from localoffer.text import syllables as syllables_module
from localoffer.text.syllables import PATTERNS_FILE, common_words, hyphenation_points, syllables
from testpaths import REPO_ROOT

_PYPHEN = pyphen.Pyphen(lang="en_GB")


def pyphen_syllables(word: str) -> int:
    """The count as localoffer made it with pyphen's dictionary, before the patterns were
    packaged (the reference)."""
    lower = word.lower()
    vowel_groups = len([run for run in "".join(
        letter if letter in "aeiouy" else " " for letter in lower).split()])
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and vowel_groups > 1:
        vowel_groups -= 1
    return max(1, len(_PYPHEN.positions(lower)) + 1, vowel_groups)


def _repository_words() -> list[str]:
    """Every word of the demo offers, the docs and the question banks (about 3,000)."""
    files = [*REPO_ROOT.glob("offers/*/offer.md"), *REPO_ROOT.glob("docs/**/*.md"),
             *(REPO_ROOT / "tools" / "localoffer" / "data").glob("**/*.yml")]
    found = {word for path in files for word in words(path.read_text(encoding="utf-8"))}
    return sorted(found)


REPOSITORY_WORDS = _repository_words()


def test_the_word_list_is_a_real_one() -> None:
    assert len(REPOSITORY_WORDS) > 2000
    assert {"SENCO", "communication", "Calderbrook", "child's"} <= set(REPOSITORY_WORDS)


def test_every_word_of_the_repository_counts_as_with_pyphen() -> None:
    different = [word for word in REPOSITORY_WORDS if syllables(word) != pyphen_syllables(word)]
    assert different == []


@given(st.sampled_from(REPOSITORY_WORDS))
@settings(max_examples=500, deadline=None)
def test_repository_words_and_their_capitals(word: str) -> None:
    for form in (word, word.upper(), word.capitalize()):
        assert syllables(form) == pyphen_syllables(form)


def test_every_word_of_the_common_words_table_counts_as_with_pyphen() -> None:
    table = common_words()
    assert len(table) > 2500 and table["the"] == 1 and table["communication"] == 5
    assert {word: count for word, count in table.items() if count != pyphen_syllables(word)} == {}


def test_words_not_in_the_table_are_counted_from_the_patterns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert "zyxomma" not in common_words()
    assert syllables("zyxomma") == pyphen_syllables("zyxomma") == 3
    monkeypatch.setattr(syllables_module, "common_words", lambda: {})
    assert [syllables(word) for word in REPOSITORY_WORDS] == [
        pyphen_syllables(word) for word in REPOSITORY_WORDS]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=24))
@settings(max_examples=3000, deadline=None)
def test_made_up_words_break_where_pyphen_breaks_them(word: str) -> None:
    assert hyphenation_points(word) == _PYPHEN.positions(word)
    assert syllables(word) == pyphen_syllables(word)


@pytest.mark.parametrize(("word", "expected"), [
    ("the", 1), ("table", 2), ("school", 1), ("parents", 2), ("don't", 1), ("SENCO", 2),
    ("education", 4), ("communication", 5), ("independently", 5), ("Calderbrook", 3),
])
def test_known_counts(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_packaged_patterns_are_the_installed_pyphen_dictionary() -> None:
    """scripts/make_hyphenation_patterns.py wrote them; run it again when this fails."""
    shipped = json.loads((resources.files("localoffer.text") / "data" / PATTERNS_FILE)
                         .read_text(encoding="utf-8"))["patterns"]
    reference = {letters: "0" * offset + "".join(str(int(value)) for value in values)
                 for letters, (offset, values) in _PYPHEN.hd.patterns.items()}
    assert shipped == reference
    assert "BSD-style" in json.loads((resources.files("localoffer.text") / "data" /
                                      PATTERNS_FILE).read_text(encoding="utf-8"))["licence"]

