"""The one rule for review dates (localoffer.review.date_state), at both of its boundaries, in
every place that uses it: the checks, the report, the site's notice and lists, `due` and the
reminders. With due_soon_days: 30 (the demo's localoffer.yml), on 28 November 2026:

- next_review 27 November 2026 (yesterday): overdue, since the day after the date;
- next_review 28 November 2026 (today): due, not overdue;
- next_review 28 December 2026 (in 30 days): due soon, the window's last day;
- next_review 29 December 2026 (in 31 days): up to date.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.checks import CheckContext, check_offer
from localoffer.cli import main
from localoffer.model import load_offer
from localoffer.review import ReviewState, date_state
from localoffer.site.review_notice import review_notice
from localoffer.synthetic import synthetic_offer, synthetic_setting

TODAY = "2026-11-28"
# slug: (last_reviewed, next_review)
OFFERS = {
    "overdue-by-a-day": ("2026-01-27", "2026-11-27"),
    "due-today": ("2026-01-28", "2026-11-28"),
    "due-in-30-days": ("2026-02-28", "2026-12-28"),
    "due-in-31-days": ("2026-03-01", "2026-12-29"),
}
EXPECTED = {"overdue-by-a-day": "overdue", "due-today": "due soon",
            "due-in-30-days": "due soon", "due-in-31-days": "ok"}


def test_the_rule_itself() -> None:
    today = date(2026, 11, 28)
    assert date_state(date(2026, 11, 27), today, 30) is ReviewState.OVERDUE
    assert date_state(date(2026, 11, 28), today, 30) is ReviewState.DUE_SOON
    assert date_state(date(2026, 12, 28), today, 30) is ReviewState.DUE_SOON
    assert date_state(date(2026, 12, 29), today, 30) is ReviewState.OK
    assert date_state(date(2026, 11, 29), today, 0) is ReviewState.OK
    assert date_state(date(2026, 11, 28), today, 0) is ReviewState.DUE_SOON


@pytest.fixture
def boundary_borough(borough_dir: Path) -> Path:
    borough = load_borough(borough_dir / "localoffer.yml")
    assert borough.due_soon_days == 30
    for index, (slug, (last, due)) in enumerate(OFFERS.items()):
        setting = synthetic_setting(borough, 2, date.fromisoformat(TODAY))
        text = synthetic_offer(borough, setting, words_per_answer=40)
        text = re.sub(r"(?m)^last_reviewed: .*$", f"last_reviewed: {last}", text, count=1)
        text = re.sub(r"(?m)^next_review: .*$", f"next_review: {due}", text, count=1)
        text = re.sub(r"(?m)^name: .*$", f"name: Setting {index} {slug}", text, count=1)
        path = borough_dir / "offers" / slug / "offer.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return borough_dir


def load(folder: Path) -> tuple[Borough, dict[str, object]]:
    borough = load_borough(folder / "localoffer.yml")
    return borough, {slug: load_offer(folder / "offers" / slug / "offer.md", borough)
                     for slug in OFFERS}


def test_checks(boundary_borough: Path) -> None:
    borough, offers = load(boundary_borough)
    context = CheckContext(borough=borough, today=date.fromisoformat(TODAY))
    rules = {slug: sorted(f.rule for f in check_offer(offer, context)
                          if f.rule in ("review/overdue", "review/due-soon"))
             for slug, offer in offers.items()}
    assert rules == {"overdue-by-a-day": ["review/overdue"], "due-today": ["review/due-soon"],
                     "due-in-30-days": ["review/due-soon"], "due-in-31-days": []}


def test_report(boundary_borough: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", "--format", "json", "--today", TODAY,
          "--config", str(boundary_borough / "localoffer.yml")])
    report = json.loads(capsys.readouterr().out)
    assert {row["slug"]: row["review_state"] for row in report["settings"]} == EXPECTED


def test_the_sites_notice(boundary_borough: Path) -> None:
    borough, offers = load(boundary_borough)
    today = date.fromisoformat(TODAY)
    notices = {slug: review_notice(offer, borough, today) for slug, offer in offers.items()}
    assert {slug: notice.overdue for slug, notice in notices.items()} == {
        "overdue-by-a-day": True, "due-today": False, "due-in-30-days": False,
        "due-in-31-days": False}
    assert "Next review was due November 2026." in notices["overdue-by-a-day"].sentence
    assert "Next review due November 2026." in notices["due-today"].sentence


def test_due(boundary_borough: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "--format", "json", "--today", TODAY,
                 "--config", str(boundary_borough / "localoffer.yml")]) == 0
    listed = json.loads(capsys.readouterr().out)["settings"]
    assert [(item["slug"], item["state"], item["days"]) for item in listed] == [
        ("overdue-by-a-day", "overdue", -1), ("due-today", "due soon", 0),
        ("due-in-30-days", "due soon", 30)]


def test_reminders(boundary_borough: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "--open-issues", "--dry-run", "--today", TODAY,
                 "--config", str(boundary_borough / "localoffer.yml")]) == 0
    said = capsys.readouterr().out
    assert "<!-- localoffer-review: overdue-by-a-day -->" in said
    assert "<!-- localoffer-review: due-today -->" in said
    assert "<!-- localoffer-review: due-in-30-days -->" in said
    assert "due-in-31-days" not in said
    assert "The review of this offer is overdue since 27 November 2026 (1 day ago)." in said
    assert "The review of this offer is due today" in said
    assert "The review of this offer is due on 28 December 2026 (in 30 days)." in said
