"""One row per setting: every state, count and list is right on a borough with known defects."""
from __future__ import annotations

from collections import Counter

from localoffer.borough import Borough
from localoffer.checks import run_checks
from localoffer.model import Severity
from localoffer.reporting import Report
from localoffer.review import ReviewState
from reporting.defects import TODAY, Planted, expected_areas, expected_statutory_gaps


def test_every_offer_has_one_row(defect_report: Report, defects: tuple[Borough, dict]) -> None:
    _, planted = defects
    assert sorted(row.slug for row in defect_report.rows) == sorted(planted)


def test_review_states(defect_report: Report, defects: tuple[Borough, dict[str, Planted]]) -> None:
    _, planted = defects
    states = {row.slug: row.review_state for row in defect_report.rows}
    assert states == {slug: item.state for slug, item in planted.items()}
    # Each state appears: the borough exercises all five.
    assert set(states.values()) == set(ReviewState)


def test_status_type_and_readability(defect_report: Report,
                                     defects: tuple[Borough, dict[str, Planted]]) -> None:
    _, planted = defects
    for row in defect_report.rows:
        item = planted[row.slug]
        assert (row.setting_type, row.readable, row.status) == (
            item.setting_type, item.readable, item.status), row.slug
    unknown = [row for row in defect_report.rows if row.setting_type is None]
    assert {row.type_label for row in unknown} == {"Type not recognised"}


def test_areas_and_statutory_items(defect_report: Report,
                                   defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    for row in defect_report.rows:
        covered, required = expected_areas(borough, planted[row.slug])
        assert set(row.areas_covered) == covered, row.slug
        assert set(row.areas_required) == required, row.slug
        assert set(row.areas_missing) == required - covered, row.slug
        assert row.required_covered == len(required & covered), row.slug
        assert set(row.statutory_uncovered) == expected_statutory_gaps(borough, planted[row.slug])
        assert row.complete == (row.readable and row.setting_type is not None
                                and not required - covered), row.slug


def test_dropped_sections_show_as_named_gaps(defect_report: Report) -> None:
    rows = {row.slug: row for row in defect_report.rows}
    childminder = rows["setting-00001"]
    assert childminder.areas_missing == ("complaints", "contacts")
    assert childminder.statutory_uncovered == ("sch1-4", "sch1-9", "sch1-11", "sch1-13")
    secondary = rows["setting-00006"]
    assert secondary.areas_missing == ("child-voice", "wellbeing", "behaviour-and-semh")
    assert set(secondary.statutory_uncovered) == {"sch1-3g", "sch1-8"}
    assert not rows["setting-00000"].areas_missing and rows["setting-00000"].complete


def test_error_and_warning_counts_match_localoffer_check(
        defect_report: Report, defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, _ = defects
    findings = run_checks([borough.offers_dir], borough, TODAY).findings
    errors = Counter(f.path.split("/")[-2] for f in findings if f.severity is Severity.ERROR)
    warnings = Counter(f.path.split("/")[-2] for f in findings if f.severity is Severity.WARNING)
    for row in defect_report.rows:
        assert (row.errors, row.warnings) == (errors[row.slug], warnings[row.slug]), row.slug
    rows = {row.slug: row for row in defect_report.rows}
    assert rows["setting-00000"].errors == 0
    for broken in ("setting-00001", "setting-00002", "setting-00005", "setting-00006"):
        assert rows[broken].errors > 0, broken  # missing sections, overdue, unreadable
    assert rows["setting-00003"].warnings > 0  # due soon


def test_reading_ease_of_each_setting(defect_report: Report) -> None:
    """The mean Flesch reading ease of each offer's scored sections, as measured when the
    synthetic offers gained their evidence sentences (setting 5 cannot be read, so it has
    none)."""
    assert {row.slug: row.reading_ease for row in defect_report.rows} == {
        "setting-00000": 86.5, "setting-00001": 82.8, "setting-00002": 82.8,
        "setting-00003": 86.6, "setting-00004": 82.6, "setting-00005": None,
        "setting-00006": 83.4, "setting-00007": 83.8, "setting-00008": 85.2,
        "setting-00009": 83.7}
    unreadable = next(row for row in defect_report.rows if not row.readable)
    assert unreadable.slug == "setting-00005" and unreadable.reading_ease is None


def test_demo_borough_is_complete_and_up_to_date(demo_report: Report) -> None:
    assert len(demo_report.rows) == 12
    assert all(row.review_state is ReviewState.OK for row in demo_report.rows)
    assert all(row.complete and not row.statutory_uncovered for row in demo_report.rows)
    assert [row.name for row in demo_report.rows] == sorted(
        (row.name for row in demo_report.rows), key=str.casefold)
