"""Pieces of HTML shared by the report page and the site's dashboard page, rendered by the
templates of reporting/templates/report_parts.html through the one escaping path
(localoffer/markup.py): a setting's name is text, never markup.

Every chart has a text alternative (its <title> and <desc>, and a caption) and the table of
its data beside it.
"""
from __future__ import annotations

from typing import Callable, Sequence

from localoffer.markup import Markup, fragment
from localoffer.review import ReviewState, long_date
from localoffer.reporting.charts import Chart
from localoffer.reporting.render import common
from localoffer.reporting.report import Report
from localoffer.reporting.rows import SettingRow
from localoffer.reporting.svg import chart_svg

# Where a setting's name links to (its page on the site), or None for no link.
Linker = Callable[[SettingRow], "str | None"]

STATE_CLASSES = {
    ReviewState.OK: "ok",
    ReviewState.DUE_SOON: "due-soon",
    ReviewState.OVERDUE: "overdue",
    ReviewState.NEVER_PUBLISHED: "never-published",
    ReviewState.UNKNOWN: "no-date",
}
_PARTS = "report_parts.html"

CSS = """
.lr-report{color:#1f1f1f;line-height:1.5;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.lr-report h2{margin-top:2.5rem}
.lr-report table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0 1rem}
.lr-report caption{text-align:left;font-weight:600;padding:.25rem 0}
.lr-report th,.lr-report td{border-bottom:1px solid #c8c8c8;padding:.3rem .6rem;text-align:left;vertical-align:top}
.lr-report thead th{border-bottom:2px solid #1f1f1f}
.lr-report .lr-num{text-align:right;font-variant-numeric:tabular-nums}
.lr-chart{display:grid;grid-template-columns:minmax(0,3fr) minmax(15rem,2fr);gap:1.5rem;align-items:start}
.lr-report .lr-chart figure{margin:0;display:block;max-width:none}
.lr-report .lr-chart figcaption{font-size:.95rem;margin:.5rem 0 0;text-align:left;font-style:normal;max-width:none}
.lr-chart svg{max-width:100%;height:auto}
@media (max-width:60rem){.lr-chart{grid-template-columns:minmax(0,1fr)}}
.lr-dashboard .lr-chart{grid-template-columns:minmax(0,1fr)}
.lr-report ul.lr-figures{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:1rem 0}
.lr-report ul.lr-figures li{border:1px solid #c8c8c8;border-left:.4rem solid #0072B2;padding:.5rem .9rem;min-width:8.5rem;margin:0;list-style:none}
.lr-report ul.lr-figures li.lr-due-soon{border-left-color:#E69F00}
.lr-report ul.lr-figures li.lr-overdue{border-left-color:#D55E00}
.lr-report ul.lr-figures li.lr-never-published{border-left-color:#6B6B6B}
.lr-figures strong{display:block;font-size:1.8rem;line-height:1.2}
.lr-state::before{content:"";display:inline-block;width:.7em;height:.7em;margin-right:.4em;border-radius:2px;background:#0072B2}
.lr-state.lr-due-soon::before{background:#E69F00}
.lr-state.lr-overdue::before{background:#D55E00}
.lr-state.lr-never-published::before{background:#6B6B6B}
.lr-state.lr-no-date::before{background:#CC79A7}
.lr-scroll{overflow-x:auto;max-width:100%;position:relative}
.lr-scroll:focus{outline:3px solid #ffbf47}
.lr-matrix td,.lr-matrix th{text-align:center;padding:.2rem .35rem}
.lr-matrix th[scope=row],.lr-matrix thead th:first-child{text-align:left}
.lr-matrix td.lr-y{background:#dcebf7}
.lr-matrix td.lr-n{background:#fbe1d4;font-weight:700}
.lr-matrix td.lr-x{background:#f3f3f3}
.lr-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.lr-key{font-size:.95rem}
.lr-nowrap{white-space:nowrap}
"""

def table(headers: Sequence[str], rows: Sequence[Sequence[str | Markup]], caption: str = "",
          numeric: Sequence[int] | None = None) -> Markup:
    """A table whose first column heads each row. `numeric` columns (default: all but the
    first) are right-aligned numbers. Cells are text, or Markup made by these templates."""
    if numeric is None:
        numeric = range(1, len(headers))
    return fragment(_PARTS, "table", headers, rows, caption, tuple(numeric))


def scrolling(inner: Markup, label: str) -> Markup:
    """A wide table that scrolls sideways on a phone, reachable with the keyboard."""
    return fragment(_PARTS, "scrolling", inner, label)


def chart_block(chart: Chart) -> Markup:
    headers, rows = chart.table
    data = scrolling(table(headers, rows, caption=f"Figures: {chart.title}"), chart.title)
    return fragment(_PARTS, "chart_block", chart.id, chart_svg(chart), chart.description, data)


def figures(report: Report) -> Markup:
    overall = report.overall
    return fragment(_PARTS, "figures", [
        ("", overall.settings, "settings with an offer file"),
        ("", overall.published, "published"),
        ("ok", overall.state(ReviewState.OK), "up to date"),
        ("due-soon", overall.state(ReviewState.DUE_SOON), "due for review soon"),
        ("overdue", overall.state(ReviewState.OVERDUE), "overdue for review"),
        ("never-published", overall.state(ReviewState.NEVER_PUBLISHED), "never published"),
        ("", overall.complete, "answer every area they must"),
    ])


def state_html(row: SettingRow) -> Markup:
    return fragment(_PARTS, "state", STATE_CLASSES[row.review_state], row.state_label)


def setting_name(row: SettingRow, link: Linker | None) -> Markup:
    return fragment(_PARTS, "setting_name", row.name, link(row) if link is not None else None)


def settings_table(report: Report, link: Linker | None = None, quality: bool = True) -> Markup:
    """Every setting, one row each. Without `quality`, the error, warning and reading-ease
    columns (for LA officers) are left out: the public page shows dates and coverage."""
    headers = list(common.ROW_HEADERS if quality else common.ROW_HEADERS[:8])
    rows = []
    for row in report.rows:
        cells: list[str | Markup] = list(common.row_cells(row))
        cells[0] = setting_name(row, link)
        cells[5] = state_html(row)
        for date_column in (3, 4):
            cells[date_column] = fragment(_PARTS, "no_wrap", cells[date_column])
        rows.append(cells[: len(headers)])
    return scrolling(table(headers, rows, caption="Every setting's offer",
                           numeric=range(6, len(headers))), "Every setting's offer")


def totals_table(report: Report) -> Markup:
    return scrolling(table(common.TOTALS_HEADERS, [common.totals_cells(t) for t in report.totals],
                           caption="Totals by type of setting"), "Totals by type of setting")


def areas_table(report: Report) -> Markup:
    rows = [common.area_cells(area) for area in report.areas]
    # The last column (concerns) is words, not a number.
    return scrolling(table(common.AREA_HEADERS, rows, caption="Each area in detail",
                           numeric=range(1, len(common.AREA_HEADERS) - 1)),
                     "Each area in detail")


def matrix(report: Report, link: Linker | None = None) -> Markup:
    areas = list(report.borough.areas)
    titles = [report.area_title(area) for area in areas]
    rows = [(setting_name(row, link), [report.cell(row, area).value for area in areas])
            for row in report.rows]
    caption = "Which areas each setting answers"
    return fragment(_PARTS, "matrix_key", titles) + scrolling(
        fragment(_PARTS, "matrix", titles, rows, caption), caption)


def dated(report: Report) -> str:
    """The line under the report's title: plain text (the page's template escapes it)."""
    return common.subtitle(report) if report.as_of else (
        f"The offers as they are on {long_date(report.today)}.")
