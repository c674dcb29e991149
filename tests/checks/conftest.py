"""Fixtures for the check tests; see helpers.py for building offers.

The borough is loaded once per session (reading the question bank takes a while) and its
offers/ folder and localoffer.yml are put back to the demo's before each test.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough

from .helpers import offer_text, run


@pytest.fixture(scope="session")
def _shared_borough(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Borough:
    folder = tmp_path_factory.mktemp("checks-borough")
    shutil.copy(repo_root / "localoffer.yml", folder / "localoffer.yml")
    return load_borough(folder / "localoffer.yml")


@pytest.fixture
def borough_dir(_shared_borough: Borough, repo_root: Path) -> Path:
    """The shared borough's folder, with the demo's localoffer.yml, an empty offers/ and no
    feedback/."""
    root = _shared_borough.root
    shutil.copy(repo_root / "localoffer.yml", root / "localoffer.yml")
    shutil.rmtree(root / "feedback", ignore_errors=True)
    shutil.rmtree(root / "offers", ignore_errors=True)
    (root / "offers").mkdir()
    return root


@pytest.fixture
def borough(_shared_borough: Borough, borough_dir: Path) -> Borough:
    return _shared_borough


@pytest.fixture(scope="session")
def _primary_text(_shared_borough: Borough) -> str:
    return offer_text(_shared_borough, "primary")


@pytest.fixture
def primary(_primary_text: str) -> str:
    """A primary school's offer that passes every check."""
    return _primary_text


@pytest.fixture
def check(borough: Borough, borough_dir: Path):
    """check(text, ...) -> findings, for an offer written into the borough's offers/ folder."""
    def check(text: str | bytes, **options):
        return run(borough, borough_dir, text, **options)
    return check
