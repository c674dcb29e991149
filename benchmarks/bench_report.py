"""Benchmark `localoffer report` against `localoffer check` on the same synthetic offers.

    python benchmarks/bench_report.py                  # 1,000 and 10,000 offers
    python benchmarks/bench_report.py --sizes 200      # a quick run

For each size, synthetic offers (localoffer.synthetic: every question answered, ~150 words an
answer, all passing every check) are written to a temporary borough. Then, in this run and on
one core (pinned with taskset when it is there), each command runs in a fresh process, as an
LA officer would run it:

- check:              localoffer check
- report text:        localoffer report --format text
- report html:        localoffer report --format html (the charts drawn with pygal)
- export json:        localoffer export --format json
- export csv:         localoffer export --format csv
- export openreferral: localoffer export --format openreferral

Each is timed --runs times (median): wall clock, and CPU time (user + system of the child
process, which other work on a shared machine does not inflate), with its peak memory
(ru_maxrss of its process tree, the largest process: these commands run in one process). Targets: the report of 10,000 offers in under 30 s; from 25,000
offers (issue 15), every report and export within 2x of `localoffer check` on the same set
(CPU time) and in at most 1 GB (1,024 MiB). It exits 1 when a target is missed.

    python benchmarks/bench_report.py --sizes 25000   # about 15 minutes on one core
"""
from __future__ import annotations

import argparse
import json
import os
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
SITE = "https://localoffer.example"  # Open Referral records need each offer's web address
REPORT_LIMIT_S = 30.0
RATIO_TARGET = 2.0
NATIONAL = 25000  # from this size on: within RATIO_TARGET of check, in at most MEMORY_LIMIT_MB
MEMORY_LIMIT_MB = 1024.0
COMMANDS = {
    "check": ["check", "--today", TODAY],
    "report text": ["report", "--format", "text", "--today", TODAY],
    "report html": ["report", "--format", "html", "--today", TODAY],
    "export json": ["export", "--format", "json", "--today", TODAY, "--site-url", SITE],
    "export csv": ["export", "--format", "csv", "--today", TODAY, "--site-url", SITE],
    "export openreferral": ["export", "--format", "openreferral", "--today", TODAY, "--site-url", SITE],
}


@dataclass
class Result:
    offers: int
    megabytes: float
    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    output_megabytes: dict[str, float] = field(default_factory=dict)
    peak_megabytes: dict[str, float] = field(default_factory=dict)

    def ratio(self, command: str) -> float:
        return self.seconds[command] / self.seconds["check"]

    def cpu_ratio(self, command: str) -> float:
        return self.cpu_seconds[command] / self.cpu_seconds["check"]


def pinned() -> list[str]:
    """Run on one core when taskset is available (the target is for one core)."""
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


# Runs one command and prints, on its last line, its peak memory (KiB; the largest process it
# waited for) and CPU seconds (user + system). A process started straight from this script,
# once it has written 25,000 offers, would inherit this script's peak memory as its own
# starting maximum; the children of this small one do not.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    "sys.exit(code)\n"
)


def timed(folder: Path, command: list[str], runs: int) -> tuple[float, float, int, float]:
    """Median wall and CPU time of `runs` runs of the command, the size of what it wrote, and
    its peak memory (MiB; the largest of the runs)."""
    argv = [*pinned(), sys.executable, "-m", "localoffer", *command,
            "--config", str(folder / "localoffer.yml"), "-o" if command[0] != "check" else "",
            str(folder / "out") if command[0] != "check" else ""]
    argv = [arg for arg in argv if arg]
    times, cpu, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _MEASURE, *argv], cwd=folder,
                              capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        # check exits 1 when it finds problems; synthetic offers have none.
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr[-3000:]}")
        peak, seconds = done.stdout.split()[-2:]
        peaks.append(int(peak) / 1024)  # KiB on Linux
        cpu.append(float(seconds))
    size = (folder / "out").stat().st_size if command[0] != "check" else 0
    return statistics.median(times), statistics.median(cpu), size, max(peaks)


def bench(size: int, runs: int, keep: bool) -> Result:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-report-{size}-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        borough = load_borough(folder / "localoffer.yml")
        paths = write_borough(borough, folder, size, date.fromisoformat(TODAY))
        result = Result(size, round(sum(p.stat().st_size for p in paths) / 1e6, 1))
        for name, command in COMMANDS.items():
            seconds, cpu, written, peak = timed(folder, command, runs)
            result.seconds[name] = round(seconds, 2)
            result.cpu_seconds[name] = round(cpu, 2)
            result.output_megabytes[name] = round(written / 1e6, 1)
            result.peak_megabytes[name] = round(peak, 1)
            print(f"  {size:,} offers, {name}: {seconds:.1f} s wall, {cpu:.1f} s CPU, "
                  f"{peak:,.0f} MB peak; load {os.getloadavg()[0]:.1f}", flush=True)
        return result
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def table(results: list[Result]) -> str:
    names = list(COMMANDS)
    lines = ["| Offers | MB | command | wall (s) | CPU (s) | peak memory (MB) | output (MB) "
             "| / check: wall | / check: CPU |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for n in names:
            ratios = ("| | " if n == "check" else
                      f"| {r.ratio(n):.2f}x | {r.cpu_ratio(n):.2f}x ")
            lines.append(f"| {r.offers:,} | {r.megabytes} | {n} | {r.seconds[n]:.1f} | "
                         f"{r.cpu_seconds[n]:.1f} | {r.peak_megabytes[n]:,.0f} | "
                         f"{r.output_megabytes[n]} {ratios}|")
    return "\n".join(lines)


def verdict(results: list[Result]) -> list[tuple[str, bool | None]]:
    """What each size shows, and whether it meets its target (None: no target at this size)."""
    notes: list[tuple[str, bool | None]] = []
    for r in results:
        worst = max(r.cpu_seconds["report text"], r.cpu_seconds["report html"])
        wall = max(r.seconds["report text"], r.seconds["report html"])
        ratio = max(r.cpu_ratio("report text"), r.cpu_ratio("report html"))
        if 10000 <= r.offers < NATIONAL:
            notes.append((f"{r.offers:,} offers: report {worst:.1f} s CPU ({wall:.1f} s wall), "
                          f"target under {REPORT_LIMIT_S:.0f} s", worst < REPORT_LIMIT_S))
        notes.append((f"{r.offers:,} offers: report {ratio:.2f}x check (CPU; target at most "
                       f"{RATIO_TARGET:.0f}x); HTML report {r.output_megabytes['report html']} MB",
                       ratio <= RATIO_TARGET if 1000 <= r.offers < NATIONAL else None))
        if r.offers >= NATIONAL:
            for name in COMMANDS:
                if name == "check":
                    continue
                fast = r.cpu_ratio(name) <= RATIO_TARGET
                small = r.peak_megabytes[name] <= MEMORY_LIMIT_MB
                notes.append((f"{r.offers:,} offers: {name} {r.cpu_ratio(name):.2f}x check (CPU), "
                              f"{r.peak_megabytes[name]:,.0f} MB peak (targets: at most "
                              f"{RATIO_TARGET:.0f}x, at most {MEMORY_LIMIT_MB:,.0f} MB)",
                              fast and small))
    return notes


def main() -> int:
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
    notes = verdict(results)
    for note, met in notes:
        print(note + ("" if met is None else f": {'met' if met else 'MISSED'}") + ".")
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
    return 1 if any(met is False for _, met in notes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
