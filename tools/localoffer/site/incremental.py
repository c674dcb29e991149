"""Incremental builds: an unchanged offer is not loaded, checked, rendered or written again.

`localoffer build` (and `serve`) build into a site folder that holds the last build: the
engine is told not to empty it (MkDocs' "dirty" build), and this module empties it instead,
all but the offers' pages in settings/, which `KeptPages` (build_cache.py) says are still
right. The engine then writes every other page, as in a clean build, and the offers' pages
that changed; afterwards `prune` removes what no longer belongs (a deleted or renamed offer's
folder, a translation or picture taken away), so the folder ends up as a clean build's.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from typing import Any, Callable, Iterable

from localoffer.borough import Borough
from localoffer.model import load_offer
from localoffer.site.build_cache import (
    BuildCache,
    CachedBodies,
    CachedOffer,
    KeptPages,
    Manifest,
    code_fingerprint,
    digest,
    folder_fingerprint,
    file_bytes,
)
from localoffer.site.catalogue import Catalogue, Examined, PublishedOffer, assemble
from localoffer.site.bodies import render_body
from localoffer.site.light_offer import LightBody, LightOffer, OfferText
from localoffer.site.parallel import examine_all
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.search import SearchCopies



class IncrementalBuild:
    """One build's use of the cache: started before the engine writes anything (it empties
    the folder of an `incremental` build, all but the pages that may be kept), it loads the
    offers, says which pages are kept, and at the end removes what no longer belongs, records
    what the folder holds and lets the cache forget old entries. `keep_pages`: False when the
    theme's search must see every page written; `shell`: everything the theme puts around an
    offer's page (the engine's layer gathers it)."""

    def __init__(self, project: Path, borough: Borough, today: date, site_dir: Path,
                 incremental: bool, keep_pages: bool, shell: Any,
                 own_folders: tuple[str, ...] = ()) -> None:
        """`own_folders`: top folders of the site that another part of the build keeps up to
        date itself (the search index's pagefind/), left as they are."""
        self.cache = BuildCache(project, digest(code_fingerprint(),
                                                file_bytes(borough.config_path), today))
        self.borough, self.today, self.site_dir = borough, today, site_dir
        self.incremental = incremental
        previous = (self.cache.manifest(site_dir) if incremental and keep_pages else Manifest())
        self.may_keep = set(previous.files)
        if incremental:  # the engine will not empty the folder: this does, as it would
            empty_but_kept(site_dir, self.may_keep, own_folders)
        self.used_keys: set[str] | None = None  # every offer's key, after a whole load
        self.kept_pages = (KeptPages(site_dir, digest(self.cache.build_key, shell), {}, previous)
                           if keep_pages else None)

    def load(self, run_checks: bool, paths: list[Path], every_path: list[Path],
             search_copies: SearchCopies | None) -> "CachedLoad":
        loaded = load_with_cache(self.cache, self.borough, self.today, run_checks, paths,
                                 every_path, search_copies, read=self.incremental)
        if self.kept_pages is not None:
            self.kept_pages.offer_keys = loaded.offer_keys
        # A build of some offers only (a preview) leaves the others' entries alone.
        self.used_keys = set(loaded.keys) if len(paths) == len(every_path) else None
        return loaded

    def finish(self, written: set[str], page_urls: Iterable[str]) -> None:
        """`written`: every site path the engine wrote or kept; `page_urls`: the pages that
        may be kept next time (offers' and booklets')."""
        if self.incremental:
            prune(self.site_dir, written, self.may_keep)
        if self.kept_pages is not None:
            self.kept_pages.record_files(page_urls)
            self.cache.save_manifest(self.site_dir, self.kept_pages.current)
        if self.used_keys is not None:
            self.cache.forget_unused(self.used_keys, time.time())


@dataclass
class CachedLoad:
    catalogue: Catalogue
    bodies: CachedBodies
    offer_keys: dict[str, str]  # slug of each published offer: its key
    keys: list[str]  # every offer's key, drafts' too
    examined: int  # how many offers were loaded (and checked, and rendered) in this build


def load_with_cache(cache: BuildCache, borough: Borough, today: date, run_checks: bool,
                    paths: list[Path], every_path: list[Path],
                    search_copies: SearchCopies | None, read: bool = True) -> CachedLoad:
    """The catalogue, as parallel.load_and_render makes it, taking from the cache every
    offer whose key it holds (`read`: False for a clean build, which only fills the cache)."""
    # The checks look up links to other offers, and a translation's freshness in Git.
    known = digest(sorted(path.parent.name for path in every_path)) if run_checks else ""
    head = _head(borough.offers_dir) if run_checks else ""
    checked = {False: digest(run_checks, known, ""), True: digest(run_checks, known, head)}
    keys: dict[Path, str] = {}
    for path in paths:  # an offer with translations has HEAD in its key
        fingerprint, names = folder_fingerprint(path.parent)
        keys[path] = cache.offer_key(path, fingerprint, checked[_has_translations(names)])
    cached: dict[Path, CachedOffer] = {}
    if read:
        for path, key in keys.items():
            entry = cache.examined(key)
            offer = entry.examined.offer if entry is not None else None
            if entry is not None and isinstance(offer, LightOffer) and offer.path == path:
                offer.attach(_text_reader(cache, key, path, borough))
                cached[path] = entry
    found = {path: entry.examined for path, entry in cached.items()}
    missing = [path for path in paths if path not in found]
    context = digest(search_copies.context) if search_copies is not None else ""
    new, rendered = examine_all(borough, today, run_checks, missing, every_path, search_copies,
                                keep=_CacheWriter(cache, keys, context))
    for item in new:
        if isinstance(item.offer, LightOffer):  # kept in the cache as it was made
            key = keys[item.offer.path]
            item.offer.attach(_text_reader(cache, key, item.offer.path, borough))
            body = rendered.get(item.published.slug) if item.published else None
            if isinstance(body, LightBody) and item.published is not None:
                body.attach(_body_reader(cache, key, item.published, borough))
        found[item.offer.path] = item
    examined = [found[path] for path in paths]
    offer_keys = {item.published.slug: keys[item.offer.path]
                  for item in examined if item.published is not None}
    bodies = CachedBodies(rendered, cache, offer_keys)
    if search_copies is not None:
        for path, entry in cached.items():
            _search_copy(entry, keys[path], context, cache, search_copies, bodies,
                         borough.glossary)
    return CachedLoad(assemble(borough, today, examined), bodies, offer_keys,
                      list(keys.values()), len(missing))


@dataclass
class _CacheWriter:
    """Keeps each offer examined in this build in the cache, with its body and its search copy,
    in the process that made them (parallel.examine_all's `keep`)."""

    cache: BuildCache
    keys: dict[Path, str]
    context: str  # the search copies' context, digested

    def __call__(self, path: Path, item: Examined, body: Rendered | None,
                 copy: bytes | None) -> bool:
        return self.cache.save(self.keys[path], item, body, self.context if copy else "", copy)


def _text_reader(cache: BuildCache, key: str, path: Path,
                 borough: Borough) -> Callable[[], OfferText]:
    """Where a cached offer's text and answers come from when first asked for: the cache, or
    its file (unchanged: its key is its folder's content) if the cache lost them."""
    def read() -> OfferText:
        return cache.offer_text(key) or OfferText.of(load_offer(path, borough))
    return read


def _body_reader(cache: BuildCache, key: str, published: PublishedOffer,
                 borough: Borough) -> Callable[[], Rendered]:
    """Where a light body's HTML comes from each time it is asked for: the cache, or the
    offer rendered again if the cache lost it."""
    def read() -> Rendered:
        return cache.body(key) or render_body(published, MarkdownRenderer(borough.glossary))
    return read


def _search_copy(entry: CachedOffer, key: str, context: str, cache: BuildCache,
                 copies: SearchCopies, bodies: CachedBodies, glossary: dict[str, str]) -> None:
    """The search index needs every offer's copy. Those made in this build are in the cache
    already (_CacheWriter); the copy of an offer taken from the cache is written only if its
    shard is indexed again (often on the search's own thread), and made again if the cache
    does not hold it."""
    published = entry.examined.published
    if published is None:
        return

    def make() -> bytes:
        return cache.search_copy(key) or copies.add(
            published, bodies.get(published.slug)
            or render_body(published, MarkdownRenderer(glossary)))

    if entry.search_context == context and entry.search_copy_digest:
        copies.later(published.url, entry.search_copy_digest, make)
    else:
        make()


def _has_translations(names: list[str]) -> bool:
    return any(name.startswith("offer.") and name.endswith(".md") and name != "offer.md"
               for name in names)


def _head(folder: Path) -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True,
                              text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def empty_but_kept(site_dir: Path, kept: set[str], own_folders: tuple[str, ...] = ()) -> None:
    """Empty the site folder as the engine's clean build would (hidden files stay, as MkDocs
    leaves them), but for the files in `kept` (site paths of pages that may still be right:
    settings/<slug>/index.html, booklet/.../index.html), which `prune` checks at the end, and
    the top folders in `own_folders`."""
    if not site_dir.is_dir():
        return
    folders = _top_folders(kept)
    for entry in os.scandir(site_dir):
        if entry.name.startswith(".") or entry.name in own_folders:
            continue
        if entry.name in folders and entry.is_dir(follow_symlinks=False):
            prune(site_dir, kept, {f"{entry.name}/"})
        else:
            _remove(entry)


def prune(site_dir: Path, written: set[str], kept: set[str]) -> None:
    """Remove, from the folders that held kept pages, every file the build did not write or
    keep (`written`: site paths), every link, and the folders left empty."""
    start = len(str(site_dir)) + 1
    for top in _top_folders(kept):
        folder = os.path.join(site_dir, top)
        if os.path.isdir(folder) and not os.path.islink(folder) and \
                _prune_folder(folder, start, written):
            os.rmdir(folder)


def _prune_folder(folder: str, start: int, written: set[str]) -> bool:
    """Prune below `folder` (see prune); True when nothing is left in it. One listing a
    folder, paths as text: thousands of offers' folders are walked in each build."""
    empty = True
    with os.scandir(folder) as listing:
        entries = list(listing)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if _prune_folder(entry.path, start, written):
                os.rmdir(entry.path)
            else:
                empty = False
        elif entry.is_symlink() or entry.path[start:] not in written:
            os.unlink(entry.path)
        else:
            empty = False
    return empty


def _top_folders(paths: set[str]) -> set[str]:
    return {path.split("/", 1)[0] for path in paths if "/" in path}


def _remove(entry: os.DirEntry[str]) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path, ignore_errors=True)
    else:
        os.unlink(entry.path)
