"""`localoffer export --format csv`: one line per setting for spreadsheets. The columns and
their order are stable (new ones are only ever added at the end); lists are joined with ';'."""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from localoffer.borough import Borough
from localoffer.exporting.records import Setting, record
from localoffer.reporting.spreadsheet import safe_cell

COLUMNS = (
    "slug", "name", "url", "type", "type_label", "status", "urn", "ukprn", "age_from",
    "age_to", "address", "town", "ward", "postcode", "website", "phone", "senco_name",
    "senco_email", "senco_phone", "question_set", "last_reviewed", "next_review",
    "approved_by", "review_state", "complete", "areas_required", "areas_covered",
    "areas_missing", "statutory_uncovered", "errors", "warnings", "reading_ease", "languages",
    "specialist_provision", "maintainers",
)


def row(setting: Setting) -> list[Any]:
    data = record(setting)
    for key in ("name", "email", "phone"):
        data[f"senco_{key}"] = data["senco"][key]
    cells = []
    for column in COLUMNS:
        value = data[column]
        if isinstance(value, list):
            value = ";".join(value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        elif value is None:
            value = ""
        cells.append(safe_cell(value))
    return cells


def render(_borough: Borough, found: list[Setting], _today: date, _site: str | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(setting) for setting in found)
    return out.getvalue()
