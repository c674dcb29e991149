"""Shared fixtures: the demo borough, and small boroughs made in temporary folders."""
from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from localoffer.borough import Borough, load_borough

from testpaths import REPO_ROOT


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium, one per test process: Playwright's sync API allows only one
    running instance per thread, so every browser test (site and report) shares this one."""
    sys.path.insert(0, str(REPO_ROOT / "tests" / "browser"))
    from browser_harness import CHROMIUM, CHROMIUM_ARGS, launch_problem

    if not CHROMIUM.is_file():
        pytest.fail(launch_problem(), pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as error:
            pytest.fail(f"Chromium at {CHROMIUM} would not start: {error}", pytrace=False)
        yield chromium
        chromium.close()


# The fuzz tests (tests/fuzzing/) record how many inputs each ran; the total is printed at the
# end of the run, also under pytest-xdist, whose workers send each test's report here.
_FUZZED = {"fuzzed_in_process": 0, "fuzzed_through_the_command": 0}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed:
        for name, value in report.user_properties:
            if name in _FUZZED:
                _FUZZED[name] += int(value)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if any(_FUZZED.values()):
        terminalreporter.write_line(
            f"fuzzed: {_FUZZED['fuzzed_in_process']:,} generated inputs in process, "
            f"{_FUZZED['fuzzed_through_the_command']:,} through the localoffer command "
            "(tests/fuzzing/)")
