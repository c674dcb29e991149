"""The web editor's three figures (issue 14): what its JavaScript costs to download, how long
it takes until a school can use it in Chromium, and axe's counts by severity.

    python benchmarks/bench_editor.py [--runs 3] [--no-axe]

It copies the demo borough into a new Git repository in a temporary folder, builds its website
with the editor as `localoffer cms` publishes it (admin/, no helper) and runs decap-server
(MODE=git) on it, all on 127.0.0.1; then, for each run, a new Chromium process (an empty cache:
a cold start) opens a setting's editor, admin/oakfield-primary-school/:

- **download**: every JavaScript file Chromium fetched until 2 s after the offer was open, in
  bytes and gzipped (level 6, as a web server would send it);
- **time until it can be used**: from asking for the page until the Login button can be
  pressed, and until the offer is open with its boxes filled in (after pressing Login and
  choosing the offer, as a school does); with the machine's load average beside each run.

axe's counts come from the browser test that walks a school through the editor with and
without our fixes (tests/browser/test_cms_in_browser.py, which writes
test-artifacts/cms/axe.json): it is run here and its counts printed. Requests that would leave
127.0.0.1 are refused and counted (there should be none).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
TODAY = date(2026, 11, 28)
SETTING = "oakfield-primary-school"
SETTING_NAME = "Oakfield Primary School"
DEMO_PARTS = ("offers", "docs", "feedback", "localoffer.yml", "mkdocs.yml")
AXE_ARTIFACT = REPO_ROOT / "test-artifacts" / "cms" / "axe.json"
GZIP_LEVEL = 6


@dataclass
class Run:
    load_before: float
    to_login_seconds: float
    to_offer_seconds: float
    scripts: dict[str, int] = field(default_factory=dict)  # address -> bytes
    gzipped: dict[str, int] = field(default_factory=dict)  # address -> bytes gzipped
    outside: list[str] = field(default_factory=list)


def demo_repository(folder: Path) -> Path:
    """The demo borough in a new Git repository, committed on main."""
    folder.mkdir()
    for name in DEMO_PARTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    (folder / ".gitignore").write_text("site/\n", encoding="utf-8")
    identity = ["-c", "user.name=Benchmark", "-c", "user.email=bench@calderbrook.example"]
    for args in (["init", "-q", "-b", "main"], ["add", "."],
                 [*identity, "commit", "-q", "-m", "The demo borough"]):
        subprocess.run(["git", "-C", str(folder), *args], check=True)
    return folder


def open_cold(url: str) -> Run:
    """A new Chromium (empty cache) opens the setting's editor and then its offer."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(120_000)
        run = Run(os.getloadavg()[0], 0.0, 0.0)

        def route(route):  # type: ignore[no-untyped-def]
            if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
                route.continue_()
            else:
                run.outside.append(route.request.url)
                route.abort()

        def record(response):  # type: ignore[no-untyped-def]
            if response.request.resource_type == "script" and response.ok:
                body = response.body()
                run.scripts[response.url] = len(body)
                run.gzipped[response.url] = len(gzip.compress(body, GZIP_LEVEL))

        page.route("**/*", route)
        page.on("response", record)
        start = time.perf_counter()
        page.goto(f"{url}admin/{SETTING}/", wait_until="commit")
        login = page.get_by_role("button", name="Login")
        login.wait_for(state="visible")
        while not login.is_enabled():
            time.sleep(0.01)
        run.to_login_seconds = time.perf_counter() - start
        login.click()
        page.get_by_text(SETTING_NAME).first.click()
        name = page.locator('[id^="name-field-"]').first
        name.wait_for(state="visible")
        while name.input_value() != SETTING_NAME:
            time.sleep(0.01)
        run.to_offer_seconds = time.perf_counter() - start
        page.wait_for_timeout(2000)  # scripts loaded just after (Decap polls its server: never idle)
        browser.close()
    return run


def measure(runs: int) -> list[Run]:
    sys.path.insert(0, str(REPO_ROOT / "tools"))
    from localoffer.borough import load_borough
    from localoffer.commands.cms import run_cms
    from localoffer.site.cms_config import Backend
    from localoffer.site.cms_server import decap_server, find_server

    with tempfile.TemporaryDirectory(prefix="bench-editor-") as temporary:
        repo = demo_repository(Path(temporary) / "local-offer")
        borough = load_borough(repo / "localoffer.yml")
        site = Path(temporary) / "site"
        with decap_server(repo, find_server(REPO_ROOT)) as server:
            backend = Backend(branch=server.branch, local_port=server.port)
            run_cms(borough, repo / "mkdocs.yml", TODAY, backend, site, True)
            with _serve(site) as url:
                return [open_cold(url) for _ in range(runs)]


class _serve:
    """The built website on a free port of 127.0.0.1, in a thread."""

    def __init__(self, folder: Path) -> None:
        import functools
        import http.server

        class Quiet(http.server.SimpleHTTPRequestHandler):
            extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".yml": "text/yaml", ".wasm": "application/wasm"}

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))

    def __enter__(self) -> str:
        import threading

        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def axe_counts() -> dict[str, object]:
    """Run the browser test that walks the editor with and without our fixes; its counts."""
    AXE_ARTIFACT.unlink(missing_ok=True)
    test = "tests/browser/test_cms_in_browser.py::test_the_editor_passes_axe_and_its_guide_shows_each_step"
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-m", "browser", test], cwd=REPO_ROOT, capture_output=True, text=True)
    if done.returncode != 0 or not AXE_ARTIFACT.is_file():
        raise SystemExit(f"The axe test failed:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return json.loads(AXE_ARTIFACT.read_text(encoding="utf-8"))


def _kb(count: int) -> str:
    return f"{count / 1000:,.1f} kB"


def report(runs: list[Run]) -> None:
    first = runs[0]
    print(f"JavaScript Chromium downloaded to open {SETTING_NAME}'s editor (admin/{SETTING}/):")
    for address in sorted(first.scripts, key=first.scripts.get, reverse=True):
        print(f"  {address.split('/admin/', 1)[-1]:32} {_kb(first.scripts[address]):>12}  "
              f"gzipped {_kb(first.gzipped[address]):>10}")
    print(f"  {'total':32} {_kb(sum(first.scripts.values())):>12}  "
          f"gzipped {_kb(sum(first.gzipped.values())):>10}  (gzip level {GZIP_LEVEL})")
    print("Cold starts (a new Chromium each, empty cache), seconds from asking for the page:")
    print("  run  load avg (1 min)  Login can be pressed  offer open with its boxes filled")
    for number, run in enumerate(runs, 1):
        print(f"  {number:>3}  {run.load_before:>16.2f}  {run.to_login_seconds:>20.2f}  "
              f"{run.to_offer_seconds:>31.2f}")
    print(f"  median{'':14}  {statistics.median(r.to_login_seconds for r in runs):>20.2f}  "
          f"{statistics.median(r.to_offer_seconds for r in runs):>31.2f}")
    outside = sorted({address for run in runs for address in run.outside})
    print(f"Requests that would have left 127.0.0.1: {len(outside)}"
          + "".join(f"\n  {address}" for address in outside))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold starts to time (default 3)")
    parser.add_argument("--no-axe", action="store_true", help="skip the axe counts")
    options = parser.parse_args()
    if not CHROMIUM:
        raise SystemExit("bench_editor needs Chromium (apt-get install chromium).")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    runs = measure(max(1, options.runs))
    report(runs)
    if not options.no_axe:
        figures = axe_counts()
        print("axe (WCAG 2.2 A and AA) on each page of a school's walk through the editor and the "
              "LA's review board: elements failing, by severity:")
        for label, key in (("Decap CMS alone (our config, without editor.js/.css)",
                            "axe_decap_alone"),
                           ("with our config, editor.js and editor.css", "axe_with_our_fixes")):
            counts = figures[key]
            print(f"  {label}: " + ", ".join(f"{impact} {counts[impact]}" for impact in
                                             ("critical", "serious", "moderate", "minor")))
        rules: dict[str, int] = {}
        for found in figures["decap_alone_by_rule"].values():
            for rule, count in found.items():
                rules[rule] = rules.get(rule, 0) + count
        print("  Decap alone, by rule: " + ", ".join(f"{rule} {count}"
                                                     for rule, count in sorted(rules.items())))
    return 1 if any(run.outside for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
