"""The website build's cache, keyed by content, in <project>/.localoffer-cache/site/.

Most offers do not change between two builds. For each offer the cache keeps what loading,
checking and rendering it made (`Examined`, and its `Rendered` body), under a key made of
everything they read: the bytes of every file in the offer's folder, its path, localoffer.yml,
the date, the code of localoffer and the versions of the libraries it renders with, and (when
the checks run) the names of the other offers. A changed input is a new key, so an entry is
never out of date; it is only unused, and deleted once it has been unused for two days.

For each site folder it also keeps which offer pages are already there and right (the
manifest): an offer's pages are kept from the last build when the page's own inputs (the
offer's key, its "Changes to this page", its "You said, we did" links, its translations' state)
and everything the theme puts around it (mkdocs.yml, docs/, the theme, the engine) are the
same, and its files are still the ones written then (size and time). Entries are signed
(signed_store.py): a file this user's builds did not write is ignored and built again.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable

from localoffer.model.files import no_link_below
from localoffer.site.catalogue import Examined
from localoffer.site.light_offer import OfferText, lightened
from localoffer.site.render import Rendered
from localoffer.site.signed_store import SignedStore, user_cache_key

CACHE_FOLDER = Path(".localoffer-cache") / "site"
# The libraries whose versions change what a page looks like.
_LIBRARIES = ("mkdocs", "properdocs", "mkdocs-material", "markdown-it-py", "nh3", "jinja2",
              "markupsafe", "pyyaml", "markdown", "pymdown-extensions", "babel")
_FORMAT = 5  # bump when what is cached changes shape
_OFFERS = "offers"
# Entries not used by a build and older than this are deleted (BuildCache.forget_unused), at
# most once a day (the time of the file _SWEPT says when it last ran).
STALE_SECONDS = 2 * 24 * 3600
_SWEEP_EVERY_SECONDS = 24 * 3600
_SWEPT = "swept"


def digest(*parts: Any) -> str:
    """A short stable hash of strings, bytes and reprs of plain values."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """localoffer's own code and data (an edited checkout changes it, not only a release), and
    the versions of the libraries it builds with."""
    package = Path(__file__).resolve().parents[1]
    hasher = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            hasher.update(str(path.relative_to(package)).encode("utf-8"))
            hasher.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            hasher.update(f"{name}={metadata.version(name)}".encode("utf-8"))
        except metadata.PackageNotFoundError:
            hasher.update(f"{name}=-".encode("utf-8"))
    return hasher.hexdigest()


def folder_fingerprint(folder: Path) -> tuple[bytes, list[str]]:
    """Every entry of an offer's folder: the bytes of its ordinary files, and the name and
    kind of anything else (a link is noted, never followed); and the entries' names."""
    hasher = hashlib.sha256()
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return b"unreadable", []
    for entry in entries:
        hasher.update(entry.name.encode("utf-8", "surrogateescape") + b"\0")
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISREG(mode):
            try:
                with open(entry.path, "rb", opener=_no_follow) as stream:
                    hasher.update(b"file\0" + hashlib.sha256(stream.read()).digest())
            except OSError:
                hasher.update(b"unreadable\0")
        else:
            hasher.update(f"other {stat.S_IFMT(mode)}\0".encode("ascii"))
    return hasher.digest(), [entry.name for entry in entries]


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def tree_fingerprint(folder: Path | None) -> str:
    """Every file under a folder (docs/, a theme's custom_dir), by path and content."""
    hasher = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                hasher.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
                hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def file_bytes(path: Path | None) -> bytes:
    try:
        return path.read_bytes() if path is not None else b""
    except OSError:
        return b""


class BuildCache:
    """Examined offers and their rendered bodies, by key; and each site folder's manifest."""

    def __init__(self, project: Path, build_key: str) -> None:
        # A link where the cache would be (put there by a pull request, say) is never
        # followed: the build then keeps no cache.
        self.store = SignedStore(project / CACHE_FOLDER
                                 if no_link_below(project, CACHE_FOLDER) else None,
                                 user_cache_key())
        self.build_key = build_key

    def offer_key(self, path: Path, fingerprint: bytes, more: str = "") -> str:
        """`fingerprint`: its folder's (folder_fingerprint)."""
        return digest(_FORMAT, self.build_key, str(path), fingerprint, more)

    def examined(self, key: str) -> "CachedOffer | None":
        """The offer as loaded and checked, with what is known of its search copy. Its offer
        is a LightOffer, not yet attached (`offer_text` reads the rest); its body and search
        copy are in another file, read only when a page needs them."""
        found = self.store.read_object(_entry(key, "offer"))
        return found if isinstance(found, CachedOffer) and \
            isinstance(found.examined, Examined) else None

    def offer_text(self, key: str) -> OfferText | None:
        found = self.store.read_object(_entry(key, "text"))
        return found if isinstance(found, OfferText) else None

    def body(self, key: str) -> Rendered | None:
        found = self._page(key)
        return found.body if found is not None else None

    def search_copy(self, key: str) -> bytes | None:
        """The offer's copy for the search index (search.SearchCopies) as written."""
        found = self._page(key)
        return found.search_copy if found is not None else None

    def save(self, key: str, examined: Examined, body: Rendered | None,
             search_context: str = "", search_copy: bytes | None = None) -> bool:
        """All that an offer made, in three files: what every build reads (small: the offer
        without its text), its text and answers, and its body and search copy, which a build
        reads only for a page it makes again. Whether all three were written."""
        copy_digest = hashlib.sha256(search_copy).hexdigest() if search_copy is not None else ""
        return all([
            self.store.write_object(_entry(key, "page"), _Page(body, search_copy)),
            self.store.write_object(_entry(key, "text"), OfferText.of(examined.offer)),
            self.store.write_object(_entry(key, "offer"),
                                    CachedOffer(lightened(examined), search_context, copy_digest)),
        ])

    def _page(self, key: str) -> "_Page | None":
        found = self.store.read_object(_entry(key, "page"))
        if not isinstance(found, _Page) or not isinstance(found.body, (Rendered, type(None))):
            return None
        return found

    def forget_unused(self, used: Iterable[str], now: float) -> None:
        """Delete the offers' entries this build did not use (`used`: their keys) that were
        written more than STALE_SECONDS before `now`. The date is part of every key, so an
        older entry is read again only by a build told an old date (--today): without this,
        a borough of 5,000 offers would leave about 700 MB behind each day. It runs at most
        once a day."""
        if self.store.folder is None or not self.store.no_link_to(f"{_OFFERS}/entry"):
            return
        stamp = self.store.folder / _SWEPT
        try:
            if now - stamp.stat().st_mtime < _SWEEP_EVERY_SECONDS:
                return
        except OSError:
            pass
        keep = set(used)
        for folder in _scan(self.store.folder / _OFFERS):
            if not folder.is_dir(follow_symlinks=False):
                continue
            for entry in _scan(Path(folder.path)):
                try:
                    if (entry.is_file(follow_symlinks=False)
                            and entry.name.partition(".")[0] not in keep
                            and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS):
                        os.unlink(entry.path)
                except OSError:
                    continue
        self.store.write(_SWEPT, b"")

    def manifest(self, site_dir: Path) -> "Manifest":
        data = self.store.read(_manifest_name(site_dir))
        try:
            found = json.loads(data) if data is not None else None
        except ValueError:
            found = None
        if not isinstance(found, dict) or found.get("format") != _FORMAT:
            return Manifest()
        return Manifest(str(found.get("shell", "")), dict(found.get("pages", {})),
                        dict(found.get("files", {})))

    def save_manifest(self, site_dir: Path, manifest: "Manifest") -> None:
        data = {"format": _FORMAT, "shell": manifest.shell, "pages": manifest.pages,
                "files": manifest.files}
        self.store.write(_manifest_name(site_dir), json.dumps(data, sort_keys=True).encode())


@dataclass
class CachedOffer:
    """What every build reads of an offer it does not load again."""

    examined: Examined
    search_context: str  # the search copy's context, digested ("" without one)
    search_copy_digest: str  # the SHA-256 of the search copy ("" without one)


@dataclass
class _Page:
    """What a build reads of an offer only when it makes one of its pages again."""

    body: Rendered | None
    search_copy: bytes | None


def _entry(key: str, kind: str) -> str:
    return f"{_OFFERS}/{key[:2]}/{key}.{kind}"


def _manifest_name(site_dir: Path) -> str:
    return f"sites/{digest(str(site_dir.resolve()))[:32]}.json"


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


@dataclass
class Manifest:
    """What the last build wrote in a site folder: the theme's key (`shell`), each offer's
    page key, and the size and time of each file of those pages."""

    shell: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # slug (or booklet url): page key
    files: dict[str, list[int]] = field(default_factory=dict)  # site path: [size, mtime_ns]


def file_stamp(path: Path) -> list[int] | None:
    try:
        found = path.lstat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns] if stat.S_ISREG(found.st_mode) else None


class CachedBodies(Mapping[str, Rendered]):
    """Offers' bodies by slug: those rendered in this build, and the others read from the
    cache when asked for (a build that keeps most pages needs few of them)."""

    def __init__(self, rendered: dict[str, Rendered], cache: BuildCache,
                 keys: dict[str, str]) -> None:
        self._rendered = rendered
        self._cache = cache
        self._keys = keys

    def __getitem__(self, slug: str) -> Rendered:
        found = self._rendered.get(slug)
        if found is None and slug in self._keys:
            found = self._cache.body(self._keys[slug])
        if found is None:
            raise KeyError(slug)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(set(self._rendered) | set(self._keys))

    def __len__(self) -> int:
        return len(set(self._rendered) | set(self._keys))


@dataclass
class KeptPages:
    """Decides which offers' pages stay as the last build wrote them in `site_dir`, and
    records the new manifest as the pages are made."""

    site_dir: Path
    shell: str
    offer_keys: dict[str, str]  # slug: offer key
    previous: Manifest
    current: Manifest = field(default_factory=Manifest)

    def __post_init__(self) -> None:
        self.current = Manifest(self.shell)

    def unchanged(self, slug: str, page_inputs: tuple[Any, ...], urls: Iterable[str]) -> bool:
        """Whether the pages of `slug` (at `urls`), made from its offer and `page_inputs`, are
        already right; records their key."""
        return self._unchanged(slug, digest(self.shell, self.offer_keys.get(slug), *page_inputs),
                               urls)

    def unchanged_page(self, name: str, inputs: str, urls: Iterable[str]) -> bool:
        """Whether the pages at `urls`, made from `inputs`, are already right."""
        return self._unchanged(name, digest(self.shell, inputs), urls)

    def _unchanged(self, name: str, key: str, urls: Iterable[str]) -> bool:
        self.current.pages[name] = key
        if self.previous.shell != self.shell or self.previous.pages.get(name) != key:
            return False
        for url in urls:
            name = f"{url}index.html"
            recorded = self.previous.files.get(name)
            if recorded is None or file_stamp(self.site_dir / name) != recorded:
                return False
        return True

    def record_files(self, urls: Iterable[str]) -> None:
        for url in urls:
            name = f"{url}index.html"
            stamp = file_stamp(self.site_dir / name)
            if stamp is not None:
                self.current.files[name] = stamp
