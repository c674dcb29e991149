"""The Pagefind index in shards, so a large borough's index takes bounded memory to build,
one changed offer is indexed in a second, not with the whole site, and a search in one area
downloads only the shards that hold that area's settings.

Pagefind holds a whole index in memory while it writes it (about 0.7 MB an offer written
as real reports are: 17 GB for 25,000). The offer pages are split into shards town by town
(plan_shards: a town's settings together, in as few shards as they fit in; a setting's
translations go with it); each shard is indexed by its own Pagefind run, two at a time, into
site_dir/pagefind/<shard>/, and the search page merges the shards of the area a parent
chose (Pagefind's mergeIndex, assets/search.js) into one ranked list. shards.json names the
shards that hold each town's settings; the search page keeps to the chosen town with the
`area` filter each copy carries (area_key; a shard may hold several towns).

Each shard's bundle is kept in the cache folder under the hash of its input (the copies
Pagefind reads, Pagefind's version and options), with a manifest of its pages. A build whose
copies for a shard are the same reuses the bundle. When only a few pages of a shard changed
(at most DELTA_LIMIT), the shard's last bundle is reused as it is: the changed and new pages
are indexed into one small extra shard (`delta/`, searched in every area), and the search page
leaves out the results of the pages that changed or went (`drop` in shards.json, by Pagefind's
page id). More changes than that, and the shard is indexed again whole.

The cache folder is inside the checkout, where a pull request (or a CI cache restored from
another branch) could put anything: a bundle is used only with its seal, signed with the
user's cache key, and nothing there or in the site's pagefind/ is read, written or copied
through a symbolic link (link_free.py).

Pagefind's own output is not the same byte for byte from run to run (its metadata and filter
files are named by a hash that changes), and an incremental build has a delta shard a clean
build does not: `pages` in the site's `pagefind/shards.json` is the hash of every indexed
page's address and copy, the same for two builds that index the same pages.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from localoffer.errors import LocalOfferError
from localoffer.site import link_free
from localoffer.site.signed_store import SignedStore, user_cache_key

PAGEFIND_FOLDER = "pagefind"
# Where each shard's bundle is kept between builds, beside localoffer.yml (Git ignores it).
SEARCH_CACHE = Path(".localoffer-cache") / "search"
SHARDS_FILE = "shards.json"
# The most offers in a shard when the borough does not say: two Pagefind runs at once then
# need about 1.4 GB (0.7 MB an offer written as real reports are; benchmarks/real_text.py).
# A search in one area downloads its shards only; a search of every area downloads at least
# one index chunk (about 40 kB) of each shard for each form of the words.
SHARD_SIZE = 1000
# Pagefind runs at once. Each uses both CPUs while it reads its pages, then mostly one while it
# writes its index: two at once keep both busy (a third of the time off indexing two shards
# here).
PAGEFIND_RUNS_AT_ONCE = 2
# Asks for at least that many shards (tests use it to exercise the merging on a small borough).
SHARDS_VARIABLE = "LOCALOFFER_SEARCH_SHARDS"
# Where the copies are written while the offers are read, before the towns are known.
UNSORTED_FOLDER = "unsorted"
# Only offer pages are indexed (they carry data-pagefind-body), in every language: reading
# just them keeps indexing fast, and the big booklet pages out of it. Pagefind makes one index
# for each language, from each page's <html lang>.
PAGES = "settings/**/index.html"
_ARGUMENTS = ("--silent", "--glob", PAGES)
# Changes when what a cached bundle holds changes, so older bundles are not reused.
_CACHE_FORMAT = "2"
# The shard of pages that changed since their shard's bundle was made.
DELTA_FOLDER = "delta/"
# The most pages of a shard that may change (or go) before it is indexed again whole: the
# delta shard then takes a second or two to index, and a search downloads a little more.
DELTA_LIMIT = 50
MANIFEST_PREFIX = "shard-"
# A bundle's name in the cache: the hash of its input (pages_hash). A manifest naming anything
# else (a path such as ../../elsewhere) is not read.
_KEY = re.compile(r"^[0-9a-f]{64}$")
# Beside each bundle, its seal: every file in it with the hash of its bytes, signed with the
# user's cache key (signed_store.py), so a bundle this user's builds did not make (a cache
# folder restored from another branch's CI run, or committed) is never placed in the site.
SEAL_SUFFIX = ".seal"
# Copies not written yet: each page's path (settings/<slug>/.../index.html), with the hash of
# its bytes and what writes them (search.SearchCopies.later).
PendingCopies = dict[str, tuple[str, Callable[[], bytes]]]


def shard_count(offers: int, chosen: int = 0) -> int:
    """How many shards at least: `chosen` (or the environment's LOCALOFFER_SEARCH_SHARDS) when
    given, otherwise one for every SHARD_SIZE offers."""
    forced = os.environ.get(SHARDS_VARIABLE, "").strip()
    if forced:
        try:
            chosen = int(forced)
        except ValueError:
            raise LocalOfferError(f"{SHARDS_VARIABLE} must be a whole number of search "
                                  f"shards, such as 4, not '{forced}'.") from None
    if chosen > 0:
        return chosen
    return max(1, math.ceil(offers / SHARD_SIZE))


def area_key(town: str) -> str:
    """What a copy carries as its town for Pagefind's `area` filter: Pagefind's filters match
    no value holding a double quote, and read an entity such as &lt; in one as its character,
    so a town's own words (which any school may write) are not used."""
    return hashlib.sha256(town.encode("utf-8")).hexdigest()[:16]


def setting_of(url: str) -> str:
    """The setting's folder name in an offer page's address (settings/<slug>/ or
    settings/<slug>/<lang>/, or its copy's path ending in index.html)."""
    parts = url.strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] == "settings" else url


@dataclass(frozen=True)
class ShardPlan:
    """The shard of each setting's pages, and the shards that hold each town's settings."""

    count: int
    shard_by_setting: dict[str, int]
    shards_by_area: dict[str, list[int]]

    def shard_of(self, url: str) -> int:
        return self.shard_by_setting.get(setting_of(url), 0)


def plan_shards(towns: Mapping[str, str], shards: int) -> ShardPlan:
    """Settings (`towns`: each one's folder name with its town, "" for none) into at least
    `shards` shards of at most len(towns) / shards settings each, taken town by town in
    order of the towns' names: a town goes into a new shard rather than into two where it
    would fit in one, so a search in a town downloads as few shards as can hold it."""
    room = max(1, math.ceil(len(towns) / max(1, shards)))
    by_town: dict[str, list[str]] = {}
    for setting, town in towns.items():
        by_town.setdefault(town, []).append(setting)
    shard, filled = 0, 0
    shard_by_setting: dict[str, int] = {}
    shards_by_area: dict[str, list[int]] = {}
    for town in sorted(by_town, key=lambda name: (name.casefold(), name)):
        settings = sorted(by_town[town])
        if filled and math.ceil((filled + len(settings)) / room) > math.ceil(len(settings) / room):
            shard, filled = shard + 1, 0
        for setting in settings:
            if filled == room:
                shard, filled = shard + 1, 0
            shard_by_setting[setting] = shard
            filled += 1
            if town and shard not in shards_by_area.setdefault(town, []):
                shards_by_area[town].append(shard)
    return ShardPlan(shard + 1, shard_by_setting, shards_by_area)


def shard_folder(shard: int) -> str:
    return f"{shard}/"


def page_hashes(folder: Path) -> dict[str, str]:
    """Each copy in a shard's folder (by its path there) with the hash of its bytes."""
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in _pages(folder)}


def pages_hash(pages: dict[str, str]) -> str:
    """The hash of what Pagefind reads: every copy's path and bytes, Pagefind's version and
    the options it runs with."""
    digest = hashlib.sha256()
    digest.update(f"{_CACHE_FORMAT}\0{version('pagefind')}\0{' '.join(_ARGUMENTS)}\0".encode())
    for page in sorted(pages):
        digest.update(f"{page}\0{pages[page]}\0".encode("utf-8"))
    return digest.hexdigest()


def _pages(folder: Path) -> Iterator[Path]:
    for directory, _, names in os.walk(folder):
        for name in names:
            if name == "index.html":
                yield Path(directory) / name


class ShardedIndex:
    """Sorts the copies (written into copies/unsorted/settings/<slug>/) into their shards'
    folders (copies/<shard>/...) and indexes the shards, PAGEFIND_RUNS_AT_ONCE at a time,
    reusing a cached bundle when a shard's input is unchanged (or the shard's last bundle, with
    the few changed pages indexed in the delta shard), and places the bundles in
    site_dir/pagefind/. `run` is meant for a background thread; `stop` kills the Pagefind runs
    under way."""

    def __init__(self, copies: Path, cache: Path | None,
                 reuse: bool = True, pending: PendingCopies | None = None,
                 signing_key: bytes | None = None) -> None:
        """`cache`: where bundles are kept between builds (None: nowhere); `reuse`: False to
        index every shard again (a clean build), keeping the new bundles for the next;
        `pending`: copies to write only if their shard is indexed again; `signing_key`: what
        seals the bundles (default: the user's cache key)."""
        self.copies = copies
        self.pending = pending if pending is not None else {}
        self._waiting: dict[int, PendingCopies] = {}  # the pending copies, by shard
        self.cache = cache
        self.reuse = reuse
        self._processes: set[subprocess.Popen[str]] = set()
        self._lock = threading.Lock()  # between starting a Pagefind run and stopping them all
        self._stopped = False
        self.complete = threading.Event()  # every late shard's copies are written
        self._made: set[str] = set()
        self._signing_key = signing_key
        self._seals = SignedStore(None, b"")

    def run(self, site_dir: Path, plan: ShardPlan, late: frozenset[int] = frozenset()) -> None:
        """`late`: shards whose copies are not all written yet: each is indexed once
        `complete` is set (the others first)."""
        self.sort(plan)
        output = site_dir / PAGEFIND_FOLDER
        if self.cache is not None and os.path.lexists(self.cache) \
                and not link_free.is_real_folder(self.cache):
            self.cache = None  # a link (or a file) where the cache would be: no cache at all
        if self.cache is not None:
            self._seals = SignedStore(self.cache, self._signing_key or user_cache_key())
        # What the last build placed, and the list gone until this build's is written: a build
        # stopped half way leaves no list, and the next places every shard again. Nothing in
        # the site's pagefind/ is followed: a link there (a pull request could commit a site
        # folder) is removed, never written through or kept.
        placed = _placed(output)
        if output.exists() or output.is_symlink():
            link_free.make_folder(output)
            link_free.remove(output / SHARDS_FILE)
        listed: dict[str, str] = {}
        dropped: list[str] = []
        delta: list[str] = []  # pages (shard/relative path) indexed in the delta shard
        every: dict[str, str] = {}
        self._made.clear()  # the bundles Pagefind makes in this build
        order = sorted(range(plan.count), key=lambda shard: shard in late)
        with ThreadPoolExecutor(PAGEFIND_RUNS_AT_ONCE, thread_name_prefix="pagefind") as runs:
            made = dict(zip(order, runs.map(
                lambda shard: self._index_shard(shard, output, placed, shard in late), order)))
        if self._stopped:
            return
        for shard, (pages, key, its_dropped, its_delta) in sorted(made.items()):
            every.update(pages)
            if key is not None:
                listed[shard_folder(shard)] = key
            dropped += its_dropped
            delta += its_delta
        if delta:
            assert self.cache is not None
            folder = self.copies / DELTA_FOLDER
            for page in delta:
                shard, _, relative = page.partition("/")
                self._write_pending(int(shard), relative)
                (folder / relative).parent.mkdir(parents=True, exist_ok=True)
                link_free.link_or_copy(str(self.copies / shard / relative),
                                       str(folder / relative))
            target, there = output / DELTA_FOLDER, placed.get(DELTA_FOLDER)
            key = self._cached_bundle(folder, pages_hash(page_hashes(folder)), target, there)
            self._place(key, target, there)
            listed[DELTA_FOLDER] = key
            # Pagefind names a page by its content: a page that only moved to another shard
            # has its old name in the delta shard, where it must not be dropped (the search
            # page keeps one result for a name found in two shards).
            indexed_again = set(_page_ids(self.cache / key).values())
            dropped = [page for page in dropped if page not in indexed_again]
        output.parent.mkdir(parents=True, exist_ok=True)
        link_free.make_folder(output)
        for entry in output.iterdir():  # shards of an earlier build this one does not have
            if f"{entry.name}/" not in listed or entry.is_symlink():
                link_free.remove(entry)
        areas = {town: [shard_folder(shard) for shard in shards
                        if shard_folder(shard) in listed] + ([DELTA_FOLDER] if delta else [])
                 for town, shards in plan.shards_by_area.items()}
        link_free.write_file(output / SHARDS_FILE, (json.dumps(
            {"shards": list(listed), "areas": areas,
             "area_keys": {town: area_key(town) for town in areas}, "drop": sorted(dropped),
             "pages": pages_hash(every), "inputs": listed,
             "placed": listed if self.cache is not None else {}},
            indent=1) + "\n").encode("utf-8"))
        if self.cache is not None:
            _forget_others(self.cache, set(listed.values()))

    def _index_shard(self, shard: int, output: Path, placed: dict[str, str], late: bool
                     ) -> tuple[dict[str, str], str | None, list[str], list[str]]:
        """One shard indexed (or its bundle reused) and placed in `output`: its pages with the
        hash of each, its bundle's key (None for an empty shard), the Pagefind ids its search
        leaves out and its pages to index in the delta shard. `late`: wait for `complete`."""
        folder = self.copies / shard_folder(shard)
        if late:
            self.complete.wait()
        if self._stopped:
            return {}, None, [], []
        pages = page_hashes(folder)
        pages.update((page, sha) for page, (sha, _) in self._waiting.get(shard, {}).items())
        if not pages:
            return pages, None, [], []  # a small borough may leave a shard empty
        key = pages_hash(pages)
        target = output / shard_folder(shard)
        dropped: list[str] = []
        delta: list[str] = []
        if self.cache is None:
            link_free.remove(target)
            self._write_pending(shard)
            self._pagefind(folder, target)
        else:
            there = placed.get(shard_folder(shard))
            key = self._shard_bundle(shard, folder, pages, key, dropped, delta, target, there)
            self._place(key, target, there)
        return pages, key, dropped, delta

    def _place(self, key: str, target: Path, there: str | None) -> None:
        """The cached bundle `key` into the site at `target`, unless the last build placed the
        same bundle there (`there`) and Pagefind did not make it again in this one: then the
        site's files are already the cache's."""
        assert self.cache is not None
        if there == key and key not in self._made and _ready(target):
            return
        _place(self.cache / key, target)

    def _shard_bundle(self, shard: int, folder: Path, pages: dict[str, str], key: str,
                      dropped: list[str], delta: list[str], target: Path,
                      there: str | None) -> str:
        """The key of the bundle to use for a shard: its own, the shard's last one with the
        changes sent to the delta shard, or a new one (`target`: the shard's folder in the
        site, which holds the bundle `there`)."""
        assert self.cache is not None
        if self.reuse and self._trusted(key, target, there):
            return key
        last = _read_manifest(self.cache / f"{MANIFEST_PREFIX}{shard}.json")
        if self.reuse and last is not None and self._trusted(last["key"], target, there):
            known: dict[str, list[str]] = last["pages"]
            changed = [page for page, digest in pages.items()
                       if page not in known or known[page][0] != digest]
            gone = [page for page in known if page not in pages]
            if len(changed) + len(gone) <= DELTA_LIMIT:
                dropped += [known[page][1] for page in [*changed, *gone]
                            if page in known and known[page][1]]
                delta += [f"{shard}/{page}" for page in changed]
                return str(last["key"])
        self._write_pending(shard)
        self._cached_bundle(folder, key, target, there)
        ids = _page_ids(self.cache / key)
        manifest = {"key": key, "pages": {page: [digest, ids.get(page, "")]
                                          for page, digest in pages.items()}}
        link_free.write_file(self.cache / f"{MANIFEST_PREFIX}{shard}.json",
                             json.dumps(manifest).encode("utf-8"))
        return key

    def sort(self, plan: ShardPlan) -> None:
        """Each setting's copies moved from the unsorted folder into its shard's, and the copies
        not written yet sorted by shard (again: nothing moves)."""
        unsorted = self.copies / UNSORTED_FOLDER / "settings"
        if unsorted.is_dir():
            for setting in unsorted.iterdir():
                target = self.copies / shard_folder(plan.shard_of(f"settings/{setting.name}/"))
                (target / "settings").mkdir(parents=True, exist_ok=True)
                os.replace(setting, target / "settings" / setting.name)
        self._waiting = {}
        for page, copy in self.pending.items():
            self._waiting.setdefault(plan.shard_of(page), {})[page] = copy

    def _write_pending(self, shard: int, page: str | None = None) -> None:
        """The shard's copies not written yet (or only `page`), written into its folder."""
        waiting = self._waiting.get(shard, {})
        for name in [page] if page is not None else list(waiting):
            if name in waiting:
                path = self.copies / shard_folder(shard) / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(waiting.pop(name)[1]())

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            running = list(self._processes)
        self.complete.set()  # a shard waiting for its copies goes on, to stop
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()

    def _trusted(self, key: str, target: Path, there: str | None) -> bool:
        """Whether the cached bundle `key` may be used: one of this user's builds made it (its
        seal is signed with the user's key and names it), it holds no link, and its files are
        the ones sealed. Those are hashed again unless the site's `target` already holds this
        very bundle (`there`), placed from the cache by an earlier build that checked them."""
        assert self.cache is not None
        bundle = self.cache / key
        if not _ready(bundle):
            return False
        seal = _json(self._seals.read(f"{key}{SEAL_SUFFIX}"))
        if not (isinstance(seal, dict) and seal.get("key") == key
                and isinstance(seal.get("files"), dict)):
            return False
        return (there == key and _ready(target)) or _file_hashes(bundle) == seal["files"]

    def _cached_bundle(self, folder: Path, key: str, target: Path, there: str | None) -> str:
        assert self.cache is not None
        bundle = self.cache / key
        if not (self.reuse and self._trusted(key, target, there)):
            self.cache.mkdir(parents=True, exist_ok=True)
            if not link_free.is_real_folder(self.cache):
                raise LocalOfferError(f"{self.cache} is not a folder: remove it, and build "
                                      "again.")
            scratch = Path(tempfile.mkdtemp(prefix="new-", dir=self.cache))
            try:
                self._made.add(key)
                self._pagefind(folder, scratch / "bundle")
                link_free.remove(bundle)  # a link there goes, what it points to stays
                os.replace(scratch / "bundle", bundle)  # whole, or not there at all
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            self._seals.write(f"{key}{SEAL_SUFFIX}", json.dumps(
                {"key": key, "files": _file_hashes(bundle)}).encode("utf-8"))
        return key

    def _pagefind(self, folder: Path, output: Path) -> None:
        with self._lock:
            if self._stopped:
                return
            process = subprocess.Popen(
                [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path",
                 str(output), *_ARGUMENTS],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            self._processes.add(process)
        try:
            _, errors = process.communicate()
        finally:
            self._processes.discard(process)
        code = process.returncode
        if self._stopped:
            return
        if code != 0:
            raise LocalOfferError(f"Pagefind could not index the site: {errors.strip()}")


def _read_json(path: Path) -> Any:
    """The JSON in `path`, an ordinary file (never read through a link); None when it is not
    one or holds no JSON."""
    return _json(link_free.read_file(path))


def _json(data: bytes | None) -> Any:
    try:
        return json.loads(data) if data is not None else None
    except ValueError:
        return None


def _file_hashes(bundle: Path) -> dict[str, str]:
    """Each ordinary file in a bundle (by its path there) with the hash of its bytes."""
    hashes = {}
    for top, _, names in os.walk(bundle):
        for name in names:
            path = Path(top) / name
            data = link_free.read_file(path)
            if data is not None:
                hashes[path.relative_to(bundle).as_posix()] = hashlib.sha256(data).hexdigest()
    return hashes


def _placed(output: Path) -> dict[str, str]:
    """The cached bundle in each folder of the site's pagefind/, as its shards.json lists
    them (none when the last build kept no cache, such as a preview)."""
    if not link_free.is_real_folder(output):
        return {}
    listed = _read_json(output / SHARDS_FILE)
    listed = listed.get("placed") if isinstance(listed, dict) else None
    return {str(folder): str(key) for folder, key in listed.items()} \
        if isinstance(listed, dict) else {}


def _ready(bundle: Path) -> bool:
    """A whole bundle of Pagefind's, holding no link anywhere (one that does is made again)."""
    return link_free.holds_no_link(bundle) and link_free.read_file(
        bundle / "pagefind-entry.json") is not None


def _read_manifest(path: Path) -> dict[str, Any] | None:
    manifest = _read_json(path)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("pages"), dict) \
            or not _KEY.match(str(manifest.get("key", ""))) \
            or not all(isinstance(page, list) and len(page) == 2
                       and all(isinstance(part, str) for part in page)
                       for page in manifest["pages"].values()):
        return None
    return manifest


def _page_ids(bundle: Path) -> dict[str, str]:
    """Each indexed page (by its copy's path) with Pagefind's id for it, which the search
    page's results carry: the name of the page's fragment file."""
    ids = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = link_free.read_file(fragment)
        if data is None:
            continue
        text = gzip.decompress(data).decode("utf-8")
        url = json.loads(text[text.index("{"):])["url"]
        ids[f"{url.strip('/')}/index.html"] = fragment.name.removesuffix(".pf_fragment")
    return ids


def _place(bundle: Path, target: Path) -> None:
    """The cached bundle into the site: hard links (instant, and the cache keeps its copy when
    the site folder is cleaned), or copies where links cannot be made; never a link's
    target."""
    link_free.remove(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    link_free.copy_tree(bundle, target)


def _forget_others(cache: Path, kept: set[str]) -> None:
    """Bundles this build did not use are removed (a link itself, never what it points to):
    the cache holds one site's index."""
    for entry in cache.iterdir():
        if entry.is_symlink() or (link_free.is_real_folder(entry) and entry.name not in kept
                                  and not entry.name.startswith("new-")) \
                or (entry.name.endswith(SEAL_SUFFIX)
                    and entry.name.removesuffix(SEAL_SUFFIX) not in kept):
            try:
                link_free.remove(entry)
            except OSError:
                pass
