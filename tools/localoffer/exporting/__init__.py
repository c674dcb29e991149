"""Exports for other systems: every setting as JSON (with a documented schema) or CSV, and the
published offers as Open Referral UK records. docs/data/exports.md describes each format.

Each exporter takes the settings one by one, as their offers are read and checked, keeps only
what it writes of each (sorted by name at the end), and gives back the text in pieces, so an
export of 10,000 offers never holds them all (benchmarks/bench_export.py measures it).
"""
from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

from localoffer.borough import Borough
from localoffer.exporting import as_csv, as_json, openreferral
from localoffer.exporting.records import Setting, checked_settings
from localoffer.exporting.urls import site_url
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files, known_slugs

# Reads every setting before it returns (so a problem is reported before any output is
# written), then gives the text in pieces.
Exporter = Callable[[Borough, Iterable[Setting], date, "str | None"], Iterator[str]]
EXPORTERS: dict[str, Exporter] = {
    "json": as_json.render,
    "csv": as_csv.render,
    "openreferral": openreferral.render,
}
FORMATS = tuple(EXPORTERS)


def export_pieces(borough: Borough, output_format: str, today: date,
                  site: str | None = None) -> Iterator[str]:
    """The export of every offer in the working folder, as pieces of text to write in turn."""
    paths = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    address = site_url(borough, site)
    found = checked_settings(borough, (load_offer(path, borough) for path in paths), today,
                             address, known_slugs(borough))
    return EXPORTERS[output_format](borough, found, today, address)


def export(borough: Borough, output_format: str, today: date, site: str | None = None) -> str:
    """The whole export as one text (for tests and small boroughs)."""
    return "".join(export_pieces(borough, output_format, today, site))


def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with localoffer: as_json.SCHEMA_FILE or openreferral.SCHEMA_FILE."""
    return json.loads((resources.files("localoffer.exporting") / "schemas" / name)
                      .read_text(encoding="utf-8"))


__all__ = ["EXPORTERS", "FORMATS", "export", "export_pieces", "schema"]
