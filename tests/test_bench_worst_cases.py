"""The worst-case benchmark still runs: a table of the cases asked for, and its verdict."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_two_cases_are_timed_against_an_ordinary_offer_of_their_size() -> None:
    run = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "bench_worst_cases.py"),
                          "--cases", "short-lines,bracket-lines", "--repeat", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    rows = [line for line in run.stdout.splitlines() if line.startswith("| `")]
    assert sorted(row.split("`")[1] for row in rows) == ["bracket-lines", "short-lines"]
    for row in rows:
        seconds, ordinary, times = (float(cell) for cell in row.split("|")[2:5])
        assert seconds > 0 and ordinary >= 0
        # The seconds are printed to a hundredth, the ratio from the unrounded figures.
        half = 0.005
        assert (seconds - half) / (ordinary + half) - 0.05 <= times \
            <= (seconds + half) / max(ordinary - half, 1e-9) + 0.05
    verdict = "met" if run.returncode == 0 else "MISSED"
    assert f"target under 1 s {verdict}" in run.stdout


def test_an_unknown_case_is_named() -> None:
    run = subprocess.run([sys.executable, str(REPO_ROOT / "benchmarks" / "bench_worst_cases.py"),
                          "--cases", "no-such-case"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "no such case: no-such-case" in run.stderr
