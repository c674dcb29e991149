"""Fixtures shared by the command tests that drive real Git repositories."""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from gitrepos import isolated_git, localoffer


@pytest.fixture
def git_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A temporary HOME and no system git config, so this machine's settings do not leak in."""
    isolated_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run `localoffer ARGS...` in process; returns (exit code, output)."""
    return partial(localoffer, monkeypatch, capsys)
