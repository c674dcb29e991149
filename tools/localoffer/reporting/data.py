"""The report as plain data (dicts, lists, strings and numbers): for JSON, CSV and exports."""
from __future__ import annotations

from datetime import date
from typing import Any

from localoffer.reporting.coverage import AreaSummary
from localoffer.reporting.as_published import MonthCount
from localoffer.reporting.report import Report
from localoffer.reporting.rows import SettingRow
from localoffer.reporting.totals import Totals
from localoffer.review import ReviewState

# Columns of the report's CSV, in order (one more per area: "area:<id>").
ROW_COLUMNS = (
    "slug", "name", "path", "type", "type_label", "status", "last_reviewed", "next_review",
    "review_state", "complete", "areas_required", "areas_answered", "areas_missing",
    "statutory_uncovered_count", "statutory_uncovered", "errors", "warnings", "reading_ease",
)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def row_data(row: SettingRow, report: Report) -> dict[str, Any]:
    return {
        "slug": row.slug,
        "name": row.name,
        "path": row.path,
        "type": row.setting_type,
        "type_label": row.type_label,
        "status": row.status,
        "readable": row.readable,
        "last_reviewed": iso(row.last_reviewed),
        "next_review": iso(row.next_review),
        "review_state": row.review_state.value,
        "complete": row.complete,
        "areas_required": list(row.areas_required),
        "areas_covered": list(row.areas_covered),
        "areas_missing": list(row.areas_missing),
        "statutory_uncovered": list(row.statutory_uncovered),
        "errors": row.errors,
        "warnings": row.warnings,
        "reading_ease": row.reading_ease,
        "coverage": {area: report.cell(row, area).value for area in report.borough.areas},
    }


def row_cells(row: SettingRow, report: Report) -> list[Any]:
    """One CSV line: ROW_COLUMNS, then the coverage cell of each area."""
    return [
        row.slug, row.name, row.path, row.setting_type or "", row.type_label, row.status,
        iso(row.last_reviewed) or "", iso(row.next_review) or "", row.review_state.value,
        "yes" if row.complete else "no", len(row.areas_required), row.required_covered,
        ";".join(row.areas_missing), len(row.statutory_uncovered),
        ";".join(row.statutory_uncovered), row.errors, row.warnings,
        "" if row.reading_ease is None else f"{row.reading_ease:.1f}",
        *(report.cell(row, area).value for area in report.borough.areas),
    ]


def totals_data(totals: Totals) -> dict[str, Any]:
    return {
        "type": totals.setting_type,
        "label": totals.label,
        "settings": totals.settings,
        "published": totals.published,
        "review_states": {state.value: totals.state(state) for state in ReviewState},
        "complete": totals.complete,
        "settings_with_errors": totals.with_errors,
        "errors": totals.errors,
        "warnings": totals.warnings,
        "reading_ease": totals.reading_ease,
    }


def area_data(area: AreaSummary) -> dict[str, Any]:
    return {
        "id": area.id,
        "title": area.title,
        "statutory": list(area.statutory),
        "required_by": area.required_by,
        "answered_by_required": area.covered_required,
        "answered_by": area.covered_by,
        "missing_in": list(area.missing_in),
        "answers": area.answers,
        "mean_words": area.mean_words,
        "short_answers": area.short_answers,
        "reading_ease": area.reading_ease,
        "concerns": list(area.concerns),
    }


def month_data(count: MonthCount) -> dict[str, Any]:
    return {"month": count.month.strftime("%Y-%m"), "counted_on": iso(count.day),
            "offers": count.offers, "published": count.published, "overdue": count.overdue,
            "due_soon": count.due_soon}


def waiting_data(report: Report) -> list[dict[str, Any]] | None:
    if report.feedback_waiting is None:
        return None
    return [{"path": item.path, "title": item.title, "about": item.about, "theme": item.theme,
             "status": item.status, "received": iso(item.received), "days_waiting": item.days}
            for item in report.feedback_waiting]


def report_data(report: Report) -> dict[str, Any]:
    return {
        "borough": report.borough.name,
        "today": iso(report.today),
        "as_of": iso(report.as_of),
        "source": report.source or "the offers in the working folder",
        "settings": [row_data(row, report) for row in report.rows],
        "totals": [totals_data(totals) for totals in report.totals],
        "areas": [area_data(area) for area in report.areas],
        "history": ([month_data(count) for count in report.history]
                    if report.history is not None else None),
        "feedback_not_done": waiting_data(report),
        "translations": [item.as_dict() for item in report.translations],
    }
