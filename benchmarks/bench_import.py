"""How long `localoffer import` takes for a borough's reports: 100 by default, made from the
real reports in tests/fixtures/real_reports (web pages, Word, PDF, text) in turn.

    python benchmarks/bench_import.py [--reports 100] [--commands 10]

Prints the time to import every report in one process (what a script bringing a whole
borough's reports in would take; the target is under a minute for 100), against the same
run's baseline of writing the same number of offers from the template (`localoffer new`), and
the time of a few `localoffer import` commands each in its own process (what one user waits).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "tests" / "fixtures" / "real_reports"
TYPES = {"hursthead-infant": "primary", "sarisbury-infant": "primary",
         "smithies-moor-primary": "primary", "high-leigh-primary": "primary",
         "sir-herbert-leon-academy": "secondary", "the-hurst-school": "secondary",
         "hindley-nursery-school": "early-years", "bognor-regis-nursery-school": "early-years",
         "happy-days-nursery": "early-years", "davison-day-nursery": "early-years",
         "fountaindale-school": "special", "queen-marys-college": "sixth-form"}


def _sources(count: int) -> list[tuple[Path, str]]:
    names = sorted(TYPES)
    return [(next((CORPUS / names[i % len(names)]).glob("report.*")), TYPES[names[i % len(names)]])
            for i in range(count)]


def bench(count: int, commands: int) -> dict[str, float]:
    from localoffer.borough import load_borough
    from localoffer.commands.new import plan_new_offer, write_new_offer
    from localoffer.importing.plan import plan_import, write_import

    borough = load_borough(REPO_ROOT / "localoffer.yml")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = _sources(count)
        started = time.perf_counter()
        for number, (source, setting_type) in enumerate(sources):
            plan = plan_import(borough, source, setting_type, name=f"Setting {number}",
                               output=root / "imported")
            write_import(plan, force=False)
        imported = time.perf_counter() - started

        started = time.perf_counter()
        for number, (_, setting_type) in enumerate(sources):
            write_new_offer(plan_new_offer(borough, setting_type, f"Setting {number}",
                                           date(2026, 11, 30), output=root / "new"))
        baseline = time.perf_counter() - started

        shutil.copy(REPO_ROOT / "localoffer.yml", root / "localoffer.yml")
        started = time.perf_counter()
        for number, (source, setting_type) in enumerate(sources[:commands]):
            subprocess.run([sys.executable, "-m", "localoffer", "import", str(source), "--type",
                            setting_type, "--name", f"Command {number}", "--config",
                            str(root / "localoffer.yml")], check=True, capture_output=True)
        per_command = (time.perf_counter() - started) / max(commands, 1)
    return {"imported_s": imported, "baseline_s": baseline, "per_command_s": per_command}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--commands", type=int, default=10)
    args = parser.parse_args()
    result = bench(args.reports, args.commands)
    print(f"Imported {args.reports} reports in {result['imported_s']:.1f} s "
          f"({1000 * result['imported_s'] / args.reports:.0f} ms each; target: under 60 s).")
    print(f"Baseline, the same number of offers from the template (localoffer new): "
          f"{result['baseline_s']:.1f} s; import takes {result['imported_s'] / result['baseline_s']:.1f}x.")
    print(f"One `localoffer import` command in its own process: {result['per_command_s']:.2f} s "
          f"(mean of {args.commands}).")
    sys.exit(0 if result["imported_s"] < 60 else 1)


if __name__ == "__main__":
    main()
