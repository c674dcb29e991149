"""A small generated borough whose exports are kept in tests/exporting/expected/.

Twelve synthetic offers (localoffer.synthetic), whose names sort in another order than their
folders ("Example ... 10" before "Example ... 2"), one turned into a draft, one with
front-matter that cannot be read, and one whose name differs from another's only by capitals.
The expected files were written by the export as it was before it streamed (commit 8021884),
so a test comparing with them shows the streaming export writes the same bytes.
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from localoffer.borough import Borough, load_borough
from localoffer.synthetic import write_borough
from testpaths import REPO_ROOT

TODAY = date(2026, 11, 28)
SITE = "https://localoffer.calderbrook.example"
EXPECTED = Path(__file__).resolve().parent / "expected"
FORMATS = {"json": "export.json", "csv": "export.csv", "openreferral": "openreferral.json"}


def generated_borough(folder: Path) -> Borough:
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    borough = load_borough(folder / "localoffer.yml")
    paths = write_borough(borough, folder, 12, TODAY, words_per_answer=12)
    draft = paths[3].read_text(encoding="utf-8").replace("status: published", "status: draft")
    paths[3].write_text(draft, encoding="utf-8")
    paths[5].write_text("---\nname: [unclosed\n---\n\nWelcome.\n", encoding="utf-8")
    capitals = paths[7].read_text(encoding="utf-8")
    name = capitals.split("\nname: ", 1)[1].split("\n", 1)[0]
    other = paths[8].read_text(encoding="utf-8")
    other_name = other.split("\nname: ", 1)[1].split("\n", 1)[0]
    paths[8].write_text(other.replace(f"name: {other_name}", f"name: {name.upper()}", 1),
                        encoding="utf-8")
    return load_borough(folder / "localoffer.yml")
