"""The fast word finder finds exactly the words the regular expression finds; the quick word
count counts them."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from localoffer.text.readability import _WORD, count_words, text_stats, words
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


# Markdown with links, pictures, web addresses and marks, as answers have them.
_MARKDOWN = st.text(alphabet="ab'’ -.!#>*_`|[]()h:/\n", max_size=80)


@given(_MARKDOWN)
@settings(max_examples=3000, deadline=None)
def test_the_quick_count_is_the_words_of_the_full_statistics(markdown: str) -> None:
    assert count_words(markdown) == text_stats(markdown).words


def test_links_pictures_and_addresses_are_read_as_their_words() -> None:
    cases = [("[Our SEN policy](https://example.org/sen-policy.pdf) is here", 5),
             ("![The sensory room’s door](room.png)", 4), ("See https://example.org/a-b now", 2),
             ("## Who we are\n\n> *Don’t* worry | we help", 7), ("[[not a link](x)", 3)]
    for markdown, expected in cases:
        assert count_words(markdown) == text_stats(markdown).words == expected, markdown
