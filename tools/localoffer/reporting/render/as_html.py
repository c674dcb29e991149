"""The report as one self-contained HTML page: inline CSS and SVG charts, no JavaScript, no
files or fonts from elsewhere, so it can be emailed or opened offline."""
from __future__ import annotations

from localoffer.markup import Markup, fragment
from localoffer.reporting.charts import report_charts
from localoffer.reporting.render import common
from localoffer.reporting.render.html_parts import (
    CSS,
    areas_table,
    chart_block,
    dated,
    figures,
    matrix,
    scrolling,
    settings_table,
    table,
    totals_table,
)
from localoffer.reporting.report import Report

_PAGE = "report.html"


def render(report: Report) -> str:
    """The page, from reporting/templates/report.html: every name escaped there."""
    charts = {chart.id: chart for chart in report_charts(report)}
    sections = [
        ("summary", "At a glance", figures(report)),
        ("review-states", charts["review-states"].heading,
         chart_block(charts["review-states"]) + totals_table(report)),
        ("coverage", charts["coverage"].heading,
         chart_block(charts["coverage"]) + _concerns(report) + areas_table(report)
         + fragment(_PAGE, "matrix_heading") + matrix(report)),
        ("reading-ease", charts["reading-ease"].heading, chart_block(charts["reading-ease"])),
        ("history", "How has this changed month by month?",
         chart_block(charts["history"]) if "history" in charts else fragment(_PAGE, "no_history")),
        ("settings", "Every setting", settings_table(report) + _gaps(report)),
    ]
    if report.feedback_waiting is not None:
        sections.insert(2, ("you-said-we-did", common.WAITING_HEADING, _waiting(report)))
    return str(fragment(_PAGE, "page", common.title(report), dated(report), Markup(CSS),
                        sections, common.day(report.today)))


def _concerns(report: Report) -> Markup:
    return fragment(_PAGE, "concerns", [(area.title, " ".join(area.concerns))
                                        for area in report.areas if area.concerns])


def _gaps(report: Report) -> Markup:
    items = [(row.name, common.gaps(row, report)) for row in report.rows]
    return fragment(_PAGE, "gaps", [(name, text) for name, text in items if text])


def _waiting(report: Report) -> Markup:
    summary = fragment(_PAGE, "paragraph", common.waiting_summary(report) or "")
    if not report.feedback_waiting:
        return summary
    rows = [common.waiting_cells(item) for item in report.feedback_waiting]
    return summary + scrolling(table(common.WAITING_HEADERS, rows,
                                     "Items not done yet, longest waiting first", numeric=()),
                               "Items not done yet")
