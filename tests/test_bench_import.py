"""The import benchmark still runs."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_a_small_run_imports_and_times_everything() -> None:
    spec = importlib.util.spec_from_file_location("bench_import",
                                                  REPO_ROOT / "benchmarks" / "bench_import.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_import"] = module
    spec.loader.exec_module(module)
    result = module.bench(3, commands=1)
    assert result["imported_s"] > 0 and result["baseline_s"] > 0 and result["per_command_s"] > 0
