"""Fixtures: a generated borough with known defects, and its report."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.reporting import Report, report_on_folder
from reporting.defects import TODAY, Planted, write_defect_borough


@pytest.fixture
def defects(borough_dir: Path) -> tuple[Borough, dict[str, Planted]]:
    borough = load_borough(borough_dir / "localoffer.yml")
    return borough, write_defect_borough(borough, borough_dir)


@pytest.fixture
def defect_report(defects: tuple[Borough, dict[str, Planted]]) -> Report:
    borough, _ = defects
    return report_on_folder(borough, TODAY, history=False)


@pytest.fixture(scope="session")
def demo_report(demo_borough: Borough) -> Report:
    from testpaths import TODAY as DEMO_TODAY

    return report_on_folder(demo_borough, DEMO_TODAY, history=False)
