"""The export benchmark still runs and reports peak memory, and its exports are the same bytes
whichever code (here the same code twice) writes them."""
from __future__ import annotations

import importlib.util
import sys

from testpaths import REPO_ROOT


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_export",
                                                  REPO_ROOT / "benchmarks" / "bench_export.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["bench_export"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_small_run_measures_peak_memory_and_compares_bytes() -> None:
    bench = _bench_module()
    runs = bench.bench(3, ["csv"], REPO_ROOT / "tools")
    assert [(run.code, run.offers, run.output_format) for run in runs] == [
        ("current", 3, "csv"), ("baseline", 3, "csv")]
    # No upper bound here: a child forked from a large pytest worker starts its maximum
    # RSS at the worker's size (the benchmark itself runs from a small process).
    assert all(run.peak_mb > 0 and run.cpu_seconds >= 0 for run in runs), runs
    assert runs[0].digest == runs[1].digest and len(runs[0].digest) == 64
    assert bench.verdict(runs) == ["csv at 3 offers: the same bytes as the baseline."]
    assert bench.table(runs).splitlines()[2].startswith("| current | 3 | csv | ")
