"""One renderer per output format; each takes a Report and returns the whole output as text."""
from __future__ import annotations

from typing import Callable

from localoffer.reporting.report import Report
from localoffer.reporting.render import as_csv, as_html, as_json, as_markdown, as_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": as_text.render,
    "csv": as_csv.render,
    "json": as_json.render,
    "md": as_markdown.render,
    "html": as_html.render,
}
FORMATS = tuple(RENDERERS)


def render(report: Report, output_format: str) -> str:
    return RENDERERS[output_format](report)
