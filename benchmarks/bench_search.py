"""Search benchmark: Pagefind's index in shards (site/search_shards.py) for N synthetic offers.

For each N it writes N synthetic offers (as bench_site.py: ~3,400 words each), renders their
search copies as a build does (site/parallel.py, every CPU), and indexes them in shards in a
child process, reporting Pagefind's peak memory (the largest Pagefind run) and time, and the
time to index again after one offer's copy changed (hashing every copy, one small Pagefind run
for the delta shard; the other shards stay in the site's pagefind/ from the first run). Then it
puts the index under the search page of a real build of the demo borough and, in headless
Chromium, runs searches on that page, reporting every byte the search fetched from
pagefind/ and search.js (decoded size, as bench_site.py counts; kB are 1,000 bytes), by kind
of file (kB and number of files): a search in every area and, where the page asks for an
area first (an index of several shards), a search in the area that takes the most shards.
The settings are shared among towns of about 160 (--towns), as in a directory of England's
local authorities; the index is sharded town by town.

It does not build the N offers' pages: bench_site.py measures the whole build.

    python benchmarks/bench_search.py --sizes 1000,5000 [--shards 1,0] [--queries speech]
    python benchmarks/bench_search.py --sizes 25000 --keep /tmp/k25   # keeps the index
    python benchmarks/bench_search.py --measure /tmp/k25/demo/site --queries speech,autism
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench_site import CHROMIUM, add_towns_option, fetched_by_search, towns_for
from localoffer.borough import load_borough
from localoffer.site.builder import SiteOptions, offer_page_context
from localoffer.site.parallel import load_and_render
from localoffer.site.search import SearchCopies
from localoffer.site.search_shards import shard_count
from localoffer.synthetic import write_borough
from real_text import add_text_option, answers

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)
EVERY_AREA = "*"  # the search page's "Every area"

# Indexes the copies in shards in a child process (the settings' towns in a JSON file);
# prints the largest Pagefind run's peak memory (KiB) and the CPU seconds of all of them.
_INDEX = (
    "import json, resource, sys\n"
    "from pathlib import Path\n"
    "from localoffer.site.search_shards import ShardedIndex, plan_shards\n"
    "cache = Path(sys.argv[5]) if len(sys.argv) > 5 else None\n"
    "towns = json.loads(Path(sys.argv[2]).read_text(encoding='utf-8'))\n"
    "plan = plan_shards(towns, int(sys.argv[3]))\n"
    "ShardedIndex(Path(sys.argv[1]), cache).run(Path(sys.argv[4]), plan)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
)


def demo_site(folder: Path) -> Path:
    """The demo borough built with Pagefind: its search page, search.js and words file."""
    folder.mkdir()
    for name in ("localoffer.yml", "mkdocs.yml"):
        shutil.copy(REPO_ROOT / name, folder / name)
    for name in ("docs", "offers", "feedback"):
        shutil.copytree(REPO_ROOT / name, folder / name)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "search: material", "search: pagefind"), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "localoffer", "build", "--today", TODAY.isoformat(),
                    "--site-dir", str(folder / "site")], cwd=folder, check=True,
                   capture_output=True)
    return folder / "site"


def write_copies(folder: Path, count: int, words: int, text: str = "real",
                 towns: int = 0) -> tuple[Path, Path]:
    """The copies' folder, and a JSON file of each setting's town."""
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    borough = load_borough(folder / "localoffer.yml")
    write_borough(borough, folder, count, TODAY, words_per_answer=words, answer=answers(text),
                  towns=towns)
    copies = SearchCopies(folder / "copies",
                          offer_page_context(borough, SiteOptions(search="pagefind")))
    catalogue, _ = load_and_render(borough, TODAY, False, search_copies=copies)
    places = folder / "towns.json"
    places.write_text(json.dumps({item.slug: item.facts.town or ""
                                  for item in catalogue.offers}), encoding="utf-8")
    return copies.folder, places


def index(copies: Path, towns: Path, shards: int, site: Path, cache: Path | None = None,
          keep: bool = False) -> tuple[float, float, float]:
    """`keep`: index into the site's pagefind/ as the last run left it, as a build does."""
    if not keep:
        shutil.rmtree(site / "pagefind", ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _INDEX, str(copies), str(towns), str(shards),
                           str(site), *([str(cache)] if cache else [])],
                          check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak, cpu = done.stdout.split()
    return seconds, int(peak) / 1024, float(cpu)


def kind(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    for part, label in (("pf_meta", "meta"), ("pf_index", "index"), ("pf_fragment", "fragment"),
                        ("pf_filter", "filter"), ("entry.json", "entry"), ("shards.json", "entry"),
                        ("wasm", "wasm")):
        if part in name:
            return label
    return "js"


def search_bytes(site: Path, query: str, area: str = EVERY_AREA) -> dict[str, int]:
    fetched = fetched_by_search(
        site, f"search/?q={quote(query)}&area={quote(area)}",
        lambda page: page.locator("#lo-search-status").filter(has_text="for \u201c").wait_for(
            timeout=120_000))
    by_kind: dict[str, int] = defaultdict(int)
    for url, size in fetched.items():
        by_kind[kind(url)] += size
        by_kind[f"{kind(url)}_files"] += 1
    by_kind["files"] = len(fetched)
    return dict(by_kind)


def areas_to_measure(site: Path) -> list[str]:
    """Every area, and first, where the search page asks for an area (an index of several
    shards), the area whose settings take the most shards."""
    listed = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    areas = listed.get("areas", {})
    if len(listed["shards"]) < 2 or len(areas) < 2:
        return [EVERY_AREA]
    return [max(areas, key=lambda town: len(areas[town])), EVERY_AREA]


def area_label(site: Path, area: str) -> str:
    listed = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    if area == EVERY_AREA:
        return f"every area ({len(listed['shards'])} shards)"
    return f"{area} ({len(listed['areas'][area])} of {len(listed['shards'])} shards)"


def breakdown(row: dict[str, Any]) -> str:
    """What one search fetched, by kind of file: kB and number of files."""
    return ", ".join(f"{name} {row.get(name, 0) / 1000:,.1f} kB in "
                     f"{row.get(f'{name}_files', 0)} files"
                     for name in ("js", "wasm", "entry", "meta", "index", "filter", "fragment")
                     if row.get(f"{name}_files"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="Numbers of offers (default "
                        "1000,5000).")
    parser.add_argument("--shards", default="0", help="Least numbers of shards to try, 0 for "
                        "the build's own choice (one per 1,000 offers); default 0.")
    parser.add_argument("--queries", default="speech", help="Searches to measure, "
                        "comma-separated (default: speech, as bench_site.py).")
    parser.add_argument("--words", type=int, default=160, help="Words per answer (160).")
    add_text_option(parser)
    add_towns_option(parser)
    parser.add_argument("--json", type=Path, help="Also write the results as JSON.")
    parser.add_argument("--measure", type=Path, help="Only measure the searches on this "
                        "site (a folder --keep left: <keep>/demo/site), indexing nothing.")
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it: the demo "
                        "site with the last index under it (site/pagefind/), and each size's "
                        "copies (n<offers>-*/copies), to measure other search pages on.")
    args = parser.parse_args()
    if not CHROMIUM:
        raise SystemExit("bench_search needs Chromium (apt-get install chromium).")
    if args.measure:
        for query in args.queries.split(","):
            for area in areas_to_measure(args.measure):
                cost = search_bytes(args.measure, query, area)
                total = sum(v for k, v in cost.items()
                            if k != "files" and not k.endswith("_files"))
                print(f"{query!r} in {area_label(args.measure, area)} on {args.measure}: "
                      f"{total / 1000:,.1f} kB (measured) in {cost['files']} files: "
                      f"{breakdown(cost)}; load {os.getloadavg()[0]:.1f}", flush=True)
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="search-bench-search-") as temporary:
        scratch = str(args.keep.resolve()) if args.keep else temporary
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        site = demo_site(Path(scratch) / "demo")
        for count in (int(size) for size in args.sizes.split(",")):
            for chosen in (int(value) for value in args.shards.split(",")):
                shards = shard_count(count, chosen)
                borough = Path(tempfile.mkdtemp(prefix=f"n{count}-", dir=scratch))
                copies, towns = write_copies(borough, count, args.words, args.text,
                                             towns_for(count, args.towns))
                cache = borough / "cache"
                seconds, peak_mb, cpu = index(copies, towns, shards, site, cache)
                made = len(json.loads((site / "pagefind" / "shards.json").read_text(
                    encoding="utf-8"))["shards"])
                costs = {(query, area_label(site, area)): search_bytes(site, query, area)
                         for query in args.queries.split(",")
                         for area in areas_to_measure(site)}
                # One offer changed: its copy is indexed in the delta shard, the rest reused.
                changed = next(copies.glob("*/settings/*/index.html"))
                changed.write_text(changed.read_text(encoding="utf-8").replace(
                    "</body>", "<p>A new hydrotherapy pool.</p></body>"), encoding="utf-8")
                again, _, _ = index(copies, towns, shards, site, cache, keep=True)
                load = os.getloadavg()[0]  # other work on the machine stretches the times
                if not args.keep:
                    shutil.rmtree(borough)
                for (query, area), cost in costs.items():
                    row = {"offers": count, "shards": made, "query": query, "area": area,
                           "index_s": round(seconds, 1), "index_cpu_s": round(cpu, 1),
                           "one_changed_s": round(again, 2),
                           "pagefind_peak_mb": round(peak_mb), "load": round(load, 1),
                           **cost,
                           "total_kb": round(sum(v for k, v in cost.items()
                                                 if k != "files" and not k.endswith("_files"))
                                             / 1000, 1)}
                    results.append(row)
                    print(json.dumps(row), flush=True)
    print()
    print("| offers | shards | query | searched in | Pagefind peak (MB) | index wall / CPU (s) "
          "| one changed offer (s) | js + wasm (kB) "
          "| entries + meta (kB) | index chunks (kB) | fragments (kB) | filters (kB) | files "
          "| one search downloads (kB, measured) | load |")
    print("| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
          "| ---: "
          "| ---: | ---: |")
    for row in results:
        def kb(*kinds: str) -> str:
            return f"{sum(row.get(k, 0) for k in kinds) / 1000:,.0f}"
        print(f"| {row['offers']:,} | {row['shards']} | {row['query']} | {row['area']} | "
              f"{row['pagefind_peak_mb']:,} | {row['index_s']} / {row['index_cpu_s']} | "
              f"{row['one_changed_s']} | "
              f"{kb('js', 'wasm')} | {kb('entry', 'meta')} | {kb('index')} | "
              f"{kb('fragment')} | {kb('filter')} | {row['files']} | {row['total_kb']:,.0f} | "
              f"{row['load']} |")
    print()
    for row in results:
        print(f"{row['offers']:,} offers, {row['shards']} shards, {row['query']!r} in "
              f"{row['area']}: "
              f"{breakdown(row)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
