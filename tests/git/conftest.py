"""Every test here runs Git with the machine's and the user's configuration kept out.

This folder must have no __init__.py: as a package named `git` it would hide GitPython.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from gitrepos import isolated_git


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolated_git(monkeypatch, tmp_path / "home")
