"""The Pagefind index in shards, so a large borough's index takes bounded memory to build and
one changed offer re-indexes one shard.

Pagefind holds a whole index in memory while it writes it (about 0.56 MB an offer: 14 GB for
25,000). The offer pages are split into shards by a hash of their setting's folder name (a
setting's translations go with it); each shard is indexed by its own Pagefind run, one after
another, into site_dir/pagefind/<shard>/, and the search page merges them (Pagefind's
mergeIndex, assets/search.js) into one ranked list. Each shard's bundle is kept in the cache
folder under the hash of its input (the copies Pagefind reads, Pagefind's version and
options): a build whose copies for a shard are the same reuses the bundle and runs no Pagefind.

Pagefind's own output is not the same byte for byte from run to run (its metadata and filter
files are named by a hash that changes), so the site's `pagefind/shards.json` names each
shard's input hash: two builds with the same shards.json have equivalent search indexes.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from localoffer.errors import LocalOfferError

PAGEFIND_FOLDER = "pagefind"
# Where each shard's bundle is kept between builds, beside localoffer.yml (Git ignores it).
SEARCH_CACHE = Path(".localoffer-cache") / "search"
SHARDS_FILE = "shards.json"
# Offers per shard when the borough does not say: Pagefind then needs under 1 GB at a time.
SHARD_SIZE = 1500
# Forces a number of shards (tests use it to exercise the merging on a small borough).
SHARDS_VARIABLE = "LOCALOFFER_SEARCH_SHARDS"
# Only offer pages are indexed (they carry data-pagefind-body), in every language: reading
# just them keeps indexing fast, and the big booklet pages out of it. Pagefind makes one index
# for each language, from each page's <html lang>.
PAGES = "settings/**/index.html"
_ARGUMENTS = ("--silent", "--glob", PAGES)
# Changes when what a cached bundle holds changes, so older bundles are not reused.
_CACHE_FORMAT = "1"


def shard_count(offers: int, chosen: int = 0) -> int:
    """How many shards: `chosen` (or the environment's LOCALOFFER_SEARCH_SHARDS) when given,
    otherwise one for every SHARD_SIZE offers."""
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


def shard_of(url: str, shards: int) -> int:
    """The shard of an offer page (settings/<slug>/ or settings/<slug>/<lang>/): by its
    setting's folder name, so it stays put as other settings come and go."""
    parts = url.strip("/").split("/")
    slug = parts[1] if len(parts) > 1 and parts[0] == "settings" else url
    return int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:4], "big") % shards


def shard_folder(shard: int) -> str:
    return f"{shard}/"


def input_hash(copies: Path) -> str:
    """The hash of what Pagefind reads for a shard: every copy's path and bytes, Pagefind's
    version and the options it runs with."""
    digest = hashlib.sha256()
    digest.update(f"{_CACHE_FORMAT}\0{version('pagefind')}\0{' '.join(_ARGUMENTS)}\0".encode())
    for path in sorted(_pages(copies)):
        digest.update(path.relative_to(copies).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _pages(folder: Path) -> Iterator[Path]:
    for directory, _, names in os.walk(folder):
        for name in names:
            if name == "index.html":
                yield Path(directory) / name


class ShardedIndex:
    """Indexes each shard's copies (copies/<shard>/...) in turn, reusing a cached bundle when a
    shard's input is unchanged, and places the bundles in site_dir/pagefind/. `run` is meant
    for a background thread; `stop` kills the Pagefind run under way."""

    def __init__(self, copies: Path, shards: int, cache: Path | None) -> None:
        self.copies = copies
        self.shards = shards
        self.cache = cache
        self.pagefind_runs = 0  # how many shards were indexed (not reused), for tests
        self._process: subprocess.Popen[str] | None = None
        self._stopped = False

    def run(self, site_dir: Path) -> None:
        output = site_dir / PAGEFIND_FOLDER
        listed: dict[str, str] = {}
        for shard in range(self.shards):
            folder = self.copies / shard_folder(shard)
            if self._stopped:
                return
            if not folder.is_dir() or next(_pages(folder), None) is None:
                continue  # a small borough may leave a shard empty
            key = input_hash(folder)
            target = output / shard_folder(shard)
            if self.cache is None:
                self._pagefind(folder, target)
            else:
                _place(self._cached_bundle(folder, key), target)
            listed[shard_folder(shard)] = key
        output.mkdir(parents=True, exist_ok=True)
        (output / SHARDS_FILE).write_text(
            json.dumps({"shards": list(listed), "inputs": listed}, indent=1) + "\n",
            encoding="utf-8")
        if self.cache is not None:
            _forget_others(self.cache, set(listed.values()))

    def stop(self) -> None:
        self._stopped = True
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def _cached_bundle(self, folder: Path, key: str) -> Path:
        assert self.cache is not None
        bundle = self.cache / key
        if not (bundle / "pagefind-entry.json").is_file():
            self.cache.mkdir(parents=True, exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix="new-", dir=self.cache))
            try:
                self._pagefind(folder, scratch / "bundle")
                shutil.rmtree(bundle, ignore_errors=True)
                os.replace(scratch / "bundle", bundle)  # whole, or not there at all
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
        return bundle

    def _pagefind(self, folder: Path, output: Path) -> None:
        # Pagefind uses every CPU: it competes with MkDocs while the pages are written, then
        # has them all to itself. One shard at a time keeps its memory to one shard's index.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path",
             str(output), *_ARGUMENTS],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, errors = self._process.communicate()
        code, self._process = self._process.returncode, None
        if self._stopped:
            return
        if code != 0:
            raise LocalOfferError(f"Pagefind could not index the site: {errors.strip()}")
        self.pagefind_runs += 1


def _place(bundle: Path, target: Path) -> None:
    """The cached bundle into the site: hard links (instant, and the cache keeps its copy when
    the site folder is cleaned), or copies where links cannot be made."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(bundle, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _forget_others(cache: Path, kept: set[str]) -> None:
    """Bundles this build did not use are removed: the cache holds one site's index."""
    for entry in cache.iterdir():
        if entry.is_dir() and entry.name not in kept and not entry.name.startswith("new-"):
            shutil.rmtree(entry, ignore_errors=True)
