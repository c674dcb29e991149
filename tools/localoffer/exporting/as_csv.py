"""`localoffer export --format csv`: one line per setting for spreadsheets. The columns and
their order are stable (new ones are only ever added at the end); lists are joined with ';'."""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any, Iterable, Iterator

from localoffer.borough import Borough
from localoffer.exporting.records import Setting, record, sort_key
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


def render(_borough: Borough, found: Iterable[Setting], _today: date,
           _site: str | None) -> Iterator[str]:
    """The CSV text. Rows are small, so they are kept (not the offers) and sorted at the end."""
    rows = sorted(((sort_key(setting), row(setting)) for setting in found),
                  key=lambda keyed: keyed[0])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(cells for _key, cells in rows)
    return iter([out.getvalue()])
