"""Benchmark `localoffer report` against `localoffer check` on the same synthetic offers.

    python benchmarks/bench_report.py                  # 1,000 and 10,000 offers
    python benchmarks/bench_report.py --sizes 200      # a quick run

For each size, synthetic offers (localoffer.synthetic: every question answered, ~150 words an
answer, all passing every check) are written to a temporary borough. Then, in this run and on
one core (pinned with taskset when it is there), each command runs in a fresh process, as an
LA officer would run it:

- check:        localoffer check
- report text:  localoffer report --format text
- report html:  localoffer report --format html (the charts drawn with pygal)
- export json:  localoffer export --format json

Each is timed --runs times (median): wall clock, and CPU time (user + system of the child
process, which other work on a shared machine does not inflate). Targets: the report of 10,000 offers in under
30 s, and within 2x of `localoffer check` on the same set.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from localoffer.borough import load_borough
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-28"
REPORT_LIMIT_S = 30.0
RATIO_TARGET = 2.0
COMMANDS = {
    "check": ["check", "--today", TODAY],
    "report text": ["report", "--format", "text", "--today", TODAY],
    "report html": ["report", "--format", "html", "--today", TODAY],
    "export json": ["export", "--format", "json", "--today", TODAY],
}


@dataclass
class Result:
    offers: int
    megabytes: float
    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    output_megabytes: dict[str, float] = field(default_factory=dict)

    def ratio(self, command: str) -> float:
        return self.seconds[command] / self.seconds["check"]

    def cpu_ratio(self, command: str) -> float:
        return self.cpu_seconds[command] / self.cpu_seconds["check"]


def pinned() -> list[str]:
    """Run on one core when taskset is available (the target is for one core)."""
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(folder: Path, command: list[str], runs: int) -> tuple[float, float, int]:
    argv = [*pinned(), sys.executable, "-m", "localoffer", *command,
            "--config", str(folder / "localoffer.yml"), "-o" if command[0] != "check" else "",
            str(folder / "out") if command[0] != "check" else ""]
    argv = [arg for arg in argv if arg]
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _children_cpu()
        done = subprocess.run(argv, cwd=folder, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - start_cpu)
        # check exits 1 when it finds problems; synthetic offers have none.
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    size = (folder / "out").stat().st_size if command[0] != "check" else 0
    return statistics.median(times), statistics.median(cpu), size


def bench(size: int, runs: int, keep: bool) -> Result:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-report-{size}-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        borough = load_borough(folder / "localoffer.yml")
        paths = write_borough(borough, folder, size, date.fromisoformat(TODAY))
        result = Result(size, round(sum(p.stat().st_size for p in paths) / 1e6, 1))
        for name, command in COMMANDS.items():
            seconds, cpu, written = timed(folder, command, runs)
            result.seconds[name] = round(seconds, 2)
            result.cpu_seconds[name] = round(cpu, 2)
            result.output_megabytes[name] = round(written / 1e6, 1)
        return result
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def table(results: list[Result]) -> str:
    names = list(COMMANDS)
    lines = ["| Offers | MB | " + " | ".join(f"{n}: wall / CPU (s)" for n in names)
             + " | report text / check (CPU) | report html / check (CPU) |",
             "|---:|---:|" + "---:|" * (len(names) + 2)]
    for r in results:
        lines.append(f"| {r.offers:,} | {r.megabytes} | "
                     + " | ".join(f"{r.seconds[n]:.1f} / {r.cpu_seconds[n]:.1f}" for n in names)
                     + f" | {r.cpu_ratio('report text'):.2f}x | {r.cpu_ratio('report html'):.2f}x |")
    return "\n".join(lines)


def verdict(results: list[Result]) -> list[str]:
    notes = []
    for r in results:
        worst = max(r.cpu_seconds["report text"], r.cpu_seconds["report html"])
        wall = max(r.seconds["report text"], r.seconds["report html"])
        ratio = max(r.cpu_ratio("report text"), r.cpu_ratio("report html"))
        within = worst < REPORT_LIMIT_S
        notes.append(f"{r.offers:,} offers: report {worst:.1f} s CPU ({wall:.1f} s wall)"
                     + (f", {'within' if within else 'OVER'} {REPORT_LIMIT_S:.0f} s"
                        if r.offers >= 10000 else "")
                     + f"; {ratio:.2f}x check ({'within' if ratio <= RATIO_TARGET else 'OVER'} "
                     f"{RATIO_TARGET:.0f}x); HTML report {r.output_megabytes['report html']} MB.")
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated offer counts")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary boroughs")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"{'pinned to one core' if pinned() else 'not pinned (no taskset)'}", flush=True)
    results = [bench(int(size), args.runs, args.keep) for size in args.sizes.split(",")]
    print(table(results))
    print("\n".join(verdict(results)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")


if __name__ == "__main__":
    main()
