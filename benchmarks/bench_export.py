"""Peak memory of `localoffer export` at 2,000 and 10,000 synthetic offers.

    python benchmarks/bench_export.py                          # 2,000 and 10,000 offers
    python benchmarks/bench_export.py --sizes 200              # a quick run
    python benchmarks/bench_export.py --baseline-source DIR    # also run the code in DIR

For each size, synthetic offers (localoffer.synthetic: every question answered, ~150 words an
answer) are written to a temporary borough, and each format is exported in a fresh process,
as an LA officer runs it (`localoffer export --format F -o FILE`). The process's peak resident
memory (its maxrss, read with os.wait4) and its wall time are reported, with the size and
SHA-256 of the file written (and CPU time: user + system, which a busy machine inflates
less than wall time). With --baseline-source (a folder holding an older `localoffer`
package, e.g. from `git archive`), the same exports run with that code too, in the same run,
and the outputs must be the same bytes. Targets: at most 300 MB at 10,000 offers; at most
1 GB (1,024 MiB) at 25,000 (issue 15; bench_report.py compares its time with `check`). It exits
1 when a target is missed or the bytes differ.

    python benchmarks/bench_export.py --sizes 25000
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from localoffer.borough import load_borough
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-28"
SITE = "https://localoffer.example"
FORMATS = ("json", "csv", "openreferral")
TARGET_MB = 300
NATIONAL = 25000
NATIONAL_TARGET_MB = 1024


@dataclass
class Run:
    code: str
    offers: int
    output_format: str
    peak_mb: float
    seconds: float
    cpu_seconds: float
    output_mb: float
    digest: str


def export_once(folder: Path, output_format: str,
                source: Path | None) -> tuple[float, float, float, Path]:
    """Peak RSS (MB), wall and CPU time (s) of one export in a new process; the file it
    wrote."""
    out = folder / f"out-{output_format}-{'baseline' if source else 'current'}"
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    argv = [sys.executable, "-m", "localoffer", "export", "--format", output_format,
            "--today", TODAY, "--site-url", SITE, "--config", str(folder / "localoffer.yml"),
            "-o", str(out)]
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{child.stderr.read().decode()}")  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    # ru_maxrss is in kB on Linux.
    return usage.ru_maxrss / 1024, seconds, usage.ru_utime + usage.ru_stime, out


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def bench(size: int, formats: list[str], baseline: Path | None) -> list[Run]:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-export-{size}-"))
    runs = []
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        borough = load_borough(folder / "localoffer.yml")
        write_borough(borough, folder, size, date.fromisoformat(TODAY))
        for output_format in formats:
            for code, source in (("current", None), ("baseline", baseline)):
                if code == "baseline" and source is None:
                    continue
                peak, seconds, cpu, out = export_once(folder, output_format, source)
                runs.append(Run(code, size, output_format, round(peak), round(seconds, 1),
                                round(cpu, 1), round(out.stat().st_size / 1e6, 1), digest(out)))
                out.unlink()
                print(f"  {size:,} offers, {output_format}, {code}: {peak:.0f} MB peak, "
                      f"{seconds:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return runs


def table(runs: list[Run]) -> str:
    lines = ["| code | offers | format | peak memory (MB) | wall (s) | CPU (s) | output (MB) "
             "| sha256 |", "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {r.code} | {r.offers:,} | {r.output_format} | {r.peak_mb:,.0f} | "
              f"{r.seconds:.1f} | {r.cpu_seconds:.1f} | {r.output_mb} | {r.digest[:12]} |"
              for r in runs]
    return "\n".join(lines)


def verdict(runs: list[Run]) -> list[str]:
    notes = []
    for r in runs:
        if r.code == "current" and r.offers >= 10000:
            target = NATIONAL_TARGET_MB if r.offers >= NATIONAL else TARGET_MB
            notes.append(f"{r.output_format} at {r.offers:,} offers: {r.peak_mb:.0f} MB peak, "
                         f"{'within' if r.peak_mb <= target else 'OVER'} {target:,} MB.")
    current = {(r.offers, r.output_format): r.digest for r in runs if r.code == "current"}
    for r in runs:
        if r.code == "baseline":
            same = current[(r.offers, r.output_format)] == r.digest
            notes.append(f"{r.output_format} at {r.offers:,} offers: "
                         f"{'the same bytes as' if same else 'DIFFERENT bytes from'} the baseline.")
    return notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated offer counts")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    parser.add_argument("--baseline-source", type=Path, metavar="DIR",
                        help="a folder holding another localoffer package to compare with")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs", flush=True)
    runs = [run for size in args.sizes.split(",")
            for run in bench(int(size), args.formats.split(","), args.baseline_source)]
    print(table(runs))
    notes = verdict(runs)
    print("\n".join(notes))
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}.")
    return 1 if any(" OVER " in note or "DIFFERENT" in note for note in notes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
