"""`localoffer due` and `localoffer report` list translations older than their English offer."""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from gitrepos import localoffer, write_offer


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    return partial(localoffer, monkeypatch, capsys)


def translate(folder: Path, slug: str, tag: str, translated_from: str) -> None:
    (folder / "offers" / slug / f"offer.{tag}.md").write_text(
        f"---\ntranslated_from: {translated_from}\ntranslated_by: Anna Nowak\n---\n\nWitamy.\n",
        encoding="utf-8")


@pytest.fixture
def borough_with_translations(borough_dir: Path) -> Path:
    write_offer(borough_dir, 0, ["@amira"], "oakfield")
    write_offer(borough_dir, 1, ["@bea"], "beacon")
    translate(borough_dir, "oakfield", "pl", "2024-01-15")  # older than any synthetic review
    translate(borough_dir, "beacon", "ur", "2099-01-01")  # made from the current English
    return borough_dir


def test_due_lists_the_stale_translation_only(run, borough_with_translations):  # type: ignore[no-untyped-def]
    code, out, _ = run(borough_with_translations, "due", "--today", "2026-11-28")
    assert code == 0
    assert "Translations out of date (the English offer changed after them):" in out
    assert "Polish (offers/oakfield/offer.pl.md)" in out
    assert "it translates the English of 2024-01-15" in out
    assert "offer.ur.md" not in out
    code, out, _ = run(borough_with_translations, "due", "--today", "2026-11-28",
                       "--format", "json")
    stale = json.loads(out)["stale_translations"]
    assert [(item["slug"], item["language"], item["state"]) for item in stale] == [
        ("oakfield", "pl", "stale")]
    code, out, _ = run(borough_with_translations, "due", "--today", "2026-11-28",
                       "--format", "md")
    assert "## Translations out of date" in out and "| Polish |" in out


def test_report_lists_every_translation_and_whether_it_is_up_to_date(
        run, borough_with_translations):  # type: ignore[no-untyped-def]
    code, out, _ = run(borough_with_translations, "report", "--today", "2026-11-28",
                       "--format", "json")
    assert code == 0
    listed = {(item["slug"], item["language"]): item["state"]
              for item in json.loads(out)["translations"]}
    assert listed == {("oakfield", "pl"): "stale", ("beacon", "ur"): "current"}
    code, out, _ = run(borough_with_translations, "report", "--today", "2026-11-28")
    lines = out.split("\nTranslations\n", 1)[1]
    assert "Polish" in lines and "no: out of date" in lines
    assert "Urdu" in lines and "yes (it translates the English of 2099-01-01)" in lines
