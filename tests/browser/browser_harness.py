"""What the browser tests need besides pytest: Debian's Chromium, axe-core, a local web server.

Plain functions, so scripts/test.sh can ask the same questions before pytest starts
(`find_axe`, `launch_problem`) and fail with one clear message.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("LOCALOFFER_CHROMIUM", "/usr/bin/chromium"))
# Without the networking flags Chromium keeps trying to reach Google's hosts, which this
# machine's closed network refuses; --no-sandbox because tests run as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core.
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = ("serious", "critical")
HOW_TO_INSTALL = "run `bash scripts/test.sh`, which installs it"
ARTIFACTS = REPO_ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROWEST = {"width": 320, "height": 640}


def find_axe() -> tuple[Path | None, str | None]:
    """The local axe.min.js (axe-core 4), or why there is none."""
    candidates = []
    if os.environ.get("LOCALOFFER_AXE_JS"):
        candidates.append(Path(os.environ["LOCALOFFER_AXE_JS"]))
    try:
        import axe_playwright_python

        candidates.append(Path(axe_playwright_python.__file__).parent / "axe.min.js")
    except ImportError:
        pass
    candidates.append(REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js")
    for path in candidates:
        if path.is_file():
            return path, None
    return None, f"axe-core (axe.min.js) is not installed: {HOW_TO_INSTALL}."


def launch_problem() -> str | None:
    """Why Chromium cannot be driven here, or None when it can."""
    if not CHROMIUM.is_file():
        return f"Chromium is not installed at {CHROMIUM}: {HOW_TO_INSTALL} (apt-get install chromium)."
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return f"Playwright for Python is not installed: {HOW_TO_INSTALL}."
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            browser.close()
    except Exception as error:  # any launch failure is reported, whatever its type
        return f"Chromium at {CHROMIUM} would not start under Playwright: {error}"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.2 A/AA rules on the page as it is now; returns the violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("async (options) => await axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


# Moderate problems fail where they are ours: anywhere but the theme's own header, menus,
# search box and footer (mkdocs-material's, reported to its authors, not fixed here).
REPORTED_IMPACTS = ("moderate", "minor")
THEME_CHROME = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top"
_IN_THEME_CHROME = """(selector) => {
    const element = document.querySelector(selector);
    return Boolean(element && element.closest(arguments_chrome));
}"""


def failing_violations(page: Any, violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Serious and critical problems anywhere; moderate ones on our own elements."""
    failing = []
    probe = _IN_THEME_CHROME.replace("arguments_chrome", repr(THEME_CHROME))
    for violation in violations:
        if violation["impact"] in FAILING_IMPACTS:
            failing.append(violation)
        elif violation["impact"] == "moderate":
            ours = [node for node in violation["nodes"]
                    if not page.evaluate(probe, str(node["target"][0]))]
            if ours:
                failing.append({**violation, "nodes": ours})
    return failing


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


# What the focused element looks like: a visible focus indicator is an outline that is not
# 'none' and has a width, or a box-shadow (material draws some focus rings that way).
FOCUS_PROBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.title || '')
  return {
    element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
             (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''),
    label: label.trim().slice(0, 60),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    width: box.width,
    height: box.height,
    visibility: style.visibility,
  };
}"""


def focus_indicator_visible(probe: dict[str, Any]) -> bool:
    outline = probe["outlineStyle"] != "none" and probe["outlineWidth"] > 0
    shadow = probe["boxShadow"] not in ("", "none")
    return outline or shadow


def has_visible_size(probe: dict[str, Any]) -> bool:
    return probe["width"] > 0 and probe["height"] > 0 and probe["visibility"] != "hidden"


@dataclass
class PageVisit:
    """One page opened in its own browser context, with what went wrong while it loaded."""

    page: Any
    broken_responses: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)


# The page types every browser test visits. `site_pages` maps each to its path in the site.
PAGE_TYPES = ["home", "offer", "list-a-z", "list-by-type", "search", "booklet"]
SEARCH_QUERY = "speech"
# A mainstream primary school's offer is the page most parents read; any offer will do.
PREFERRED_OFFER = "oakfield-primary-school"


def find_pages(site_dir: Path) -> dict[str, str]:
    """Where each page type lives in the built site (paths relative to its root)."""
    offers = sorted(p.parent.name for p in (site_dir / "settings").glob("*/index.html"))
    if PREFERRED_OFFER in offers:
        offers.insert(0, PREFERRED_OFFER)
    pages: dict[str, str | None] = {
        "home": "",
        "offer": f"settings/{offers[0]}/" if offers else None,
        "list-a-z": "settings/",
        "list-by-type": "find/type/",
        "search": "",
        "booklet": "booklet/",
    }
    missing = [
        name for name, path in pages.items()
        if path is None or not (site_dir / path / "index.html").is_file()
    ]
    if missing:
        pytest.fail(f"The built site at {site_dir} has no page for: {', '.join(missing)}", pytrace=False)
    return {name: path or "" for name, path in pages.items()}


def open_search(visit: PageVisit, query: str = SEARCH_QUERY) -> None:
    """Type a query into material's search box and wait for its results."""
    page = visit.page
    # Narrow screens show a search button in the header instead of the box.
    button = page.locator("label.md-header__button[for='__search']")
    if button.count() and button.first.is_visible():
        button.first.click()
    search_input = page.locator("input.md-search__input")
    search_input.click()
    search_input.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


def artifact_path(*parts: str) -> Path:
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
