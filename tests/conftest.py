"""Shared fixtures: the demo borough, and small boroughs made in temporary folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough

from testpaths import REPO_ROOT, TODAY  # noqa: F401  (TODAY is re-exported for older imports)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def demo_borough() -> Borough:
    return load_borough(REPO_ROOT / "localoffer.yml")


@pytest.fixture
def borough_dir(tmp_path: Path) -> Path:
    """An empty borough: the demo's localoffer.yml and an empty offers/ folder."""
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    (tmp_path / "offers").mkdir()
    return tmp_path


@pytest.fixture
def borough(borough_dir: Path) -> Borough:
    return load_borough(borough_dir / "localoffer.yml")
