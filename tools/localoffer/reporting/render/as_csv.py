"""The report as CSV for spreadsheets: one line per setting, with a column per area."""
from __future__ import annotations

import csv
import io

from localoffer.reporting.data import ROW_COLUMNS, row_cells
from localoffer.reporting.report import Report
from localoffer.reporting.spreadsheet import safe_cell


def render(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*ROW_COLUMNS, *(f"area:{area}" for area in report.borough.areas)])
    for row in report.rows:
        writer.writerow([safe_cell(value) for value in row_cells(row, report)])
    return out.getvalue()
