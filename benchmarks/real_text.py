"""Answers for synthetic offers in the words of real SEN information reports, for benchmarks.

`localoffer.synthetic` answers every question from 20 fixed sentences: about 150 different
words in an offer of 3,500, each sentence said 15 times or more. Real reports say almost
nothing twice and use thousands of words, names among them, and what a search index costs
(to build and to download) grows with exactly that. Benchmarks of the site and its search
therefore write their offers' answers with `real_answers()`:

- the words come from the real reports kept in tests/fixtures/real_reports (each folder's
  SOURCE.md says where it was published), strung together by a Markov chain of word pairs, so
  words follow each other as they do there and no sentence comes out the same twice;
- each offer also has names of its own (staff, rooms, clubs), as real offers do, made of
  syllables at random, so a borough's vocabulary grows with its offers.

Deterministic: the same offer (its own random generator) gets the same text every time.
"""
from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REAL_REPORTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "real_reports"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[.,;:!?]?|\d+[.,;:]?")
_SYLLABLES = ("bar", "ton", "wick", "mel", "ford", "lin", "dale", "ash", "ver", "ley", "kin",
              "rose", "hal", "brook", "den", "mor", "tis", "gan", "ell", "wyn")
# How many names of its own each offer has, and how often a capitalised word gives way to one.
_NAMES_PER_OFFER = 12
_NAME_SHARE = 0.25
_LONGEST = 40  # words in a sentence, at most
_START = ""


def real_answers() -> Callable[[random.Random, int], str]:
    """An answer writer for localoffer.synthetic: (the offer's generator, words) -> text."""
    chain = _chain(_sentences())

    def answer(chooser: random.Random, words: int) -> str:
        names = [_name(chooser) for _ in range(_NAMES_PER_OFFER)]
        said: list[str] = []
        while len(said) < words:
            said += _sentence(chain, chooser, names)
        return " ".join(said)

    return answer


def _sentence(chain: dict[tuple[str, str], list[str]], chooser: random.Random,
              names: list[str]) -> list[str]:
    sentence: list[str] = []
    pair = (_START, _START)
    while not sentence or not sentence[-1].endswith((".", "!", "?")):
        if len(sentence) >= _LONGEST:
            sentence[-1] = sentence[-1].rstrip(",;:") + "."
            break
        word = chooser.choice(chain[pair])
        pair = (pair[1], word)
        if word[:1].isupper() and sentence and chooser.random() < _NAME_SHARE:
            word = chooser.choice(names) + word[len(word.rstrip(".,;:!?")):]
        sentence.append(word)
    return sentence


def _sentences() -> list[list[str]]:
    """The real reports' sentences, as lists of words (headings and menu lines left out)."""
    texts = [path.read_text(encoding="utf-8") for pattern in ("*/report.txt", "*/source.txt")
             for path in sorted(REAL_REPORTS.glob(pattern))]
    if not texts:
        raise SystemExit(f"No real reports found in {REAL_REPORTS}.")
    sentences = []
    for text in texts:
        for line in text.splitlines():
            words = _WORD.findall(line)
            if len(words) < 6:
                continue
            if not words[-1].endswith((".", "!", "?")):
                words[-1] = words[-1].rstrip(",;:") + "."
            sentence: list[str] = []
            for word in words:
                sentence.append(word)
                if word.endswith((".", "!", "?")) and len(sentence) >= 3:
                    sentences.append(sentence)
                    sentence = []
    return sentences


def _chain(sentences: list[list[str]]) -> dict[tuple[str, str], list[str]]:
    """For each pair of words (or a sentence's start), the words that follow it there."""
    chain: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sentence in sentences:
        for first, second, third in zip([_START, _START, *sentence], [_START, *sentence],
                                        sentence):
            chain[(first, second)].append(third)
    return chain


def _name(chooser: random.Random) -> str:
    return "".join(chooser.choice(_SYLLABLES) for _ in range(chooser.randint(2, 3))).title()


def add_text_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", choices=("real", "fixed"), default="real",
                        help="The offers' answers: 'real' strings together the words of the "
                             "real reports in tests/fixtures/real_reports, as offers say "
                             "things (default); 'fixed' uses localoffer.synthetic's 20 "
                             "sentences, each said 15 times or more in an offer.")


def answers(text: str) -> Callable[[random.Random, int], str] | None:
    """The answer writer the --text option chose (None: localoffer.synthetic's own)."""
    return real_answers() if text == "real" else None
