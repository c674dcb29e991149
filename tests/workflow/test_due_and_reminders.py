"""The due list, and the weekly reminder issues it plans (nothing is sent to GitHub)."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from localoffer.borough import Borough
from localoffer.review import ReviewState
from localoffer.workflow.due import due_settings, parse_window
from localoffer.workflow.reminders import LABEL, describe, plan, reminder

from gitrepos import TODAY, write_offer


def _set_dates(path: Path, next_review: date, status: str = "published") -> None:
    lines = []
    for line in path.read_text().splitlines():
        if line.startswith("next_review:"):
            line = f"next_review: {next_review.isoformat()}"
        if line.startswith("status:"):
            line = f"status: {status}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def offers(borough_dir: Path) -> Path:
    _set_dates(write_offer(borough_dir, 0, ["@amira", "@calderbrook/oakfield"], "oakfield"),
               TODAY - timedelta(days=10))
    _set_dates(write_offer(borough_dir, 1, ["@bea"], "beacon-hill"), TODAY + timedelta(days=20))
    _set_dates(write_offer(borough_dir, 2, ["@cal"], "calder"), TODAY + timedelta(days=45))
    _set_dates(write_offer(borough_dir, 3, ["@dee"], "draft-one"), TODAY - timedelta(days=99),
               status="draft")
    return borough_dir


def test_lists_overdue_then_due_soon_with_maintainers(offers: Path, borough: Borough) -> None:
    found = due_settings(borough, TODAY)
    assert [(item.slug, item.state, item.days) for item in found] == [
        ("oakfield", ReviewState.OVERDUE, -10), ("beacon-hill", ReviewState.DUE_SOON, 20)]
    assert found[0].maintainers == ["@amira", "@calderbrook/oakfield"]
    assert found[0].describe() == "overdue since 18 November 2026 (10 days ago)"
    assert found[1].describe() == "due on 18 December 2026 (in 20 days)"


def test_the_window_can_be_widened(offers: Path, borough: Borough) -> None:
    assert [item.slug for item in due_settings(borough, TODAY, 60)] == [
        "oakfield", "beacon-hill", "calder"]
    assert [item.slug for item in due_settings(borough, TODAY, 0)] == ["oakfield"]


@pytest.mark.parametrize("text, days", [("30d", 30), ("30", 30), ("6w", 42), (" 7D ", 7)])
def test_parse_window(text: str, days: int) -> None:
    assert parse_window(text) == days


def test_parse_window_explains_mistakes() -> None:
    with pytest.raises(ValueError, match="30d"):
        parse_window("a month")


def test_reminders_are_stable_assigned_and_updated_not_duplicated(offers: Path,
                                                                   borough: Borough) -> None:
    teams = {"calderbrook/oakfield": ["olu"]}
    due = due_settings(borough, TODAY)
    planned = [reminder(item, TODAY, teams) for item in due]
    oakfield, beacon = planned
    assert oakfield.title == f"Review the offer of {due[0].name}"
    assert oakfield.assignees == ["amira", "olu"]
    assert "localoffer edit oakfield" in oakfield.body
    # A week later the same settings are due: the title does not change.
    again = [reminder(item, TODAY + timedelta(days=7), teams)
             for item in due_settings(borough, TODAY + timedelta(days=7))]
    assert [item.title for item in again][:2] == [oakfield.title, beacon.title]

    existing = [{"number": 4, "title": "renamed by someone", "body": oakfield.body},
                {"number": 9, "title": "old", "body": "<!-- localoffer-review: gone -->"}]
    actions = plan(planned, existing)
    assert [(a.kind, a.number, a.slug) for a in actions] == [
        ("update", 4, "oakfield"), ("open", None, "beacon-hill"), ("close", 9, "gone")]
    text = describe(actions)
    assert "Would update issue #4" in text and "Would close issue #9" in text
    assert f"label: {LABEL}" in text


def test_teams_without_members_are_mentioned(offers: Path, borough: Borough) -> None:
    oakfield = reminder(due_settings(borough, TODAY)[0], TODAY, {})
    assert oakfield.assignees == ["amira"]
    assert oakfield.mentions == ["@calderbrook/oakfield"]
    assert "For: @calderbrook/oakfield" in oakfield.body


def test_dry_run_plan_needs_no_existing_issues(offers: Path, borough: Borough) -> None:
    planned = [reminder(item, TODAY, {}) for item in due_settings(borough, TODAY)]
    assert {a.kind for a in plan(planned, None)} == {"open-or-update"}
    assert describe([]).startswith("No setting's review is overdue")
