"""`localoffer export --format json`: every setting, documented in docs/data/exports.md and
described by schemas/localoffer-export-1.schema.json."""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from localoffer.borough import Borough
from localoffer.exporting.records import Setting, record

FORMAT = "localoffer-export"
FORMAT_VERSION = 1
SCHEMA_FILE = "localoffer-export-1.schema.json"


def export_data(borough: Borough, found: list[Setting], today: date,
                site: str | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "borough": {"name": borough.name, "local_offer_url": borough.local_offer_url or None},
        "generated_on": today.isoformat(),
        "site_url": site,
        "count": len(found),
        "settings": [record(setting) for setting in found],
    }


def render(borough: Borough, found: list[Setting], today: date, site: str | None) -> str:
    return json.dumps(export_data(borough, found, today, site), indent=2,
                      ensure_ascii=False) + "\n"
