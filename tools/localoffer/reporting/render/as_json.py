"""The report as JSON: every row, total, area and month, for other programs."""
from __future__ import annotations

import json

from localoffer.reporting.data import report_data
from localoffer.reporting.report import Report


def render(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
