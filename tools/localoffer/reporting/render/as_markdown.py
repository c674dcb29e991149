"""The report as Markdown: headings and tables, for a wiki, an issue or an email."""
from __future__ import annotations

from typing import Sequence

from localoffer.reporting.charts import Chart, report_charts
from localoffer.reporting.coverage import CELL_SYMBOLS
from localoffer.reporting.render import common
from localoffer.reporting.report import Report


def _escape(cell: str) -> str:
    return (str(cell).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
            .replace("<", "&lt;").replace(">", "&gt;"))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    align = ["---" if index < left else "---:" for index in range(len(headers))]
    return ["| " + " | ".join(map(_escape, cells)) + " |"
            for cells in (headers, align, *rows)]


def render(report: Report) -> str:
    charts = {chart.id: chart for chart in report_charts(report)}
    lines = [f"# {_escape(common.title(report))}", "", _escape(common.subtitle(report)), ""]
    lines += _chart_section(charts["review-states"])
    summary = common.waiting_summary(report)
    if summary is not None:
        lines += [f"## {common.WAITING_HEADING}", "", _escape(summary), ""]
        if report.feedback_waiting:
            lines += table(common.WAITING_HEADERS,
                           [common.waiting_cells(item) for item in report.feedback_waiting],
                           left=len(common.WAITING_HEADERS))
            lines += [""]
    lines += ["### Totals by type of setting", ""]
    lines += table(common.TOTALS_HEADERS, [common.totals_cells(t) for t in report.totals])
    lines += ["", "### Every setting", ""]
    lines += (table(common.ROW_HEADERS, [common.row_cells(row) for row in report.rows], left=6)
              if report.rows else ["There are no offers yet."])
    gaps = [(row.name, common.gaps(row, report)) for row in report.rows]
    if any(text for _, text in gaps):
        lines += ["", "### What each offer leaves out", ""]
        lines += [f"- **{_escape(name)}**: {_escape(text)}" for name, text in gaps if text]
    lines += [""]
    lines += _chart_section(charts["coverage"])
    lines += ["### Areas in detail", ""]
    lines += table(common.AREA_HEADERS, [common.area_cells(area) for area in report.areas])
    lines += ["", "### Which areas each setting answers", "",
              f"Key: {common.MATRIX_KEY}. The columns are numbered in this order:", ""]
    areas = list(report.borough.areas)
    lines += [f"{number}. {_escape(report.area_title(area))}"
              for number, area in enumerate(areas, 1)]
    lines += [""]
    lines += table(("Setting", *(str(n) for n in range(1, len(areas) + 1))),
                   [(row.name, *(CELL_SYMBOLS[report.cell(row, a)] for a in areas))
                    for row in report.rows])
    lines += [""]
    lines += _chart_section(charts["reading-ease"])
    if "history" in charts:
        lines += _chart_section(charts["history"])
    if report.translations:
        lines += ["## Translations", "", *table(*common.translation_table(report), left=4), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _chart_section(chart: Chart) -> list[str]:
    return [f"## {chart.heading}", "", _escape(chart.description), "", *table(*chart.table), ""]
