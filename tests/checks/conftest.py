"""Fixtures for the check tests; see helpers.py for building offers."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough

from .helpers import offer_text


@pytest.fixture
def primary(borough: Borough) -> str:
    """A primary school's offer that passes every check."""
    return offer_text(borough, "primary")


@pytest.fixture
def check(borough: Borough, borough_dir: Path):
    """check(text, ...) -> findings, for an offer written into the borough's offers/ folder."""
    from .helpers import run

    def check(text: str | bytes, **options):
        return run(borough, borough_dir, text, **options)
    return check
