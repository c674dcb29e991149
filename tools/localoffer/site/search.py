"""Search for large boroughs: Pagefind indexes the built pages into small chunks, so a reader
downloads only the parts of the index that hold the words they typed (not the whole index,
as with the theme's own search). Offer pages mark what to index with data-pagefind-* attributes.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.site.structure import BuiltPage

SEARCH_URL = "search/"
PAGEFIND_FOLDER = "pagefind"
# Only offer pages are indexed (they carry data-pagefind-body); reading just them keeps
# indexing fast, and the big booklet pages out of it.
PAGES = "settings/*/index.html"


def pagefind_available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def search_page() -> BuiltPage:
    """The page that runs Pagefind searches (assets/localoffer.js does the work)."""
    html = (
        '<div class="lo-search"><h1>Search</h1>'
        '<form class="lo-search-form" action="./" method="get" role="search">'
        '<label for="lo-search-input">Search for a setting, a place or a kind of support</label>'
        '<div class="lo-search-row"><input id="lo-search-input" name="q" type="search" '
        'autocomplete="off" spellcheck="false">'
        '<button class="md-button md-button--primary" type="submit">Search</button></div>'
        "</form>"
        '<p id="lo-search-status" class="lo-search-status" role="status" aria-live="polite"></p>'
        '<ol id="lo-search-results" class="lo-search-results"></ol>'
        '<noscript><p>Search needs JavaScript, which is turned off in your browser. You can '
        'still find a setting in the <a href="../settings/">A to Z list</a>, or by '
        '<a href="../find/type/">type</a>, <a href="../find/age/">age</a>, '
        '<a href="../find/need/">need</a> or <a href="../find/area/">area</a>.</p></noscript>'
        "</div>")
    return BuiltPage(url=SEARCH_URL, title="Search", html=html, search_exclude=True,
                     description="Search the Local Offer.", kind="search")


class PagefindRun:
    """Pagefind indexing the offer pages in the background while the engine writes the site.

    Pagefind reads a copy of each offer page with only its content (none of the theme's menus
    and icons, which it would parse and ignore), written to a temporary folder at the same
    addresses, and writes its bundle into site_dir/pagefind/.
    """

    def __init__(self, pages: list[BuiltPage], site_dir: Path) -> None:
        if not pagefind_available():
            raise LocalOfferError("The site is set to use Pagefind search, but Pagefind is not "
                                  "installed. Run: pip install 'pagefind[bin]'")
        self._folder = tempfile.TemporaryDirectory(prefix="localoffer-pagefind-")
        root = Path(self._folder.name)
        for page in pages:
            if page.kind != "offer":
                continue
            path = root / page.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                            f"<title>{escape(page.title)}</title></head><body>{page.html}"
                            "</body></html>", encoding="utf-8")
        # One CPU is left to MkDocs, which writes the pages meanwhile (Pagefind's threads are
        # rayon's). On two CPUs a second indexing thread saved no time and cost a third more
        # CPU, taken from MkDocs.
        threads = str(max(1, (os.cpu_count() or 1) - 1))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(root), "--output-path",
             str(site_dir / PAGEFIND_FOLDER), "--force-language", "en", "--silent",
             "--glob", PAGES],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "RAYON_NUM_THREADS": threads})

    def wait(self) -> None:
        try:
            _, errors = self._process.communicate()
            if self._process.returncode != 0:
                raise LocalOfferError(f"Pagefind could not index the site: {errors.strip()}")
        finally:
            self._folder.cleanup()

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._folder.cleanup()


def run_pagefind(site_dir: Path) -> None:
    """Index the built site into site_dir/pagefind/ with the Pagefind binary from PyPI."""
    if not pagefind_available():
        raise LocalOfferError("The site is set to use Pagefind search, but Pagefind is not "
                              "installed. Run: pip install 'pagefind[bin]'")
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir",
         PAGEFIND_FOLDER, "--force-language", "en", "--silent", "--glob", PAGES],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise LocalOfferError(f"Pagefind could not index the site: {result.stderr.strip()}")
