"""Search for large boroughs: Pagefind indexes the built pages into small chunks, so a reader
downloads only the parts of the index that hold the words they typed (not the whole index,
as with the theme's own search). Offer pages mark what to index with data-pagefind-* attributes.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.markup import fragment
from localoffer.site.pages import OfferPageContext, offer_page
from localoffer.site.render import Rendered
from localoffer.site.structure import BuiltPage

SEARCH_URL = "search/"
PAGEFIND_FOLDER = "pagefind"
# Only offer pages are indexed (they carry data-pagefind-body), in every language: reading
# just them keeps indexing fast, and the big booklet pages out of it. Pagefind makes one index
# for each language, from each page's <html lang>.
PAGES = "settings/**/index.html"
# Linux's shared memory: files written there stay in memory and never go to the disk.
SHARED_MEMORY = Path("/dev/shm")


def pagefind_available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def search_page() -> BuiltPage:
    """The page that runs Pagefind searches (assets/localoffer.js does the work)."""
    html = fragment("search.html", "search_page")
    return BuiltPage(url=SEARCH_URL, title="Search", html=html, search_exclude=True,
                     description="Search the Local Offer.", kind="search")


@dataclass
class SearchCopies:
    """Where Pagefind's copies of the offer pages go: each page's content only (none of the
    theme's menus and icons, which Pagefind would parse and ignore), at the page's address.
    The processes that render the offers write them as they go (parallel.py), so Pagefind can
    start as soon as the offers are rendered."""

    folder: Path
    context: OfferPageContext

    def add(self, item: PublishedOffer, body: Rendered) -> None:
        # The changes list is left out: it is marked data-pagefind-ignore on the page.
        page = offer_page(item, body, [], self.context)
        self.add_page(page)

    def add_page(self, page: BuiltPage) -> None:
        """A page's copy, marked with its language (a translated offer's too)."""
        path = self.folder / page.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fragment("search.html", "search_copy", page.title, page.html,
                                 page.lang or "en"), encoding="utf-8")


class PagefindRun:
    """Pagefind indexing the offer pages in the background while the engine writes the site:
    `copies` are filled in, then `start` runs Pagefind on them, writing its bundle into
    site_dir/pagefind/, and `wait` (or `stop`) ends it."""

    def __init__(self, context: OfferPageContext, room_needed: int) -> None:
        if not pagefind_available():
            raise LocalOfferError("The site is set to use Pagefind search, but Pagefind is not "
                                  "installed. Run: pip install 'pagefind[bin]'")
        self._folder = tempfile.TemporaryDirectory(prefix="localoffer-pagefind-",
                                                   dir=scratch_folder(room_needed))
        self.copies = SearchCopies(Path(self._folder.name), context)
        self._process: subprocess.Popen[str] | None = None

    def start(self, site_dir: Path) -> None:
        # Pagefind uses every CPU: it competes with MkDocs while the pages are written, then has
        # them all to itself; on two CPUs that ended builds sooner than leaving one to MkDocs.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(self.copies.folder),
             "--output-path", str(site_dir / PAGEFIND_FOLDER), "--silent", "--glob", PAGES],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def wait(self) -> None:
        try:
            if self._process is None:
                return
            _, errors = self._process.communicate()
            if self._process.returncode != 0:
                raise LocalOfferError(f"Pagefind could not index the site: {errors.strip()}")
        finally:
            self._folder.cleanup()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._folder.cleanup()


def scratch_folder(room_needed: int) -> str | None:
    """Where the copies go: shared memory when it has `room_needed` bytes free (a thousand
    small files are written and read there several times faster than on a disk: a second off a
    1,000-offer build here), otherwise the usual temporary folder (None)."""
    try:
        if (SHARED_MEMORY.is_dir() and os.access(SHARED_MEMORY, os.W_OK)
                and shutil.disk_usage(SHARED_MEMORY).free > room_needed):
            return str(SHARED_MEMORY)
    except OSError:
        pass
    return None
