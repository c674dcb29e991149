"""Search for large boroughs: Pagefind indexes the built pages into small chunks, so a reader
downloads only the parts of the index that hold the words they typed (not the whole index,
as with the theme's own search). Offer pages mark what to index with data-pagefind-* attributes.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.site.catalogue import PublishedOffer
from localoffer.site.markup import fragment
from localoffer.site.pages import OfferPageContext, offer_page
from localoffer.site.render import Rendered
from localoffer.site.search_shards import (UNSORTED_FOLDER, PendingCopies, ShardedIndex,
                                           ShardPlan, area_key, plan_shards, shard_folder)
from localoffer.site.structure import BuiltPage

SEARCH_URL = "search/"
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
    start as soon as the offers are rendered: into folder/unsorted/settings/<slug>/index.html,
    sorted into shards once every setting's town is known (search_shards.py); a copy written
    after that (a translated offer's) goes straight into its shard's folder.

    An unchanged offer's copy, which the build's cache holds, is only announced (`later`): it
    is written only if its shard is indexed again (most builds reuse the shard's index)."""

    folder: Path
    context: OfferPageContext
    pending: PendingCopies = field(default_factory=dict)
    plan: ShardPlan | None = None

    def add(self, item: PublishedOffer, body: Rendered) -> bytes:
        """The offer page's copy, written; returns what was written (the cache keeps it)."""
        # The changes list is left out: it is marked data-pagefind-ignore on the page.
        town = item.facts.town
        return self.add_page(offer_page(item, body, [], self.context),
                             area_key(town) if town else "")

    def add_page(self, page: BuiltPage, area: str = "") -> bytes:
        """A page's copy, marked with its language (a translated offer's too) and its town's
        key (`area`; a translation is searched in its own language's index, which the search
        page does not filter), written; returns what was written."""
        place = shard_folder(self.plan.shard_of(page.url)) if self.plan else UNSORTED_FOLDER
        path = self.folder / place / page.url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        copy = fragment("search.html", "search_copy", page.title, page.html,
                        page.lang or "en", area).encode("utf-8")
        path.write_bytes(copy)
        return copy

    def later(self, url: str, sha256: str, make: Callable[[], bytes]) -> None:
        """The copy of the page at `url`, whose bytes have the hash `sha256`, to be written by
        `make` only if its shard needs it."""
        self.pending[f"{url}index.html"] = (sha256, make)


class PagefindRun:
    """Pagefind indexing the offer pages in the background while the engine writes the site:
    `copies` are filled in, then `start` sorts them into shards by their settings' towns and
    indexes them shard by shard (search_shards.py) into site_dir/pagefind/ (a shard holding a
    translated setting once `copies_complete` says its translations' copies are written), and
    `wait` (or `stop`) ends it. `shards`: at least that many. `cache`: where each shard's
    bundle is kept for the next build (None: nothing is kept or reused); `reuse`: False to
    index every shard again (a clean build) and keep the new bundles."""

    def __init__(self, context: OfferPageContext, room_needed: int, shards: int = 1,
                 cache: Path | None = None, reuse: bool = True) -> None:
        if not pagefind_available():
            raise LocalOfferError("The site is set to use Pagefind search, but Pagefind is not "
                                  "installed. Run: pip install 'pagefind[bin]'")
        self._folder = tempfile.TemporaryDirectory(prefix="localoffer-pagefind-",
                                                   dir=scratch_folder(room_needed))
        self.copies = SearchCopies(Path(self._folder.name), context)
        self.shards = shards
        self.index = ShardedIndex(self.copies.folder, cache, reuse, self.copies.pending)
        self._thread: threading.Thread | None = None
        self._error: LocalOfferError | None = None

    def start(self, site_dir: Path, towns: dict[str, str], translated: set[str]) -> None:
        """`towns`: each setting's folder name with its town ("" for none); `translated`: the
        settings whose translations' copies come later."""
        plan = plan_shards(towns, self.shards)
        self.index.sort(plan)  # before a translation's copy is written into its shard
        self.copies.plan = plan
        late = frozenset(plan.shard_of(f"settings/{slug}/") for slug in translated)

        def index() -> None:
            try:
                self.index.run(site_dir, plan, late)
            except LocalOfferError as error:
                self._error = error
            except OSError as error:
                self._error = LocalOfferError(f"The search index could not be written: {error}")

        self._thread = threading.Thread(target=index, name="pagefind", daemon=True)
        self._thread.start()

    def copies_complete(self) -> None:
        self.index.complete.set()

    def wait(self) -> None:
        try:
            if self._thread is not None:
                self._thread.join()
            if self._error is not None:
                raise self._error
        finally:
            self._folder.cleanup()

    def stop(self) -> None:
        self.index.stop()
        if self._thread is not None:
            self._thread.join()
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
