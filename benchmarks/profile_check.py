"""Where `localoffer check` spends its time: per family of checks, and the hottest functions.

    python benchmarks/profile_check.py                # 500 synthetic offers
    python benchmarks/profile_check.py --offers 2000 --top 30

Offers are parsed once (load_offer), then each check module runs over all of them on its own,
so each module's time is its own work (a cached property, such as `offer.links`, is charged to
the first module that asks for it, in the runner's order). Then one cProfile run of the whole
check shows the functions with the most time of their own.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import pstats
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from localoffer.borough import load_borough
from localoffer.checks import run_checks
from localoffer.checks.runner import CHECK_MODULES, CheckContext
from localoffer.model import load_offer
from localoffer.model.discover import known_slugs
from localoffer.model.frontmatter import parse_front_matter
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[1]


def per_module(folder: Path, paths: list[Path], today: date) -> list[tuple[str, float]]:
    borough = load_borough(folder / "localoffer.yml")
    for path in paths:
        parse_front_matter(path.read_text(encoding="utf-8"))  # warm caches
    started = time.perf_counter()
    for path in paths:
        parse_front_matter(path.read_bytes().decode("utf-8"))
    rows = [("floor: read + parse front-matter", time.perf_counter() - started)]
    started = time.perf_counter()
    offers = [load_offer(path, borough) for path in paths]
    rows.append(("load_offer (model)", time.perf_counter() - started))
    context = CheckContext(borough, today, known_slugs(borough))
    for name in CHECK_MODULES:
        module = importlib.import_module(f"localoffer.checks.{name}")
        started = time.perf_counter()
        for offer in offers:
            list(module.check(offer, context))
        rows.append((f"checks.{name}", time.perf_counter() - started))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offers", type=int, default=500)
    parser.add_argument("--top", type=int, default=20, help="functions to list")
    args = parser.parse_args()
    today = date.today()
    folder = Path(tempfile.mkdtemp(prefix="localoffer-profile-"))
    try:
        shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
        paths = write_borough(load_borough(folder / "localoffer.yml"), folder, args.offers, today)
        rows = per_module(folder, paths, today)
        floor = rows[0][1]
        print(f"{'part':40} {'ms/offer':>9} {'x floor':>8}")
        for name, seconds in rows:
            print(f"{name:40} {seconds / len(paths) * 1000:9.2f} {seconds / floor:8.2f}")
        total = sum(seconds for _, seconds in rows[1:])
        print(f"{'check, total':40} {total / len(paths) * 1000:9.2f} {total / floor:8.2f}")
        borough = load_borough(folder / "localoffer.yml")
        profile = cProfile.Profile()
        profile.enable()
        run_checks([borough.offers_dir], borough, today)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
