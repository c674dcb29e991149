"""The web editor's tests run with a fixed date."""
from __future__ import annotations

import pytest

from testpaths import TODAY


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALOFFER_TODAY", TODAY.isoformat())
