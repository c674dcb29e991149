"""Site benchmark: N synthetic offers built by localoffer and by three baselines, in one run.

For each N (default 100, 1,000 and 5,000) it writes a borough of N synthetic offers
(~3,400 words each, in towns of about 160 settings: --towns) into a temporary Git repository
and builds the same offers, each build in its own process tree:

- localoffer: the repository's mkdocs.yml and docs/, with the localoffer plugin (search:
  Pagefind, run by the build itself);
- plain MkDocs: the same Markdown bodies as ordinary pages of a plain MkDocs + material site,
  every page in its menu, with the theme's lunr search (only up to --baseline-max: it grows
  with N squared);
- tuned MkDocs + Pagefind: the same pages as a capable user would tune it (only the home page
  in the menu, the offers `not_in_nav`, the theme's `navigation.prune`, no lunr search), then
  the same Pagefind run on its output (up to --tuned-max);
- Hugo + Pagefind: Debian's Hugo on the same Markdown with a minimal theme written here, then
  the same Pagefind: the practical ceiling for a static build (up to --tuned-max).

For each it reports wall time, CPU time (user + system of the whole process tree: the build
and everything it ran and waited for, such as Pagefind), peak memory of the whole process tree
(the sum of its processes' proportional set sizes, sampled every 0.5 s) and of its largest
process (ru_maxrss), the HTML written, and what one search costs a reader: measured in
headless Chromium when it is installed (every file of Pagefind's, in any folder or shard, the
search script and its words file that a search for "speech" fetched, with the first 10
results' excerpts; where the search page asks for an area first, in the area that takes the
most shards, with every area's cost beside it), otherwise estimated from the index files.
It prints the ratios
the targets name and exits 1 when a target is missed:

- at 1,000 offers: localoffer at least 3x faster (wall) than tuned MkDocs + its Pagefind, and
  at most 1.5x the time of Hugo + its Pagefind;
- at 25,000 offers: a full build in at most 4 minutes, at most 3 GB (3,072 MiB) for the whole
  process tree, at most 500 kB (500,000 bytes) downloaded per search.

    python benchmarks/bench_site.py --sizes 100,1000,5000
    python benchmarks/bench_site.py --sizes 25000 --tuned-max 0     # localoffer alone
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

from localoffer.borough import load_borough
from localoffer.synthetic import write_borough
from real_text import add_text_option, answers

REPO_ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)
SEARCH_WORD = "speech"
RESULTS_SHOWN = 10  # the first page of results, as localoffer's search page shows
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HUGO = shutil.which("hugo") or "/usr/bin/hugo"
# Reading a process's proportional set size makes the kernel walk its memory map (13 ms for
# 1.5 GB here) while the process waits on it: every 0.1 s, that stretched a 25,000-offer
# build by 15 s. Peaks last seconds, so every 0.5 s finds the same ones.
SAMPLE_EVERY_S = 0.5
MIB = 1024 * 1024
OFFER_PAGES = "settings/**/index.html"
# Up to this size, Pagefind's share of localoffer's build is shown: the site indexed again in
# one index (localoffer shards it from 1,500 offers, so above that it is not its share).
PAGEFIND_SHARE_MAX = 1000

BUILD_OURS = "localoffer"
BUILD_PLAIN = "plain MkDocs"
BUILD_TUNED = "tuned MkDocs + Pagefind"
BUILD_HUGO = "Hugo + Pagefind"

# Targets (issue 15).
TARGET_SIZE_RATIOS = 1000
FASTER_THAN_TUNED = 3.0
OF_HUGO_AT_MOST = 1.5
TARGET_SIZE_NATIONAL = 25000
NATIONAL_SECONDS = 240.0
NATIONAL_TREE_MIB = 3 * 1024
NATIONAL_SEARCH_BYTES = 500_000


@dataclass
class Usage:
    """What one command cost: wall and CPU time, peak memory of its process tree and of its
    largest process."""

    seconds: float
    cpu_seconds: float
    tree_peak_mb: float
    largest_mb: float


@dataclass
class Part:
    name: str
    seconds: float
    cpu_seconds: float
    tree_peak_mb: float
    largest_mb: float


@dataclass
class Result:
    build: str
    offers: int
    words_per_offer: int
    seconds: float
    cpu_seconds: float
    peak_mb: float  # the whole process tree (sum of proportional set sizes), MiB
    largest_mb: float  # the largest single process (ru_maxrss), MiB
    html_mb: float
    html_files: int
    search_bytes: int
    search_how: str
    parts: list[Part] = field(default_factory=list)
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
        return self.html_mb * 1000 / self.offers

    @property
    def search_kb(self) -> float:
        return self.search_bytes / 1000


# --- Measuring a process tree ----------------------------------------------------------------

def _parent_of(pid: str) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2:].split()[1])


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _parent_of(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _memory_kib(pid: int) -> int:
    """A process's proportional set size (its own pages, and its share of pages it shares with
    others, such as a forked worker's), so that the sum over a tree counts each page once; its
    resident set size where the kernel gives no PSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return 0


class TreeSampler:
    """Samples the memory of all the descendants of a process until stopped; keeps the peak
    of their sum."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_memory_kib(pid) for pid in _descendants(self.root) if pid != self.root)
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(SAMPLE_EVERY_S)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_kib


# Runs one command in a child process and prints, on its last line, the peak memory (KiB) of
# the largest process among the command and everything it waited for, and their CPU seconds
# (user + system). A process started by a large one (this script, once it has written 25,000
# offers) inherits its peak memory as its own starting maximum; this small one's children
# do not.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    "sys.exit(code)\n"
)


def run_measured(argv: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> Usage:
    """Runs argv to its end; its wall time, the CPU time of its whole tree (everything it
    waited for), the largest of their peaks, and the sampled peak of the tree's summed
    memory (the small measuring process around it left out)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        wrapper = subprocess.Popen([sys.executable, "-c", _MEASURE, *argv], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
        sampler = TreeSampler(wrapper.pid)
        output, _ = wrapper.communicate()
        seconds = time.perf_counter() - start
        tree_kib = sampler.stop()
        if wrapper.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"{what} failed (exit {wrapper.returncode}):\n{message}")
    peak, cpu = output.strip().splitlines()[-1].split()
    largest_kib = int(peak)  # ru_maxrss is in KiB on Linux
    # The sampled tree is never less than its largest process.
    return Usage(round(seconds, 2), round(float(cpu), 2),
                 round(max(tree_kib, largest_kib) / 1024, 1), round(largest_kib / 1024, 1))


# --- The sites ---------------------------------------------------------------------------------

# A national directory's settings in towns of about this many (England's 24,000 or so schools
# among its 153 local authorities); --towns chooses otherwise.
SETTINGS_PER_TOWN = 160


def add_towns_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--towns", type=int, default=-1,
                        help="Towns the synthetic settings are shared among (default: one for "
                             f"every {SETTINGS_PER_TOWN} settings, as in a directory of "
                             "England's local authorities; 0: all in one town).")


def towns_for(count: int, chosen: int) -> int:
    return chosen if chosen >= 0 else math.ceil(count / SETTINGS_PER_TOWN)


def write_ours(folder: Path, count: int, words: int, search: str, dashboard: bool,
               text: str = "real", towns: int = 0) -> int:
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    shutil.copytree(REPO_ROOT / "docs", folder / "docs")
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("search: material", f"search: {search}\n      dashboard: {str(dashboard).lower()}")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    borough = load_borough(folder / "localoffer.yml")
    paths = write_borough(borough, folder, count, TODAY, words_per_answer=words,
                          answer=answers(text), towns=towns)
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q",
         "-m", f"Add {count} synthetic offers", "-m", "Reviewed-by: Local Offer Team")
    return round(sum(len(path.read_text(encoding="utf-8").split()) for path in paths) / count)


def offer_bodies(ours: Path) -> list[tuple[str, str, str]]:
    """Each offer's folder name, setting name and Markdown body (front-matter removed)."""
    bodies = []
    for path in sorted((ours / "offers").glob("*/offer.md")):
        text = path.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        name = next(line[6:] for line in front.splitlines() if line.startswith("name: "))
        bodies.append((path.parent.name, name, body))
    return bodies


_MARKDOWN_EXTENSIONS = ("markdown_extensions:\n  - abbr\n  - admonition\n  - attr_list\n"
                        "  - md_in_html\n  - tables\n  - toc:\n      toc_depth: 3\n")


def _write_mkdocs_pages(ours: Path, folder: Path) -> None:
    docs = folder / "docs" / "settings"
    docs.mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Local Offer\n", encoding="utf-8")
    for slug, name, body in offer_bodies(ours):
        (docs / f"{slug}.md").write_text(f"# {name}\n{body}", encoding="utf-8")


def write_plain(ours: Path, folder: Path) -> None:
    """The same offers' Markdown bodies as ordinary pages: what a plain MkDocs site would do."""
    _write_mkdocs_pages(ours, folder)
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain MkDocs\ntheme:\n  name: material\nplugins:\n  - search\n"
        + _MARKDOWN_EXTENSIONS, encoding="utf-8")


def write_tuned(ours: Path, folder: Path) -> None:
    """The same pages as a capable user would tune MkDocs for thousands of them: only the home
    page in the menu (the offers built but `not_in_nav`), the theme's navigation.prune, and no
    lunr search (Pagefind is run on the output instead)."""
    _write_mkdocs_pages(ours, folder)
    (folder / "mkdocs.yml").write_text(
        "site_name: Tuned MkDocs\ntheme:\n  name: material\n  features:\n"
        "    - navigation.prune\nplugins: []\nnav:\n  - Local Offer: index.md\n"
        "not_in_nav: |\n  /settings/\n" + _MARKDOWN_EXTENSIONS, encoding="utf-8")


_HUGO_HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              '<title>{{ .Title }} | {{ site.Title }}</title>\n</head>\n<body>\n'
              '<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> '
              '<a href="{{ "/settings/" | relURL }}">All settings</a></header>\n')
HUGO_SINGLE = (_HUGO_HEAD + '<main data-pagefind-body>\n<h1>{{ .Title }}</h1>\n'
               '{{ .Content }}\n</main>\n</body>\n</html>\n')
HUGO_LIST = (_HUGO_HEAD + '<main>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n<ul>\n'
             '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n'
             '{{ end }}</ul>\n</main>\n</body>\n</html>\n')
HUGO_CONFIG = ('baseURL = "/"\ntitle = "Hugo"\nlanguageCode = "en-gb"\n'
               'disableKinds = ["taxonomy", "term", "RSS"]\n')


def write_hugo(ours: Path, folder: Path) -> None:
    """The same Markdown bodies as a Hugo site (content/settings/<slug>/index.md, the title in
    front matter) with a minimal theme: a page template and a list template."""
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    content = folder / "content"
    (content / "settings").mkdir(parents=True)
    (content / "_index.md").write_text('---\ntitle: "Local Offer"\n---\n', encoding="utf-8")
    (content / "settings" / "_index.md").write_text('---\ntitle: "All settings"\n---\n',
                                                     encoding="utf-8")
    for slug, name, body in offer_bodies(ours):
        page = content / "settings" / slug / "index.md"
        page.parent.mkdir()
        page.write_text(f"---\ntitle: {json.dumps(name)}\n---\n{body}", encoding="utf-8")


# --- The builds ----------------------------------------------------------------------------------

def _environment() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", LOCALOFFER_TODAY=TODAY.isoformat())


def _mkdocs(folder: Path, what: str, strict: bool = False) -> Usage:
    return run_measured([sys.executable, "-m", "mkdocs", "build", "-q",
                         *(["--strict"] if strict else [])], folder, what, _environment())


def _pagefind(site: Path, what: str, *extra: str) -> Usage:
    return run_measured([sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
                         "--glob", OFFER_PAGES, *extra], site, what)


def _html(site: Path) -> tuple[float, int]:
    pages = list(site.rglob("*.html"))
    return round(sum(page.stat().st_size for page in pages) / 1e6, 1), len(pages)


def _part(name: str, usage: Usage) -> Part:
    return Part(name, usage.seconds, usage.cpu_seconds, usage.tree_peak_mb, usage.largest_mb)


def measure(build: str, folder: Path, offers: int, words: int, strict: bool = False) -> Result:
    """localoffer's build (search: Pagefind, run inside it), or plain MkDocs (lunr)."""
    usage = _mkdocs(folder, f"{build} build of {offers} offers", strict)
    site = folder / "site"
    html_mb, html_files = _html(site)
    search_bytes, how = search_cost(site)
    result = Result(build, offers, words, usage.seconds, usage.cpu_seconds, usage.tree_peak_mb,
                    usage.largest_mb, html_mb, html_files, search_bytes, how)
    if (site / "pagefind").is_dir() and offers <= PAGEFIND_SHARE_MAX:
        # Pagefind's own share: index the site again on its own.
        again = _pagefind(site, "Pagefind on localoffer's site", "--output-subdir",
                          "pagefind-again", "--force-language", "en")
        result.pagefind_peak_mb = again.tree_peak_mb
        result.pagefind_cpu_seconds = again.cpu_seconds
    return result


def measure_then_pagefind(build: str, folder: Path, offers: int, words: int) -> Result:
    """A baseline build, then the same Pagefind on its output: each part measured on its own,
    the two summed (they run one after the other, so the peak is the larger of the two)."""
    if build == BUILD_HUGO:
        first_name = "Hugo"
        first = run_measured([HUGO, "--quiet", "--destination", "site"], folder,
                             f"Hugo's build of {offers} offers")
        root_selector: tuple[str, ...] = ()  # the theme marks the page's body for Pagefind
    else:
        first_name = "MkDocs"
        first = _mkdocs(folder, f"tuned MkDocs build of {offers} offers")
        root_selector = ("--root-selector", "article")  # the theme's page content
    site = folder / "site"
    html_mb, html_files = _html(site)
    second = _pagefind(site, f"Pagefind on the {build} site", *root_selector)
    search_bytes, how = search_cost(site, own_page=False)
    parts = [_part(first_name, first), _part("Pagefind", second)]
    return Result(build, offers, words, round(first.seconds + second.seconds, 2),
                  round(first.cpu_seconds + second.cpu_seconds, 2),
                  max(first.tree_peak_mb, second.tree_peak_mb),
                  max(first.largest_mb, second.largest_mb), html_mb, html_files, search_bytes,
                  how, parts)


# --- What a search downloads ---------------------------------------------------------------

# For the baselines, which have no search page of their own: Pagefind's API as a search page
# uses it, the first results' data fetched as localoffer's search page does.
BENCH_SEARCH_PAGE = "bench-search.html"
_BENCH_SEARCH_HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Search</title></head>
<body><ol id="results"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
const search = await pagefind.search("{SEARCH_WORD}");
const found = await Promise.all(search.results.slice(0, {RESULTS_SHOWN}).map((r) => r.data()));
const list = document.getElementById("results");
for (const item of found) {{
  const li = document.createElement("li");
  li.textContent = item.url;
  list.append(li);
}}
</script></body></html>
"""


def search_cost(site: Path, own_page: bool = True) -> tuple[int, str]:
    if (site / "pagefind").is_dir():
        if CHROMIUM:
            try:
                if own_page:
                    return own_search_cost(site)
                (site / BENCH_SEARCH_PAGE).write_text(_BENCH_SEARCH_HTML, encoding="utf-8")
                fetched = _browser_search_bytes(site, BENCH_SEARCH_PAGE, "#results li")
                return fetched, (f"measured: Pagefind's API, '{SEARCH_WORD}', first "
                                 f"{RESULTS_SHOWN} results")
            except Exception as error:  # noqa: BLE001 - fall back to the estimate
                print(f"  (browser measurement failed: {error}; estimating)", file=sys.stderr)
        return _pagefind_estimate(site), ("estimated: Pagefind's loader, wasm and metadata, the "
                                          "largest index chunk, the 10 largest fragments")
    index = site / "search" / "search_index.json"
    workers = list((site / "assets" / "javascripts" / "workers").glob("search*.js"))
    return (index.stat().st_size + sum(path.stat().st_size for path in workers),
            "measured on disk: search_index.json + search worker (downloaded whole)")


def own_search_cost(site: Path) -> tuple[int, str]:
    """What localoffer's search page fetches for SEARCH_WORD: in the area whose settings take
    the most shards when the page asks for an area first (an index in several shards), and in
    every area."""
    listed = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    every = _browser_search_bytes(site, f"search/?q={SEARCH_WORD}&area=*",
                                  "#lo-search-results li")
    areas = listed.get("areas", {})
    if len(listed["shards"]) < 2 or len(areas) < 2:
        return every, f"measured: localoffer's search page, '{SEARCH_WORD}'"
    area = max(areas, key=lambda town: len(areas[town]))
    fetched = _browser_search_bytes(site, f"search/?q={SEARCH_WORD}&area={quote(area)}",
                                    "#lo-search-results li")
    return fetched, (f"measured: localoffer's search page, '{SEARCH_WORD}' in {area} (its "
                     f"{len(areas[area])} of {len(listed['shards'])} shards; every area: "
                     f"{every / 1000:,.0f} kB)")


def _pagefind_estimate(site: Path) -> int:
    folder = site / "pagefind"
    fixed = sum(path.stat().st_size for path in folder.glob("*") if path.is_file()
                and (path.suffix in (".js", ".json") and "ui" not in path.name
                     or path.name.startswith("wasm.en")))
    meta = max((path.stat().st_size for path in folder.glob("pagefind.*.pf_meta")), default=0)
    chunk = max((path.stat().st_size for path in (folder / "index").glob("*")), default=0)
    fragments = sorted((path.stat().st_size for path in (folder / "fragment").glob("*")),
                       reverse=True)[:RESULTS_SHOWN]
    script = site / "assets/localoffer/search.js"
    return fixed + meta + chunk + sum(fragments) + (script.stat().st_size if script.is_file() else 0)


def _browser_search_bytes(site: Path, address: str, result_selector: str) -> int:
    return sum(fetched_by_search(
        site, address, lambda page: page.wait_for_selector(result_selector, timeout=60000)).values())


def fetched_by_search(site: Path, address: str,
                      ready: Callable[[Any], object]) -> dict[str, int]:
    """Every file of a search (`_part_of_search`) that Chromium fetches for the page at
    `address` of `site`, served on 127.0.0.1, until `ready(page)` and the network is idle:
    {address: bytes}. bench_search.py measures with it too."""
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
                if _part_of_search(response.url):
                    fetched[response.url] = len(response.body())

            page.on("response", record)
            page.goto(f"http://127.0.0.1:{server.server_port}/{address}")
            ready(page)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return fetched


def _part_of_search(url: str) -> bool:
    """A file a search fetches: any of Pagefind's (whatever folder or shard it is in), the
    search page's script and the words it searches for as well."""
    path = url.split("?", 1)[0]
    return "pagefind" in path or path.endswith(("/search.js", "/search-words.json"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True)


# --- The report --------------------------------------------------------------------------------

def report(results: list[Result]) -> str:
    lines = ["| build | offers | words/offer | wall (s) | CPU (s) | CPU ms/offer | peak memory, "
             "whole tree (MB) | largest process (MB) | HTML (MB) | HTML kB/offer | one search "
             "downloads (kB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for item in results:
        lines.append(f"| {item.build} | {item.offers:,} | {item.words_per_offer:,} | "
                     f"{item.seconds:.1f} | {item.cpu_seconds:.1f} | {item.cpu_ms_per_offer:.1f} | "
                     f"{item.peak_mb:,.0f} | {item.largest_mb:,.0f} | "
                     f"{item.html_mb:.1f} | {item.html_kb_per_offer:.1f} | "
                     f"{item.search_kb:,.0f} ({item.search_how}) |")
    for item in results:
        if item.parts:
            each = "; ".join(f"{part.name} {part.seconds:.1f} s wall, {part.cpu_seconds:.1f} s "
                             f"CPU, {part.tree_peak_mb:,.0f} MB peak" for part in item.parts)
            lines.append(f"{item.build} at {item.offers:,} offers: {each}; summed "
                         f"{item.seconds:.1f} s wall, {item.cpu_seconds:.1f} s CPU.")
        if item.pagefind_peak_mb:
            lines.append(f"{item.build} at {item.offers:,} offers: of which Pagefind alone "
                         f"(indexing its site again, one index) {item.pagefind_cpu_seconds:.1f} s CPU, "
                         f"{item.pagefind_peak_mb:,.0f} MB peak memory.")
    ours = _by_size(results, BUILD_OURS)
    if len(ours) >= 2:
        low, high = ours[min(ours)], ours[max(ours)]
        lines.append("")
        lines.append(f"Growth from {low.offers:,} to {high.offers:,} offers: wall time per offer "
                     f"x{high.ms_per_offer / low.ms_per_offer:.2f}, CPU time per offer "
                     f"x{high.cpu_ms_per_offer / low.cpu_ms_per_offer:.2f}, HTML per offer "
                     f"x{high.html_kb_per_offer / low.html_kb_per_offer:.2f} (target: at most 1.2).")
    lines.append("")
    lines.extend(ratios(results))
    return "\n".join(lines)


def _by_size(results: list[Result], build: str) -> dict[int, Result]:
    return {item.offers: item for item in results if item.build.startswith(build)}


def ratios(results: list[Result]) -> list[str]:
    """Each baseline's time against localoffer's, at every size both were built."""
    ours = _by_size(results, BUILD_OURS)
    lines = []
    for build in (BUILD_PLAIN, BUILD_TUNED):
        for count, other in sorted(_by_size(results, build).items()):
            if count in ours:
                lines.append(f"At {count:,} offers localoffer builds "
                             f"{other.seconds / ours[count].seconds:.2f}x faster than {build} in "
                             f"wall time, {other.cpu_seconds / ours[count].cpu_seconds:.2f}x in "
                             "CPU time.")
    for count, hugo in sorted(_by_size(results, BUILD_HUGO).items()):
        if count in ours:
            lines.append(f"At {count:,} offers localoffer takes "
                         f"{ours[count].seconds / hugo.seconds:.2f}x the wall time of {BUILD_HUGO}, "
                         f"{ours[count].cpu_seconds / hugo.cpu_seconds:.2f}x its CPU time.")
    return lines


def targets(results: list[Result]) -> list[tuple[str, bool]]:
    """The issue's targets that this run's sizes measure: (what, met)."""
    verdicts = []
    ours = _by_size(results, BUILD_OURS)
    tuned, hugo = _by_size(results, BUILD_TUNED), _by_size(results, BUILD_HUGO)
    count = TARGET_SIZE_RATIOS
    # Compared in CPU time: the builds run one after another, and the machine's load can differ
    # between them (wall time is shown, not judged).
    if count in ours and count in tuned:
        faster = tuned[count].cpu_seconds / ours[count].cpu_seconds
        verdicts.append((f"at {count:,} offers at least {FASTER_THAN_TUNED:g}x faster than "
                         f"{BUILD_TUNED}: {faster:.2f}x in CPU time "
                         f"({tuned[count].seconds / ours[count].seconds:.2f}x in wall time)",
                         faster >= FASTER_THAN_TUNED))
    if count in ours and count in hugo:
        of_hugo = ours[count].cpu_seconds / hugo[count].cpu_seconds
        verdicts.append((f"at {count:,} offers at most {OF_HUGO_AT_MOST:g}x the time of "
                         f"{BUILD_HUGO}: {of_hugo:.2f}x in CPU time "
                         f"({ours[count].seconds / hugo[count].seconds:.2f}x in wall time)",
                         of_hugo <= OF_HUGO_AT_MOST))
    for size, item in sorted(ours.items()):
        if size >= TARGET_SIZE_NATIONAL:
            verdicts.append((f"{size:,} offers built in at most {NATIONAL_SECONDS:.0f} s: "
                             f"{item.seconds:.1f} s", item.seconds <= NATIONAL_SECONDS))
            verdicts.append((f"{size:,} offers in at most {NATIONAL_TREE_MIB:,} MB (whole "
                             f"tree): {item.peak_mb:,.0f} MB", item.peak_mb <= NATIONAL_TREE_MIB))
            verdicts.append((f"{size:,} offers: at most {NATIONAL_SEARCH_BYTES // 1000} kB per "
                             f"search: {item.search_kb:,.0f} kB ({item.search_how})",
                             item.search_bytes <= NATIONAL_SEARCH_BYTES))
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="Numbers of offers, comma-separated (default: 100,1000,5000).")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="Build plain MkDocs only up to this many offers (default: 1000).")
    parser.add_argument("--tuned-max", type=int, default=5000,
                        help="Build tuned MkDocs and Hugo (each + Pagefind) only up to this many "
                             "offers (default: 5000).")
    parser.add_argument("--words", type=int, default=160,
                        help="Words per answer of the synthetic offers (default: 160, about "
                             "3,400 words an offer).")
    add_text_option(parser)
    add_towns_option(parser)
    parser.add_argument("--search", choices=("pagefind", "material"), default="pagefind",
                        help="Search engine of the localoffer build (default: pagefind).")
    parser.add_argument("--strict", action="store_true",
                        help="Build ours with --strict, which also runs every check on every "
                             "offer (the build a pull request or a publication runs).")
    parser.add_argument("--dashboard", action="store_true",
                        help="Include the 'How up to date are these offers?' page (off by "
                             "default: it is the reporting package's, measured on its own).")
    parser.add_argument("--rounds", type=int, default=1,
                        help="Run every build this many times, in turn (default: 1), and keep "
                             "for each build its round with the least CPU time: the one least "
                             "slowed by other work on the machine.")
    parser.add_argument("--json", type=Path, help="Also write the results here as JSON.")
    parser.add_argument("--rebuild-one", action="store_true",
                        help="Instead: time a full build, a rebuild with the cache after one "
                             "offer changes, and a --changed-since preview (rebuild_one.py).")
    args = parser.parse_args(argv)
    if args.rebuild_one:
        return main_rebuild_one(args)
    if args.tuned_max and not Path(HUGO).is_file():
        parser.error(f"Hugo is not installed ({HUGO}): apt-get install hugo, or --tuned-max 0")
    results = []
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bench-site-{count}-") as temp:
            ours = Path(temp) / "ours"
            ours.mkdir()
            words = write_ours(ours, count, args.words, args.search, args.dashboard, args.text,
                               towns_for(count, args.towns))
            label = BUILD_OURS + (" --strict" if args.strict else "") + (
                " + dashboard" if args.dashboard else "")
            builds: list[tuple[Path, Callable[[], Result]]] = [
                (ours, functools.partial(measure, label, ours, count, words, args.strict))]
            if count <= args.baseline_max:
                write_plain(ours, Path(temp) / "plain")
                builds.append((Path(temp) / "plain", functools.partial(
                    measure, BUILD_PLAIN, Path(temp) / "plain", count, words)))
            if count <= args.tuned_max:
                write_tuned(ours, Path(temp) / "tuned")
                (Path(temp) / "hugo").mkdir()
                write_hugo(ours, Path(temp) / "hugo")
                builds += [(Path(temp) / name, functools.partial(
                    measure_then_pagefind, build, Path(temp) / name, count, words))
                    for name, build in (("tuned", BUILD_TUNED), ("hugo", BUILD_HUGO))]
            results += least_cpu(builds, args.rounds)
    print(report(results))
    verdicts = targets(results)
    for what, met in verdicts:
        print(f"Target {'met' if met else 'MISSED'}: {what}.")
    print(f"\nMachine: {os.cpu_count()} CPUs; load average at the end "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}.")
    if args.json:
        args.json.write_text(json.dumps([asdict(item) for item in results], indent=1))
    return 0 if all(met for _, met in verdicts) else 1


def main_rebuild_one(args: argparse.Namespace) -> int:
    from rebuild_one import rebuild_one, report as rebuild_report, verdicts as rebuild_verdicts

    timed = []
    for count in (int(size) for size in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix=f"bench-rebuild-{count}-") as temp:
            write_ours(Path(temp), count, args.words, args.search, args.dashboard, args.text,
                       towns_for(count, args.towns))
            timed += rebuild_one(Path(temp), count, TODAY.isoformat())
            print(rebuild_report(timed), file=sys.stderr)
    print(rebuild_report(timed))
    judged = rebuild_verdicts(timed)
    for line, _ in judged:
        print(line)
    print(f"\nMachine: {os.cpu_count()} CPUs; load average at the end "
          f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}.")
    return 0 if all(met for _, met in judged) else 1


def least_cpu(builds: list[tuple[Path, Callable[[], Result]]], rounds: int) -> list[Result]:
    """Each build (its folder, and what measures it) run `rounds` times, the builds in turn,
    each from a clean folder; for each, the round with the least CPU time."""
    kept: list[Result | None] = [None] * len(builds)
    for round_number in range(1, rounds + 1):
        for number, (folder, build) in enumerate(builds):
            for made in ("site", ".localoffer-cache"):  # what an earlier round built
                shutil.rmtree(folder / made, ignore_errors=True)
            result = build()
            _progress(result, f"round {round_number} of {rounds}" if rounds > 1 else "")
            best = kept[number]
            if best is None or result.cpu_seconds < best.cpu_seconds:
                kept[number] = result
    return [result for result in kept if result is not None]


def _progress(result: Result, note: str = "") -> None:
    row = report([result]).splitlines()[2]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{row} load {load}" + (f"; {note}" if note else ""), file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
