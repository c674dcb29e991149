"""Translations (offers/<slug>/offer.<lang>.md): the same sections as the English, no facts of
their own, the same safety rules, and a warning when the English changed after them."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.checks import run_checks
from localoffer.model.offer_folder import folder_file_problem
from localoffer.model.translation import language_of

from .helpers import ERROR, TODAY, WARNING

ENGLISH = """\
---
name: Example Primary School
type: primary
last_reviewed: 2026-10-14
next_review: 2027-10-01
status: published
---

Welcome to our offer.

## How does the setting know if children need extra help?

We watch how every child learns.

## How will staff support my child?

### In class

A teaching assistant helps in class.

## How accessible is the setting environment?

The building has a lift.
"""

POLISH = """\
---
translated_from: 2026-10-14
translated_by: Anna Nowak
---

Witamy w naszej ofercie.

## Skąd szkoła wie, że dziecko potrzebuje dodatkowej pomocy?

Obserwujemy, jak uczy się każde dziecko.

## Jak pracownicy będą wspierać moje dziecko?

### W klasie

Asystent nauczyciela pomaga w klasie.

## Czy budynek szkoły jest dostępny?

W budynku jest winda.
"""


def write(borough_dir: Path, name: str, text: str) -> Path:
    path = borough_dir / "offers" / "example-school" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def translation_findings(borough: Borough, borough_dir: Path, text: str,
                         name: str = "offer.pl.md") -> list[tuple[int, str, str]]:
    write(borough_dir, "offer.md", ENGLISH)
    write(borough_dir, name, text)
    report = run_checks([borough_dir / "offers"], borough, TODAY)
    shown = f"offers/example-school/{name}"
    return [(item.line, item.rule, item.severity) for item in report.findings
            if item.path == shown]


def test_a_faithful_translation_has_no_findings(borough, borough_dir):
    assert translation_findings(borough, borough_dir, POLISH) == []


def test_a_missing_section_is_an_error_naming_the_english_section(borough, borough_dir):
    text = POLISH.split("## Czy budynek")[0]
    write(borough_dir, "offer.md", ENGLISH)
    write(borough_dir, "offer.pl.md", text)
    report = run_checks([borough_dir / "offers"], borough, TODAY)
    found = [item for item in report.findings if item.rule == "translation/sections"]
    assert [(item.path, item.line, item.severity) for item in found] == [
        ("offers/example-school/offer.pl.md", 12, ERROR)]
    assert "has 2 section(s)" in found[0].message
    assert "the English offer has 3" in found[0].message
    assert "'How accessible is the setting environment?'" in found[0].message


def test_a_section_without_its_sub_heading_is_an_error(borough, borough_dir):
    text = POLISH.replace("### W klasie\n\n", "")
    assert translation_findings(borough, borough_dir, text) == [
        (12, "translation/sections", ERROR)]


def test_an_untranslated_section_is_an_error(borough, borough_dir):
    text = POLISH.replace("Obserwujemy, jak uczy się każde dziecko.",
                          "<!-- We watch how every child learns. -->")
    assert translation_findings(borough, borough_dir, text) == [(8, "translation/empty", ERROR)]


def test_raw_html_in_a_translation_is_refused_as_in_an_offer(borough, borough_dir):
    text = POLISH.replace("W budynku jest winda.",
                          'W budynku jest winda.<script>alert("x")</script>\n'
                          '<img src=x onerror="alert(1)">')
    assert translation_findings(borough, borough_dir, text) == [
        (20, "safety/raw-html", ERROR), (21, "safety/raw-html", ERROR)]


def test_a_fact_in_a_translation_is_an_error_on_its_line(borough, borough_dir):
    text = POLISH.replace("translated_by: Anna Nowak\n",
                          "translated_by: Anna Nowak\nphone: 0161 496 0999\n")
    assert translation_findings(borough, borough_dir, text) == [(4, "translation/fact", ERROR)]


def test_a_translation_must_say_what_it_translates_and_who_translated_it(borough, borough_dir):
    text = POLISH.replace("translated_from: 2026-10-14\ntranslated_by: Anna Nowak\n",
                          "translated_from: last year\n")
    assert translation_findings(borough, borough_dir, text) == [
        (1, "translation/details", ERROR), (2, "translation/details", ERROR)]


def test_a_file_name_that_names_no_language_is_an_error(borough, borough_dir):
    assert translation_findings(borough, borough_dir, POLISH, "offer.zz.md") == [
        (1, "translation/language", ERROR)]


def test_a_translation_without_an_english_offer_is_an_error(borough, borough_dir):
    write(borough_dir, "offer.pl.md", POLISH)
    report = run_checks([borough_dir / "offers" / "example-school" / "offer.pl.md"], borough,
                        TODAY)
    assert [(item.path, item.line, item.rule) for item in report.findings] == [
        ("offers/example-school/offer.pl.md", 1, "translation/no-english")]


def test_a_translation_older_than_the_english_review_is_a_warning(borough, borough_dir):
    text = POLISH.replace("translated_from: 2026-10-14", "translated_from: 2025-10-20")
    write(borough_dir, "offer.md", ENGLISH)
    write(borough_dir, "offer.pl.md", text)
    report = run_checks([borough_dir / "offers"], borough, TODAY)
    stale = [item for item in report.findings if item.rule == "translation/stale"]
    assert [(item.path, item.line, item.severity) for item in stale] == [
        ("offers/example-school/offer.pl.md", 2, WARNING)]
    assert "translates the English of 2025-10-20" in stale[0].message
    assert "reviewed again on 2026-10-14" in stale[0].message


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Sam", "-c", "user.email=sam@example",
                           *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_translation_of_an_older_commit_is_stale_once_the_english_changes(
        repo_root, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = tmp_path / "borough"
    (root / "offers").mkdir(parents=True)
    shutil.copy(repo_root / "localoffer.yml", root / "localoffer.yml")
    borough = load_borough(root / "localoffer.yml")
    write(root, "offer.md", ENGLISH)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "offers")
    git(root, "commit", "-q", "-m", "English offer")
    first = git(root, "rev-parse", "HEAD")
    write(root, "offer.pl.md",
          POLISH.replace("translated_from: 2026-10-14", f'translated_from: "{first[:10]}"'))
    git(root, "add", "offers")
    git(root, "commit", "-q", "-m", "Polish translation")

    def stale() -> list[str]:
        report = run_checks([root / "offers"], borough, TODAY)
        return [item.message for item in report.findings if item.rule == "translation/stale"]

    assert stale() == []
    write(root, "offer.md", ENGLISH.replace("We watch", "We carefully watch"))
    git(root, "commit", "-q", "-am", "Clearer English")
    found = stale()
    assert len(found) == 1 and "This translation is out of date" in found[0]


@pytest.mark.parametrize("inside, allowed", [
    ("offer.ur.md", True), ("offer.pa-Arab.md", True), ("offer.pl.md", True),
    ("words/offer.ur.md", False), ("offer.UR.md", False), ("notes.ur.md", False)])
def test_a_translation_may_live_beside_the_offer_and_nowhere_else(inside, allowed):
    assert (folder_file_problem(inside) is None) is allowed


def test_languages_are_named_in_their_own_script_with_their_direction():
    urdu, polish, arabic = language_of("ur"), language_of("pl"), language_of("ar")
    assert (urdu.autonym, urdu.english_name, urdu.direction) == ("اردو", "Urdu", "rtl")
    assert (polish.autonym, polish.direction) == ("Polski", "ltr")
    assert (arabic.autonym, arabic.direction) == ("العربية", "rtl")
    assert language_of("zz") is None
