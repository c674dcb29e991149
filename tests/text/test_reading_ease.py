"""Flesch reading ease, 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words),
worked out by hand for short texts."""
from __future__ import annotations

import pytest

from localoffer.text.readability import reading_ease


@pytest.mark.parametrize(("text", "expected"), [
    # 10 one-syllable words, 2 sentences: 206.835 - 1.015 x 5 - 84.6 x 1
    ("The cat sat on the mat. We help each child.", 117.16),
    # chil-dren learn: 2 words, 3 syllables, 1 sentence: 206.835 - 2.03 - 126.9
    ("Children learn.", 77.905),
    # Markdown marks and the link's address are not words: Our SEN-CO meets you. See our
    # page. 7 words, 8 syllables, 2 sentences: 206.835 - 3.5525 - 96.685714...
    ("Our **SENCO** meets you. See [our page](https://x.example/a).", 106.596786),
])
def test_reading_ease_by_hand(text: str, expected: float) -> None:
    assert reading_ease(text) == pytest.approx(expected, abs=1e-5)


def test_no_words_has_no_score() -> None:
    assert reading_ease("") is None
    assert reading_ease("12 34 -- https://x.example/") is None
