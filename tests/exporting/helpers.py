"""Exporting the boroughs of the tests."""
from __future__ import annotations

import json
from typing import Any

from localoffer.borough import Borough
from localoffer.exporting import export
from reporting.defects import TODAY

SITE = "https://localoffer.calderbrook.example"


def exported(borough: Borough, output_format: str) -> Any:
    return json.loads(export(borough, output_format, TODAY, SITE))
