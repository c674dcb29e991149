"""Benchmark the checks on the worst-case files of the size limit (issue 10: each in under 1 s
of CPU time), against an ordinary offer of the same size timed beside it.

    python benchmarks/bench_worst_cases.py                       # all 33 cases
    python benchmarks/bench_worst_cases.py --cases bracket-lines,short-lines

The cases are those of tests/checks/test_linear_time.py, which asserts only that each grows
with the file's length (seconds depend on the machine).
Each file is read and checked as `localoffer check` does (load_offer, check_offer, the
collector paused); CPU seconds are the best of --repeat runs. Exits 1 when a case takes 1 s or
more.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))

from checks.helpers import TODAY  # noqa: E402
from checks.test_linear_time import SIZE, WORST_CASES  # noqa: E402
from cpu_cost import cpu_seconds, ordinary_offer  # noqa: E402

from localoffer.borough import Borough, load_borough  # noqa: E402
from localoffer.checks import CheckContext, check_offer  # noqa: E402
from localoffer.model import load_offer  # noqa: E402

TARGET_S = 1.0


@dataclass(frozen=True)
class Timing:
    case: str
    seconds: float
    ordinary_seconds: float

    @property
    def times_ordinary(self) -> float:
        return self.seconds / self.ordinary_seconds


def time_case(borough: Borough, case: str, repeat: int) -> Timing:
    worst = borough.offers_dir / "worst" / "offer.md"
    ordinary = borough.offers_dir / "ordinary" / "offer.md"
    worst.write_bytes(WORST_CASES[case](SIZE))
    ordinary.write_bytes(ordinary_offer(borough, worst.stat().st_size, TODAY))

    def best(path: Path) -> float:
        context = CheckContext(borough, TODAY, frozenset({path.parent.name}))
        return min(cpu_seconds(lambda: check_offer(load_offer(path, borough), context))
                   for _ in range(repeat))

    return Timing(case, best(worst), best(ordinary))


def report(timings: list[Timing]) -> str:
    lines = ["| case | CPU s | ordinary offer of its size, CPU s | times ordinary |",
             "| --- | ---: | ---: | ---: |"]
    for timing in sorted(timings, key=lambda t: -t.seconds):
        lines.append(f"| `{timing.case}` | {timing.seconds:.2f} | {timing.ordinary_seconds:.2f} "
                     f"| {timing.times_ordinary:.1f} |")
    slowest = max(timings, key=lambda t: t.seconds)
    verdict = "met" if slowest.seconds < TARGET_S else "MISSED"
    lines.append(f"\nSlowest: `{slowest.case}`, {slowest.seconds:.2f} s: target under "
                 f"{TARGET_S:.0f} s {verdict}. Load average {os.getloadavg()[0]:.1f}.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(WORST_CASES),
                        help="comma-separated case names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each file; the best counts")
    args = parser.parse_args()
    cases = [case.strip() for case in args.cases.split(",") if case.strip()]
    unknown = sorted(set(cases) - set(WORST_CASES))
    if unknown:
        parser.error(f"no such case: {', '.join(unknown)}")
    folder = Path(tempfile.mkdtemp(prefix="bench-worst-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        for name in ("worst", "ordinary"):
            (folder / "offers" / name).mkdir(parents=True)
        borough = load_borough(folder / "localoffer.yml")
        timings = [time_case(borough, case, args.repeat) for case in cases]
    finally:
        shutil.rmtree(folder)
    print(report(timings))
    return 0 if max(t.seconds for t in timings) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
