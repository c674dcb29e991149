"""Wording and figures shared by the renderers."""
from __future__ import annotations

from datetime import date

from localoffer.review import ReviewState, long_date
from localoffer.reporting.coverage import AreaSummary
from localoffer.reporting.report import Report
from localoffer.reporting.feedback_waiting import WaitingItem
from localoffer.reporting.rows import SettingRow
from localoffer.reporting.totals import Totals

MATRIX_KEY = "Y answers it, N must answer it but does not, . does not have to answer it"

TOTALS_HEADERS = ("Type of setting", "Settings", "Published", "Up to date", "Due soon",
                  "Overdue", "Never published", "No review date", "Complete",
                  "With errors", "Reading ease")
ROW_HEADERS = ("Setting", "Type", "Status", "Last reviewed", "Next review", "Review",
               "Areas answered", "Statutory gaps", "Errors", "Warnings", "Reading ease")
WAITING_HEADING = "You said, we did: not done yet"
WAITING_HEADERS = ("Waiting", "Received", "Status", "Theme", "About", "Item",
                   "File")
AREA_HEADERS = ("Area", "Must answer", "Answer", "Missing", "Mean words", "Very short",
                "Reading ease", "Concerns")


def title(report: Report) -> str:
    borough = report.borough.name or "the borough"
    return f"Local Offer report for {borough}"


def subtitle(report: Report) -> str:
    if report.as_of is not None:
        return f"The offers {report.source}."
    return f"The offers as they are on {long_date(report.today)}."


def day(value: date | None) -> str:
    return value.isoformat() if value is not None else "-"


def ease(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "-"


def areas_answered(row: SettingRow) -> str:
    if not row.areas_required:
        return f"{len(row.areas_covered)}" if row.readable else "-"
    return f"{row.required_covered} of {len(row.areas_required)}"


def row_cells(row: SettingRow) -> tuple[str, ...]:
    return (row.name, row.type_label, row.status if row.readable else "unreadable",
            day(row.last_reviewed), day(row.next_review), row.state_label,
            areas_answered(row), str(len(row.statutory_uncovered)), str(row.errors),
            str(row.warnings), ease(row.reading_ease))


def totals_cells(totals: Totals) -> tuple[str, ...]:
    return (totals.label, str(totals.settings), str(totals.published),
            str(totals.state(ReviewState.OK)), str(totals.state(ReviewState.DUE_SOON)),
            str(totals.state(ReviewState.OVERDUE)),
            str(totals.state(ReviewState.NEVER_PUBLISHED)),
            str(totals.state(ReviewState.UNKNOWN)), str(totals.complete),
            str(totals.with_errors), ease(totals.reading_ease))


def area_cells(area: AreaSummary) -> tuple[str, ...]:
    return (area.title, str(area.required_by), str(area.covered_required),
            str(len(area.missing_in)),
            f"{area.mean_words:.0f}" if area.mean_words is not None else "-",
            str(area.short_answers), ease(area.reading_ease),
            " ".join(area.concerns) or "None")


def gaps(row: SettingRow, report: Report) -> str | None:
    """What an offer leaves out, in a sentence, or None when nothing."""
    parts = []
    if not row.readable:
        parts.append("the file could not be read (run 'localoffer check' to see why)")
    elif row.setting_type is None:
        parts.append("its type of setting is missing or not one the borough knows")
    if row.areas_missing:
        parts.append("no answer on " + "; ".join(report.area_title(a) for a in row.areas_missing))
    if row.statutory_uncovered:
        parts.append("statutory items not covered: "
                     + "; ".join(report.statutory_short(i) for i in row.statutory_uncovered))
    return ". ".join(part[0].upper() + part[1:] for part in parts) + "." if parts else None


def waiting_summary(report: Report) -> str | None:
    """A sentence about the items not done yet, or None when the borough keeps none."""
    waiting = report.feedback_waiting
    if waiting is None:
        return None
    if not waiting:
        return "Every item in feedback/ is done."
    longest = waiting[0]
    return (f"{len(waiting)} item{'s' if len(waiting) != 1 else ''} not done yet; the longest "
            f"has waited {waited(longest.days)} since {long_date(longest.received)}.")


def waited(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"


def waiting_cells(item: WaitingItem) -> tuple[str, ...]:
    return (waited(item.days), day(item.received), item.status, item.theme, item.about,
            item.title, item.path)


TRANSLATION_HEADERS = ("Setting", "Language", "Translated by", "Up to date?")


def translation_table(report: Report) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The translations, with a stale one said in words: (headers, rows)."""
    words = {"current": "yes", "stale": "no: out of date", "unknown": "cannot tell"}
    rows = [(item.name, item.language_name, item.translated_by or "not recorded",
             f"{words[item.state.freshness.value]} ({item.state.reason})")
            for item in report.translations]
    return TRANSLATION_HEADERS, rows
