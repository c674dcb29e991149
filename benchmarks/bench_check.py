"""Benchmark `localoffer check` against the floor of reading and parsing the same files.

    python benchmarks/bench_check.py                  # 1,000 and 10,000 offers
    python benchmarks/bench_check.py --sizes 200      # a quick run
    python benchmarks/bench_check.py --hook-only      # only the pre-commit hook's latency
    python benchmarks/bench_check.py --hook-only --baseline-source DIR   # against older code

For each size, synthetic offers (localoffer.synthetic: every question answered, ~150 words an
answer, about 3,000 words an offer, all passing every check) are written to a temporary
borough. Then, in this one process and run:

- floor: read each file, decode it and parse its front-matter with the same reader the model
  uses (model/frontmatter.py: libyaml's C parser) - the least any check must do;
- check: run_checks over the borough, exactly as `localoffer check` does in process;

and, as the pre-commit hook runs it, `localoffer check offers/<one>/offer.md` in a new process
(median of --runs runs) against a bare `python -c pass`. Targets: check within 3x of the floor;
one changed file in at most 0.15 s wall, interpreter start included (about 8x a bare start).

The hook is timed with localoffer's modules compiled to bytecode first (`compileall`), as pip
compiles a package it installs (pre-commit installs the hook that way). Without it, an
editable install where PYTHONDONTWRITEBYTECODE is set compiles every module on every run.
With --baseline-source DIR (a folder holding another `localoffer` package, e.g. from
`git archive`), the hook is also timed with that code, in the same run, so a busy machine
slows both alike.
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
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from localoffer.borough import load_borough
from localoffer.checks import run_checks
from localoffer.model.frontmatter import parse_front_matter
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[1]
CHECK_TARGET = 3.0
HOOK_TARGET_S = 0.15


@dataclass
class Result:
    offers: int
    megabytes: float
    words_per_offer: int
    floor_s: float
    floor_cpu_s: float
    check_s: float
    check_cpu_s: float
    findings: int
    hook_median_s: float
    hook_cpu_s: float
    python_median_s: float
    python_cpu_s: float
    load_average: float

    @property
    def floor_rate(self) -> float:
        return self.offers / self.floor_s

    @property
    def check_rate(self) -> float:
        return self.offers / self.check_s

    @property
    def ratio(self) -> float:
        return self.check_s / self.floor_s

    @property
    def cpu_ratio(self) -> float:
        return self.check_cpu_s / self.floor_cpu_s


def timed(work: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def best(work: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """The fastest of `repeat` runs: the least disturbed by other work on the machine."""
    return min((timed(work) for _ in range(repeat)), key=lambda run: run[0])


def floor(paths: list[Path]) -> int:
    """Read, decode and parse the front-matter of every file: the least any check must do."""
    for path in paths:
        parse_front_matter(path.read_bytes().decode("utf-8"))
    return len(paths)


def check(folder: Path, today: date) -> int:
    """`localoffer check` in process: the number of findings."""
    borough = load_borough(folder / "localoffer.yml")
    return len(run_checks([borough.offers_dir], borough, today).findings)


def median_times(command: list[str], cwd: Path, runs: int,
                 env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command, in seconds. The CPU
    time is what the command itself costs, however busy the machine is."""
    subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=env)  # warm caches
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return statistics.median(walls), statistics.median(cpus)


def hook_times(folder: Path, one: str, runs: int,
               source: Path | None = None) -> tuple[float, float]:
    """`localoffer check <one>` as the pre-commit hook runs it: the console script pip put
    beside this Python (a version manager's shim on PATH would add its own start-up time),
    with the package compiled to bytecode. `source`: run the localoffer package in that folder
    instead."""
    script = Path(sys.executable).with_name("localoffer")
    localoffer = str(script) if script.exists() else (shutil.which("localoffer") or "localoffer")
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    package = subprocess.run([sys.executable, "-c", "import localoffer; print(localoffer.__file__)"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(package).parent)],
                   env=env, capture_output=True, check=True)
    return median_times([localoffer, "check", one], folder, runs, env)


def bench_hook(runs: int, baseline: Path | None) -> list[tuple[str, float, float]]:
    """Only the hook: (what, median wall s, median CPU s) for this code, the baseline's and a
    bare interpreter, on one synthetic offer of a small borough."""
    today = date.today()
    folder = Path(tempfile.mkdtemp(prefix="localoffer-bench-hook-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        paths = write_borough(load_borough(folder / "localoffer.yml"), folder, 20, today)
        one = paths[10].relative_to(folder).as_posix()
        rows = [("localoffer check, one file (this code)", *hook_times(folder, one, runs))]
        if baseline is not None:
            rows.append((f"localoffer check, one file ({baseline})",
                         *hook_times(folder, one, runs, baseline)))
        rows.append(("python -c pass", *median_times([sys.executable, "-c", "pass"], folder,
                                                     runs)))
        return rows
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def hook_report(rows: list[tuple[str, float, float]]) -> str:
    bare_wall, bare_cpu = rows[-1][1], rows[-1][2]
    lines = ["| run | wall (s) | CPU (s) | wall / bare start | CPU / bare start |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {what} | {wall:.3f} | {cpu:.3f} | {wall / bare_wall:.1f}x | "
              f"{cpu / bare_cpu:.1f}x |" for what, wall, cpu in rows]
    wall = rows[0][1]
    lines += ["", f"Hook latency: {wall:.3f} s wall, {rows[0][2]:.3f} s CPU "
              f"({'meets' if wall <= HOOK_TARGET_S else 'MISSES'} the {HOOK_TARGET_S} s "
              f"target); load average {os.getloadavg()[0]:.1f}"]
    return "\n".join(lines)


def bench(count: int, runs: int, words: int, repeat: int, keep: Path | None) -> Result:
    today = date.today()
    folder = Path(tempfile.mkdtemp(prefix=f"localoffer-bench-{count}-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        borough = load_borough(folder / "localoffer.yml")
        paths = write_borough(borough, folder, count, today, words_per_answer=words)
        size = sum(path.stat().st_size for path in paths)
        words_per_offer = round(sum(len(path.read_text().split()) for path in paths[:50]) /
                                min(50, len(paths)))
        floor(paths)  # once to warm the file cache, as the check will find it
        floor_s, floor_cpu, _ = best(lambda: floor(paths), repeat)
        check_s, check_cpu, findings = best(lambda: check(folder, today), repeat)
        one = paths[len(paths) // 2].relative_to(folder).as_posix()
        hook, hook_cpu = hook_times(folder, one, runs)
        python, python_cpu = median_times([sys.executable, "-c", "pass"], folder, runs)
        return Result(count, size / 1e6, words_per_offer, floor_s, floor_cpu, check_s, check_cpu,
                      int(findings), hook, hook_cpu, python, python_cpu, os.getloadavg()[0])
    finally:
        if keep is not None:
            shutil.copytree(folder, keep / folder.name, dirs_exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)


def report(results: list[Result]) -> str:
    lines = ["| offers | MB | words/offer | floor (files/s) | check (files/s) | check / floor: "
             "wall (CPU) | one file, hook: wall (CPU) s | python -c pass: wall (CPU) s "
             "| load average |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.offers:,} | {r.megabytes:.0f} | {r.words_per_offer:,} | "
                     f"{r.floor_rate:,.0f} | {r.check_rate:,.0f} | "
                     f"{r.ratio:.2f}x ({r.cpu_ratio:.2f}x) | "
                     f"{r.hook_median_s:.3f} ({r.hook_cpu_s:.3f}) | "
                     f"{r.python_median_s:.3f} ({r.python_cpu_s:.3f}) | {r.load_average:.1f} |")
    verdicts = []
    for r in results:
        verdicts.append(f"{r.offers:,} offers: check/floor {r.ratio:.2f}x wall, "
                        f"{r.cpu_ratio:.2f}x CPU "
                        f"({'meets' if r.ratio <= CHECK_TARGET else 'MISSES'} the {CHECK_TARGET:g}x "
                        f"target); hook {r.hook_median_s:.3f} s "
                        f"({'meets' if r.hook_median_s < HOOK_TARGET_S else 'MISSES'} the "
                        f"{HOOK_TARGET_S} s target); findings {r.findings} (expected 0)")
    return "\n".join(lines + [""] + verdicts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated numbers of offers (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each subprocess timing")
    parser.add_argument("--words", type=int, default=150, help="words per answer")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of the floor and of the check; the fastest counts")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--keep", type=Path, help="copy the generated boroughs into this folder")
    parser.add_argument("--hook-only", action="store_true",
                        help="time only the pre-commit hook (one file) and a bare interpreter")
    parser.add_argument("--baseline-source", type=Path, metavar="DIR",
                        help="with --hook-only: also time the localoffer package in DIR")
    args = parser.parse_args()
    if args.hook_only:
        rows = bench_hook(args.runs, args.baseline_source)
        print(hook_report(rows))
        return 0 if rows[0][1] <= HOOK_TARGET_S else 1
    results = []
    for size in (int(part) for part in args.sizes.split(",") if part.strip()):
        print(f"benchmarking {size:,} offers ...", file=sys.stderr, flush=True)
        results.append(bench(size, args.runs, args.words, args.repeat, args.keep))
    print(report(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) | {"ratio": r.ratio, "cpu_ratio": r.cpu_ratio}
                                         for r in results], indent=2))
    failed = any(r.ratio > CHECK_TARGET or r.hook_median_s >= HOOK_TARGET_S or r.findings
                 for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
