"""Write tools/localoffer/text/data/common-words.txt: the syllables of the words Local Offers
use, counted with pyphen (the reference), so `localoffer check` looks most words up instead
of working them out from the hyphenation patterns.

    python scripts/make_syllable_table.py

The words are those of the question sets, the guides in docs/, the demo offers and the real
SEN information reports the tests keep (tests/fixtures/real_reports/): about nine in ten of
the words of a report not among them. tests/text/test_syllables.py checks every count
against pyphen. Needs the test extra (pyphen).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyphen

from localoffer.text.readability import words

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tools" / "localoffer" / "text" / "data" / "common-words.txt"
SOURCES = ("tools/localoffer/data/**/*.yml", "docs/**/*.md", "offers/*/offer.md",
           "tests/fixtures/real_reports/*/*.txt")
_PYPHEN = pyphen.Pyphen(lang="en_GB")


def reference_syllables(lower: str) -> int:
    """localoffer's count (text/syllables.py) with pyphen's own hyphenation."""
    vowel_groups = len("".join(c if c in "aeiouy" else " " for c in lower).split())
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and vowel_groups > 1:
        vowel_groups -= 1
    return max(1, len(_PYPHEN.positions(lower)) + 1, vowel_groups)


def source_words() -> set[str]:
    found: set[str] = set()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            found.update(word.lower() for word in words(path.read_text(encoding="utf-8",
                                                                        errors="replace")))
    return found


def main() -> None:
    by_count: dict[int, list[str]] = defaultdict(list)
    for word in sorted(source_words()):
        by_count[reference_syllables(word)].append(word)
    lines = ["# Syllables of common words (lower case), one line per count: the count, then",
             "# the words. Written by scripts/make_syllable_table.py with pyphen's en_GB",
             "# dictionary; do not edit by hand."]
    lines += [f"{count} {' '.join(found)}" for count, found in sorted(by_count.items())]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {sum(map(len, by_count.values()))} words to {OUTPUT}.")


if __name__ == "__main__":
    main()
