"""review/overdue, review/due-soon, review/interval and review/future (checks/review.py)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from .helpers import ERROR, TODAY, WARNING, line_of, of_rule, set_key, where

OVERDUE, DUE_SOON, INTERVAL, FUTURE = ("review/overdue", "review/due-soon", "review/interval",
                                       "review/future")


def dated(text: str, last: object, due: object, status: str = "published") -> str:
    text = set_key(text, "last_reviewed", str(last))
    return set_key(set_key(text, "next_review", str(due)), "status", status)


def review_findings(findings):
    return [f for f in findings if f.rule.startswith("review/")]


def test_dates_in_order_and_in_time_have_no_findings(check, primary: str) -> None:
    assert review_findings(check(primary)) == []


def test_a_passed_review_date_is_an_error(check, primary: str) -> None:
    text = dated(primary, TODAY - timedelta(days=300), TODAY - timedelta(days=1))
    findings = of_rule(check(text), OVERDUE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "next_review:"), ERROR)]
    assert "27 November 2026" in findings[0].message


def test_in_a_draft_review_rules_only_warn(check, primary: str) -> None:
    text = dated(primary, TODAY + timedelta(days=2), TODAY - timedelta(days=1), status="draft")
    findings = review_findings(check(text))
    assert {(f.rule, f.severity) for f in findings} == {
        (OVERDUE, WARNING), (FUTURE, WARNING), (INTERVAL, WARNING)}


def test_the_review_date_today_is_not_overdue(check, primary: str) -> None:
    text = dated(primary, TODAY - timedelta(days=300), TODAY)
    findings = check(text)
    assert of_rule(findings, OVERDUE) == []
    assert where(findings, DUE_SOON) == [(line_of(text, "next_review:"), WARNING)]


@pytest.mark.parametrize("days, warned", [(1, True), (30, True), (31, False), (200, False)])
def test_a_review_within_the_window_is_due_soon(check, primary: str, days: int, warned: bool) -> None:
    text = dated(primary, TODAY - timedelta(days=200), TODAY + timedelta(days=days))
    findings = of_rule(check(text), DUE_SOON)
    assert [(f.line, f.severity) for f in findings] == (
        [(line_of(text, "next_review:"), WARNING)] if warned else [])
    if warned:
        assert f"in {days} days" in findings[0].message


def test_next_review_must_be_after_last_reviewed(check, primary: str) -> None:
    text = dated(primary, "2026-10-01", "2026-10-01")
    findings = of_rule(check(text, today=TODAY.replace(day=1, month=10)), INTERVAL)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "next_review:"), ERROR)]
    assert "must be after" in findings[0].message


def test_next_review_at_most_the_interval_after_last_reviewed(check, primary: str) -> None:
    assert of_rule(check(dated(primary, "2026-09-12", "2027-09-12")), INTERVAL) == []
    text = dated(primary, "2026-09-12", "2027-09-13")
    findings = of_rule(check(text), INTERVAL)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "next_review:"), ERROR)]
    assert "12 September 2027 or earlier" in findings[0].message


def test_a_review_in_the_future_is_an_error(check, primary: str) -> None:
    text = dated(primary, TODAY + timedelta(days=1), TODAY + timedelta(days=200))
    findings = of_rule(check(text), FUTURE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "last_reviewed:"), ERROR)]
    assert of_rule(check(dated(primary, TODAY, TODAY + timedelta(days=200))), FUTURE) == []


def test_quoted_and_timed_dates_are_read_as_dates(check, primary: str) -> None:
    text = dated(primary, '"2026-09-12"', "2027-09-12 09:00:00")
    findings = check(text)
    assert review_findings(findings) == []  # a time on the date does not break the review rules
    assert where(findings, "front-matter/bad-value") == [(line_of(text, "next_review:"), ERROR)]


def test_unreadable_dates_leave_the_review_rules_to_the_front_matter_check(check, primary: str) -> None:
    text = dated(primary, "last spring", "2027-02-30")
    findings = check(text)
    assert review_findings(findings) == []
    assert len(of_rule(findings, "front-matter/bad-value")) == 2
