"""Fixtures: a borough with known defects (the demo borough comes from tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from reporting.defects import Planted, write_defect_borough


@pytest.fixture
def defects(borough_dir: Path) -> tuple[Borough, dict[str, Planted]]:
    borough = load_borough(borough_dir / "localoffer.yml")
    return borough, write_defect_borough(borough, borough_dir)
