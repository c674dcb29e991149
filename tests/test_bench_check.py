"""The check benchmark still runs, and its synthetic offers really are clean."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_check",
                                                  REPO_ROOT / "benchmarks" / "bench_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_check"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_small_run_measures_everything_and_finds_nothing() -> None:
    bench = _bench_module()
    result = bench.bench(6, runs=1, words=20, repeat=1, keep=None)
    assert result.offers == 6 and result.findings == 0
    assert result.floor_s > 0 and result.check_s > result.floor_s
    assert result.hook_median_s > result.python_median_s > 0
    table = bench.report([result])
    assert table.splitlines()[2].startswith("| 6 | ")
    assert "findings 0 (expected 0)" in table
