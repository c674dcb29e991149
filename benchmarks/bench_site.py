"""Site benchmark: N synthetic offers built with the localoffer plugin, against plain MkDocs.

For each N (default 100, 1,000 and 5,000) it writes a borough of N synthetic offers
(~3,400 words each) into a temporary Git repository and builds it twice, each in its own
process:

- ours: the repository's mkdocs.yml and docs/, with the localoffer plugin (search: Pagefind);
- plain: the same Markdown bodies as ordinary pages of a plain MkDocs + material site, with
  the theme's search (only for N up to --baseline-max: it grows with N squared).

It reports wall time, peak memory (the build process's maximum resident set size), the bytes
of HTML written, and what one search costs a reader in downloads: measured in headless
Chromium when it is installed (the files a real search fetched), otherwise estimated from
the index files (the whole search_index.json for the theme's search).

    python benchmarks/bench_site.py --sizes 100,1000,5000
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from localoffer.borough import load_borough
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)
SEARCH_WORD = "speech"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Runs one build in a child process; prints its peak memory (KiB) and CPU seconds (user +
# system, the build and everything it ran, such as Pagefind) on the last line.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    "sys.exit(code)\n"
)


@dataclass
class Result:
    build: str
    offers: int
    words_per_offer: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    html_mb: float
    html_files: int
    search_kb: float
    search_how: str
    pagefind_peak_mb: float = 0.0
    pagefind_cpu_seconds: float = 0.0

    @property
    def ms_per_offer(self) -> float:
        return self.seconds * 1000 / self.offers

    @property
    def cpu_ms_per_offer(self) -> float:
        return self.cpu_seconds * 1000 / self.offers

    @property
    def html_kb_per_offer(self) -> float:
        return self.html_mb * 1024 / self.offers


def write_ours(folder: Path, count: int, words: int, search: str, dashboard: bool) -> int:
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    shutil.copytree(REPO_ROOT / "docs", folder / "docs")
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("search: material", f"search: {search}\n      dashboard: {str(dashboard).lower()}")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    borough = load_borough(folder / "localoffer.yml")
    paths = write_borough(borough, folder, count, TODAY, words_per_answer=words)
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q",
         "-m", f"Add {count} synthetic offers", "-m", "Reviewed-by: Local Offer Team")
    return round(sum(len(path.read_text(encoding="utf-8").split()) for path in paths) / count)


def write_plain(ours: Path, folder: Path) -> None:
    """The same offers' Markdown bodies as ordinary pages: what a plain MkDocs site would do."""
    docs = folder / "docs" / "settings"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Local Offer\n", encoding="utf-8")
    for path in sorted((ours / "offers").glob("*/offer.md")):
        text = path.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        name = next(line[6:] for line in front.splitlines() if line.startswith("name: "))
        (docs / f"{path.parent.name}.md").write_text(f"# {name}\n{body}", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain MkDocs\ntheme:\n  name: material\nplugins:\n  - search\n"
        "markdown_extensions:\n  - abbr\n  - admonition\n  - attr_list\n  - md_in_html\n"
        "  - tables\n  - toc:\n      toc_depth: 3\n", encoding="utf-8")


def measure(build: str, folder: Path, offers: int, words: int, strict: bool = False) -> Result:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LOCALOFFER_TODAY=TODAY.isoformat())
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mkdocs", "build", "-q",
               *(["--strict"] if strict else [])]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{build} build of {offers} offers failed:\n{result.stderr[-3000:]}")
    peak, cpu = result.stdout.strip().splitlines()[-1].split()
    peak_kib = int(peak)
    site = folder / "site"
    pages = list(site.rglob("*.html"))
    html_bytes = sum(page.stat().st_size for page in pages)
    search_bytes, how = search_cost(site)
    result = Result(build, offers, words, round(seconds, 2), round(float(cpu), 2),
                    round(peak_kib / 1024, 1),
                    round(html_bytes / 1e6, 1), len(pages), round(search_bytes / 1024, 1), how)
    if (site / "pagefind").is_dir():  # Pagefind's own share: index the site again on its own
        again = subprocess.run(
            [sys.executable, "-c", _MEASURE, sys.executable, "-m", "pagefind", "--site",
             str(site), "--output-subdir", "pagefind-again", "--force-language", "en",
             "--silent", "--glob", "settings/*/index.html"], capture_output=True, text=True)
        peak, cpu = again.stdout.strip().splitlines()[-1].split()
        result.pagefind_peak_mb = round(int(peak) / 1024, 1)
        result.pagefind_cpu_seconds = round(float(cpu), 2)
    return result


def search_cost(site: Path) -> tuple[int, str]:
    if (site / "pagefind").is_dir():
        if CHROMIUM:
            try:
                return _browser_search_bytes(site), f"measured: a search for '{SEARCH_WORD}'"
            except Exception as error:  # noqa: BLE001 - fall back to the estimate
                print(f"  (browser measurement failed: {error}; estimating)", file=sys.stderr)
        return _pagefind_estimate(site), "estimate: loader, wasm, 1 index chunk, 10 fragments"
    index = site / "search" / "search_index.json"
    workers = list((site / "assets" / "javascripts" / "workers").glob("search*.js"))
    return (index.stat().st_size + sum(path.stat().st_size for path in workers),
            "search_index.json + search worker (downloaded whole)")


def _pagefind_estimate(site: Path) -> int:
    folder = site / "pagefind"
    fixed = sum(path.stat().st_size for path in folder.glob("*") if path.is_file()
                and (path.suffix in (".js", ".json") and "ui" not in path.name
                     or path.name.startswith("wasm.en")))
    meta = max((path.stat().st_size for path in folder.glob("pagefind.*.pf_meta")), default=0)
    chunk = max((path.stat().st_size for path in (folder / "index").glob("*")), default=0)
    fragments = sorted((path.stat().st_size for path in (folder / "fragment").glob("*")),
                       reverse=True)[:10]
    return fixed + meta + chunk + sum(fragments) + (site / "assets/localoffer/search.js").stat().st_size


def _browser_search_bytes(site: Path) -> int:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()

            def record(response):  # type: ignore[no-untyped-def]
                if "/pagefind/" in response.url or response.url.endswith("search.js"):
                    fetched[response.url] = len(response.body())

            page.on("response", record)
            url = f"http://127.0.0.1:{server.server_port}/search/?q={SEARCH_WORD}"
            page.goto(url)
            page.wait_for_selector("#lo-search-results li", timeout=30000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sum(fetched.values())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True)


def report(results: list[Result]) -> str:
    lines = ["| build | offers | words/offer | wall (s) | CPU (s) | CPU ms/offer | peak memory "
             "(MB) | HTML (MB) | HTML kB/offer | one search downloads (kB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for item in results:
        lines.append(f"| {item.build} | {item.offers:,} | {item.words_per_offer:,} | "
                     f"{item.seconds:.1f} | {item.cpu_seconds:.1f} | {item.cpu_ms_per_offer:.1f} | "
                     f"{item.peak_mb:.0f} | "
                     f"{item.html_mb:.1f} | {item.html_kb_per_offer:.1f} | "
                     f"{item.search_kb:,.0f} ({item.search_how}) |")
    for item in results:
        if item.pagefind_peak_mb:
            lines.append(f"{item.build} at {item.offers:,} offers: of which Pagefind alone "
                         f"{item.pagefind_cpu_seconds:.1f} s CPU, {item.pagefind_peak_mb:.0f} MB "
                         "peak memory.")
    ours = {item.offers: item for item in results if item.build.startswith("localoffer")}
    plain = {item.offers: item for item in results if item.build == "plain MkDocs"}
    if len(ours) >= 2:
        low, high = ours[min(ours)], ours[max(ours)]
        lines.append("")
        lines.append(f"Growth from {low.offers:,} to {high.offers:,} offers: wall time per offer "
                     f"x{high.ms_per_offer / low.ms_per_offer:.2f}, CPU time per offer "
                     f"x{high.cpu_ms_per_offer / low.cpu_ms_per_offer:.2f}, HTML per offer "
                     f"x{high.html_kb_per_offer / low.html_kb_per_offer:.2f} (target: at most 1.2).")
    for count in sorted(set(ours) & set(plain)):
        lines.append(f"At {count:,} offers localoffer builds "
                     f"{plain[count].seconds / ours[count].seconds:.1f}x faster than plain MkDocs "
                     f"in wall time, {plain[count].cpu_seconds / ours[count].cpu_seconds:.1f}x "
                     "in CPU time.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="Numbers of offers, comma-separated (default: 100,1000,5000).")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="Build plain MkDocs only up to this many offers (default: 1000).")
    parser.add_argument("--words", type=int, default=160,
                        help="Words per answer of the synthetic offers (default: 160, about "
                             "3,400 words an offer).")
    parser.add_argument("--search", choices=("pagefind", "material"), default="pagefind",
                        help="Search engine of the localoffer build (default: pagefind).")
    parser.add_argument("--strict", action="store_true",
                        help="Build ours with --strict, which also runs every check on every "
                             "offer (the build a pull request or a publication runs).")
    parser.add_argument("--dashboard", action="store_true",
                        help="Include the 'How up to date are these offers?' page (off by "
                             "default: it is the reporting package's, measured on its own).")
    parser.add_argument("--json", type=Path, help="Also write the results here as JSON.")
    parser.add_argument("--rebuild-one", action="store_true",
                        help="Instead: time a full build, a rebuild with the cache after one "
                             "offer changes, and a --changed-since preview (rebuild_one.py).")
    args = parser.parse_args()
    if args.rebuild_one:
        return main_rebuild_one(args)
    results = []
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bench-site-{count}-") as temp:
            ours, plain = Path(temp) / "ours", Path(temp) / "plain"
            ours.mkdir()
            words = write_ours(ours, count, args.words, args.search, args.dashboard)
            label = "localoffer" + (" --strict" if args.strict else "") + (
                " + dashboard" if args.dashboard else "")
            results.append(measure(label, ours, count, words, args.strict))
            print(report(results[-1:]).splitlines()[-1], file=sys.stderr)
            if count <= args.baseline_max:
                write_plain(ours, plain)
                results.append(measure("plain MkDocs", plain, count, words))
                print(report(results[-1:]).splitlines()[-1], file=sys.stderr)
    print(report(results))
    print(f"\nMachine: {os.cpu_count()} CPUs; load average at the end "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}.")
    if args.json:
        args.json.write_text(json.dumps([asdict(item) for item in results], indent=1))
    return 0


def main_rebuild_one(args: argparse.Namespace) -> int:
    from rebuild_one import rebuild_one, report as rebuild_report

    timed = []
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bench-rebuild-{count}-") as temp:
            write_ours(Path(temp), count, args.words, args.search, args.dashboard)
            timed += rebuild_one(Path(temp), count, TODAY.isoformat())
            print(rebuild_report(timed), file=sys.stderr)
    print(rebuild_report(timed))
    print(f"\nMachine: {os.cpu_count()} CPUs; load average at the end "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
