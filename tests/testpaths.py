"""Paths and the pinned date shared by tests (a module of its own name, importable anywhere)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# The date the demo borough's review dates are checked against in tests.
TODAY = date(2026, 11, 28)
