"""The benchmarks' offers in real reports' words (benchmarks/real_text.py): varied as real
offers are, unlike localoffer.synthetic's 20 sentences, and the same every time."""
from __future__ import annotations

import re
import sys
from datetime import date

from localoffer.borough import load_borough
from localoffer.synthetic import synthetic_offer, synthetic_setting
from testpaths import REPO_ROOT

sys.path.append(str(REPO_ROOT / "benchmarks"))
from real_text import answers

BOROUGH = load_borough(REPO_ROOT / "localoffer.yml")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _offer(index: int, text: str) -> str:
    setting = synthetic_setting(BOROUGH, index, date(2026, 11, 30))
    return synthetic_offer(BOROUGH, setting, 160, answer=answers(text)).split("\n---\n", 1)[1]


def _sentences(offer: str) -> list[str]:
    return [sentence for line in offer.splitlines() if not line.startswith("#")
            for sentence in SENTENCE_END.split(line) if len(sentence.split()) >= 4]


def _words(offer: str) -> set[str]:
    return {word.lower() for word in offer.split()}


def test_an_offer_in_real_words_says_little_twice_and_uses_many_words() -> None:
    real, fixed = _offer(1, "real"), _offer(1, "fixed")
    assert len(real.split()) >= 20 * 160
    assert len(set(_sentences(real))) >= 0.85 * len(_sentences(real))
    assert len(set(_sentences(fixed))) <= 0.2 * len(_sentences(fixed))
    assert len(_words(real)) > 3 * len(_words(fixed))


def test_each_offer_gets_its_own_words_and_the_same_every_time() -> None:
    assert _offer(1, "real") == _offer(1, "real")
    first, second = _offer(1, "real"), _offer(2, "real")
    assert first != second
    assert len(_words(first) ^ _words(second)) > 100  # names of its own, at least
