"""The report as a readable table for the terminal."""
from __future__ import annotations

from typing import Sequence

from localoffer.reporting.charts import history_chart, reading_ease_chart
from localoffer.reporting.coverage import CELL_SYMBOLS
from localoffer.reporting.render import common
from localoffer.reporting.report import Report

NAME_WIDTH = 40


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    """Columns padded to their widest cell; the first `left` columns left-aligned, the rest
    (numbers) right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) if index < left else str(cell).rjust(width)
                         for index, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), "  ".join("-" * width for width in widths), *map(line, rows)]


def _short(text: str, width: int = NAME_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: Report) -> str:
    lines = [common.title(report), common.subtitle(report), ""]
    lines += ["How up to date are these offers?", ""]
    rows = [(_short(cells[0]), *cells[1:]) for cells in map(common.row_cells, report.rows)]
    lines += table(common.ROW_HEADERS, rows, left=6) if rows else ["There are no offers yet."]
    lines += _waiting(report)
    lines += ["", "Totals by type of setting", ""]
    lines += table(common.TOTALS_HEADERS, [common.totals_cells(t) for t in report.totals])
    gaps = [(row.name, common.gaps(row, report)) for row in report.rows]
    gaps = [(name, text) for name, text in gaps if text]
    if gaps:
        lines += ["", "What each offer leaves out", ""]
        lines += [f"{name}: {text}" for name, text in gaps]
    lines += ["", "Which questions do the offers answer?", ""]
    area_rows = [common.area_cells(area)[:-1] for area in report.areas]
    lines += table(common.AREA_HEADERS[:-1], area_rows)
    concerns = [(area.title, " ".join(area.concerns)) for area in report.areas if area.concerns]
    if concerns:
        lines += ["", "Areas the borough answers poorly or not at all", ""]
        lines += [f"{name}: {text}" for name, text in concerns]
    lines += ["", *_matrix(report)]
    lines += ["", "How easy are the offers to read?", ""]
    chart = reading_ease_chart(report)
    lines += [chart.description, "", *table(*chart.table)]
    if report.history:
        chart = history_chart(report.history)
        lines += ["", chart.heading, "", chart.description, "", *table(*chart.table)]
    if report.translations:
        lines += ["", "Translations", "", *table(*common.translation_table(report), left=4)]
    return "\n".join(lines) + "\n"


def _matrix(report: Report) -> list[str]:
    areas = list(report.borough.areas)
    lines = ["Which areas each setting answers", "", f"Key: {common.MATRIX_KEY}.", "Areas:"]
    lines += [f"{number:>4}  {report.area_title(area)}" for number, area in enumerate(areas, 1)]
    lines.append("")
    headers = ("Setting", *(str(number) for number in range(1, len(areas) + 1)))
    rows = [(_short(row.name), *(CELL_SYMBOLS[report.cell(row, area)] for area in areas))
            for row in report.rows]
    return lines + (table(headers, rows) if rows else ["There are no offers yet."])


def _waiting(report: Report) -> list[str]:
    summary = common.waiting_summary(report)
    if summary is None:
        return []
    lines = ["", common.WAITING_HEADING, "", summary]
    if report.feedback_waiting:
        rows = [(cells[0], *cells[1:5], _short(cells[5]), cells[6])
                for cells in map(common.waiting_cells, report.feedback_waiting)]
        lines += ["", *table(common.WAITING_HEADERS, rows, left=len(common.WAITING_HEADERS))]
    return lines
