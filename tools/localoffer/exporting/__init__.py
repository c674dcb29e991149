"""Exports for other systems: every setting as JSON (with a documented schema) or CSV, and the
published offers as Open Referral UK records. docs/data/exports.md describes each format."""
from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any, Callable

from localoffer.borough import Borough
from localoffer.exporting import as_csv, as_json, openreferral
from localoffer.exporting.records import Setting, settings
from localoffer.exporting.urls import site_url
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files, known_slugs

Exporter = Callable[[Borough, list[Setting], date, "str | None"], str]
EXPORTERS: dict[str, Exporter] = {
    "json": as_json.render,
    "csv": as_csv.render,
    "openreferral": openreferral.render,
}
FORMATS = tuple(EXPORTERS)


def export(borough: Borough, output_format: str, today: date, site: str | None = None) -> str:
    """The export of every offer in the working folder, as text."""
    paths = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    address = site_url(borough, site)
    found = settings(borough, (load_offer(path, borough) for path in paths), today, address,
                     known_slugs(borough))
    return EXPORTERS[output_format](borough, found, today, address)


def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with localoffer: as_json.SCHEMA_FILE or openreferral.SCHEMA_FILE."""
    return json.loads((resources.files("localoffer.exporting") / "schemas" / name)
                      .read_text(encoding="utf-8"))


__all__ = ["EXPORTERS", "FORMATS", "export", "schema"]
