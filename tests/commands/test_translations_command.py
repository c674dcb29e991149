"""`localoffer new --translation` (a skeleton to translate) and `localoffer translations`."""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from gitrepos import localoffer

ENGLISH = """\
---
name: Oakfield Primary School
type: primary
last_reviewed: 2026-10-14
next_review: 2027-10-01
status: published
---

Welcome to our offer.

## How will staff support my child?

<!-- guidance from the template -->
A teaching assistant helps in class.

### At lunch

A member of staff sits with your child. Never write --> in a comment.

## Who can I contact for further information?

Ring the office.
"""


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    return partial(localoffer, monkeypatch, capsys)


@pytest.fixture
def school(borough_dir: Path) -> Path:
    folder = borough_dir / "offers" / "oakfield"
    folder.mkdir()
    (folder / "offer.md").write_text(ENGLISH, encoding="utf-8")
    return borough_dir


def test_new_translation_writes_the_english_headings_and_text_as_comments(run, school):  # type: ignore[no-untyped-def]
    code, out, _ = run(school, "new", "--translation", "ur", "oakfield")
    assert code == 0 and "offers/oakfield/offer.ur.md" in out
    text = (school / "offers" / "oakfield" / "offer.ur.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntranslated_from: 2026-10-14\ntranslated_by: ""\n---\n')
    assert "A translation into Urdu (اردو)" in text
    body = text.split("---\n", 2)[2]
    assert "\n<!-- English:\nWelcome to our offer. -->\n" in body
    assert ("## How will staff support my child?\n\n<!-- English:\nA teaching assistant helps "
            "in class. -->\n\n### At lunch\n\n<!-- English:\nA member of staff sits with your "
            "child. Never write -- > in a comment. -->\n") in body
    assert "guidance from the template" not in body
    assert "## Who can I contact for further information?\n\n<!-- English:\nRing the office. -->" \
        in body
    # Until it is translated, the check says what is left to do.
    code, out, _ = run(school, "check", "offers/oakfield/offer.ur.md")
    assert code == 1
    assert "offer.ur.md:3: translation/details" in out
    assert out.count("translation/empty") == 2
    assert "translation/sections" not in out


def test_new_translation_refuses_an_unknown_language_a_missing_setting_and_overwriting(
        run, school):  # type: ignore[no-untyped-def]
    code, _, err = run(school, "new", "--translation", "xx", "oakfield")
    assert code == 2 and "'xx' is not a language code" in err
    code, _, err = run(school, "new", "--translation", "pl", "nowhere")
    assert code == 2 and "no offer for this setting" in err
    assert run(school, "new", "--translation", "pl", "oakfield")[0] == 0
    code, _, err = run(school, "new", "--translation", "pl", "oakfield")
    assert code == 2 and "already exists" in err


def test_translations_lists_what_is_up_to_date_out_of_date_and_missing(run, school):  # type: ignore[no-untyped-def]
    second = school / "offers" / "beacon"
    second.mkdir()
    (second / "offer.md").write_text(ENGLISH.replace("Oakfield Primary", "Beacon Hill"),
                                     encoding="utf-8")
    (school / "offers" / "oakfield" / "offer.pl.md").write_text(
        "---\ntranslated_from: 2026-10-14\ntranslated_by: Anna Nowak\n---\n", encoding="utf-8")
    (second / "offer.ur.md").write_text(
        "---\ntranslated_from: 2025-09-01\ntranslated_by: Farah Siddiqui\n---\n",
        encoding="utf-8")
    code, out, _ = run(school, "translations")
    assert code == 0
    assert "  Polish (pl, Polski): 1 up to date, 0 out of date, 0 cannot tell, 1 missing" in out
    assert "  Urdu (ur, اردو): 0 up to date, 1 out of date, 0 cannot tell, 1 missing" in out
    assert ("Beacon Hill School (offers/beacon)\n  Urdu: OUT OF DATE (it translates the English "
            "of 2025-09-01; the English was reviewed again on 2026-10-14, translated by Farah "
            "Siddiqui)\n  missing: Polish") in out
    code, out, _ = run(school, "translations", "--format", "json", "--language", "so")
    data = json.loads(out)
    assert [(item["tag"], item["missing"]) for item in data["languages"]] == [
        ("pl", 1), ("so", 2), ("ur", 1)]
    assert {item["slug"]: item["missing"] for item in data["settings"]} == {
        "beacon": ["so", "pl"], "oakfield": ["so", "ur"]}
