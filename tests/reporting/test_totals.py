"""Totals by type of setting, and for the whole borough."""
from __future__ import annotations

from localoffer.borough import Borough
from localoffer.reporting import Report
from localoffer.review import ReviewState
from reporting.defects import Planted


def test_totals_by_type(defect_report: Report, defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    totals = {t.label: t for t in defect_report.totals}
    # Every type of the borough has a row, then unrecognised types, then all settings.
    assert [t.setting_type for t in defect_report.totals[: len(borough.setting_types)]] == list(
        borough.setting_types)
    assert [t.label for t in defect_report.totals[-2:]] == ["Type not recognised", "All settings"]
    all_through = totals["All-through school"]
    assert (all_through.settings, all_through.published, all_through.complete) == (1, 1, 1)
    assert all_through.state(ReviewState.OK) == 1
    special = totals["Special school"]  # setting-00009, a draft never published
    assert (special.settings, special.published, special.complete) == (1, 0, 0)
    assert special.state(ReviewState.NEVER_PUBLISHED) == 1
    assert totals["Type not recognised"].settings == 2  # unknown type and unreadable
    for t in defect_report.totals[:-1]:
        expected = [p for p in planted.values() if (p.setting_type or None) == t.setting_type]
        assert t.settings == len(expected), t.label
        for state in ReviewState:
            assert t.state(state) == sum(1 for p in expected if p.state is state), (t.label, state)


def test_overall_totals(defect_report: Report, defects: tuple[Borough, dict[str, Planted]]) -> None:
    _, planted = defects
    overall = defect_report.overall
    assert overall.settings == 10
    assert overall.published == sum(1 for p in planted.values()
                                    if p.state is not ReviewState.NEVER_PUBLISHED) == 7
    assert {state: overall.state(state) for state in ReviewState} == {
        ReviewState.OK: 4, ReviewState.DUE_SOON: 1, ReviewState.OVERDUE: 1,
        ReviewState.NEVER_PUBLISHED: 3, ReviewState.UNKNOWN: 1}
    assert overall.errors == sum(row.errors for row in defect_report.rows)
    assert overall.with_errors == sum(1 for row in defect_report.rows if row.errors)
    assert overall.complete == sum(1 for row in defect_report.rows if row.complete)
