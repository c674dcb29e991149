"""Write tools/localoffer/text/data/hyphenation-en-GB.json from pyphen's British English
hyphenation dictionary, which localoffer counts syllables with.

    python scripts/make_hyphenation_patterns.py

Reading pyphen's dictionary took a quarter of a second on every `localoffer check` (the
pre-commit hook runs one for each commit); the same patterns as JSON load in a few
milliseconds. Run this again when pyphen's en_GB dictionary changes: the test
tests/text/test_syllables.py fails until the file matches the installed pyphen.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyphen

OUTPUT = (Path(__file__).resolve().parents[1] / "tools" / "localoffer" / "text" / "data"
          / "hyphenation-en-GB.json")
LANGUAGE = "en_GB"


def licence_text(dictionary: Path) -> str:
    """The dictionary's licence, as its README gives it (BSD-style: keep it with the data)."""
    readme = dictionary.with_name(f"README_hyph_{LANGUAGE}.txt").read_text(encoding="utf-8")
    start = readme.index("License")
    end = readme.find("Conversion:", start)
    return readme[start:end if end != -1 else None].strip()


def patterns() -> dict[str, str]:
    """Letters of each pattern: its digits, one for each place from the pattern's start (a
    digit before each letter and one after the last; leading zeros kept, trailing ones cut)."""
    dictionary = pyphen.Pyphen(lang=LANGUAGE).hd
    return {letters: "0" * offset + "".join(str(int(value)) for value in values)
            for letters, (offset, values) in sorted(dictionary.patterns.items())}


def main() -> None:
    dictionary = Path(pyphen.LANGUAGES[LANGUAGE])
    data = {
        "about": (f"Hyphenation patterns of {dictionary.name} (British English, from "
                  f"pyphen {pyphen.__version__ if hasattr(pyphen, '__version__') else ''}), "
                  "written by scripts/make_hyphenation_patterns.py. Each pattern's digits "
                  "are Liang's: an odd digit allows a break at that place, the highest wins."),
        "licence": licence_text(dictionary),
        "patterns": patterns(),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"Wrote {len(data['patterns'])} patterns to {OUTPUT}.")


if __name__ == "__main__":
    main()
