"""Site tests run with a fixed date, so review states do not change as real time passes."""
from __future__ import annotations

import pytest

from site_helpers import TODAY


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALOFFER_TODAY", TODAY)
