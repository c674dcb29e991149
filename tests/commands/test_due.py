"""`localoffer due`: the list in three formats, and the reminders' dry run."""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from gitrepos import write_offer, localoffer


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    return partial(localoffer, monkeypatch, capsys)


@pytest.fixture
def borough_with_offers(borough_dir: Path) -> Path:
    write_offer(borough_dir, 0, ["@amira", "@calderbrook/oak"], "oakfield")
    write_offer(borough_dir, 1, ["@bea"], "beacon")
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + '\nteams:\n  "@calderbrook/oak": ["olu"]\n')
    return borough_dir


def _next_review(folder: Path, slug: str) -> str:
    for line in (folder / "offers" / slug / "offer.md").read_text().splitlines():
        if line.startswith("next_review:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError("no next_review")


def test_nothing_due_today(run, borough_with_offers: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(borough_with_offers, "due", "--today", "2026-11-28")
    assert code == 0 and out.startswith("No setting's review is overdue or due in the next 30 days")


def test_formats_and_window(run, borough_with_offers: Path) -> None:  # type: ignore[no-untyped-def]
    oakfield_due = _next_review(borough_with_offers, "oakfield")
    later = "2027-12-31"
    code, out, _ = run(borough_with_offers, "due", "--today", later)
    assert code == 0
    assert "offers/oakfield/offer.md" in out and "maintained by: @amira, @calderbrook/oak" in out
    assert "2 settings, 2 overdue." in out
    code, out, _ = run(borough_with_offers, "due", "--today", later, "--format", "json")
    data = json.loads(out)
    assert {item["slug"] for item in data["settings"]} == {"oakfield", "beacon"}
    assert {item["next_review"] for item in data["settings"]} >= {oakfield_due}
    code, out, _ = run(borough_with_offers, "due", "--today", later, "--format", "md")
    assert "| Setting | Review | Maintained by |" in out and "(`beacon`)" in out
    code, out, _ = run(borough_with_offers, "due", "--today", "2026-11-28", "--within", "52w",
                       "--format", "json")
    assert len(json.loads(out)["settings"]) == 2 and json.loads(out)["within_days"] == 364


def test_reminders_dry_run_prints_the_issues(run, borough_with_offers: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(borough_with_offers, "due", "--today", "2027-12-31", "--open-issues",
                       "--dry-run")
    assert code == 0
    assert out.startswith("Dry run: nothing is sent to GitHub.")
    assert out.count("Would open (or update, if one is already open) issue: Review the offer") == 2
    assert "assigned to: amira, olu" in out and "assigned to: bea" in out


def test_reminders_for_real_need_a_token(run, borough_with_offers: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    code, _, err = run(borough_with_offers, "due", "--open-issues")
    assert code == 2 and "GITHUB_TOKEN" in err and "--dry-run" in err


def test_usage_mistakes(run, borough_with_offers: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(borough_with_offers, "due", "--dry-run")
    assert code == 2 and "--dry-run goes with --open-issues" in err
    code, _, err = run(borough_with_offers, "due", "--within", "soon")
    assert code == 2 and "30d" in err
