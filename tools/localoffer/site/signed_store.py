"""Files that only this user's builds can have written: each is signed with an HMAC whose key
never lives in the project, so a cache folder copied from elsewhere, restored in CI from
another branch, or edited by hand is not trusted.

A signed file is read back only when its signature is right; only then is a pickle in it
unpickled (pickle can run code, so an unsigned or wrongly signed file is never given to it).
Anything wrong (missing, cut short, tampered with, written by another key) reads as None, and
the caller builds the value again. Files are written whole or not at all (a temporary file
renamed into place), so builds running at the same time never see half a file.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from pathlib import Path
from typing import Any

from localoffer.model.files import no_link_below
from localoffer.site.link_free import read_file, write_file

KEY_VARIABLE = "LOCALOFFER_CACHE_KEY"  # a secret to share between CI runs, for example
_KEY_FILE = "cache.key"
_SIGNATURE = hashlib.sha256().digest_size


def user_cache_folder() -> Path:
    """localoffer's folder in the user's own cache folder (XDG_CACHE_HOME, or ~/.cache): not in
    the project, where a pull request could put files."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "localoffer"


def user_cache_key() -> bytes:
    """The key that signs this user's cache: LOCALOFFER_CACHE_KEY, else a random key kept in
    the user's own cache folder (made on first use, readable by the user alone)."""
    given = os.environ.get(KEY_VARIABLE)
    if given:
        return hashlib.sha256(given.encode("utf-8")).digest()
    path = user_cache_folder() / _KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, key, mode=0o600)
        return path.read_bytes() if path.stat().st_size == 32 else key
    except OSError:
        return key  # an unwritable home: this build's cache entries are trusted by it alone


class SignedStore:
    """Signed files under `folder`, by name (None: nowhere, every read finds nothing)."""

    def __init__(self, folder: Path | None, key: bytes) -> None:
        self.folder = folder
        self._key = key

    def write(self, name: str, data: bytes) -> bool:
        """Whether `data` was written (a cache that cannot be written makes the next build
        slower, not wrong)."""
        if self.folder is None:
            return False
        path = self.folder / name
        if not self.no_link_to(name):
            return False  # a folder in the cache is a link: never written through
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, self._sign(data) + data)
        except OSError:
            return False
        return True

    def read(self, name: str) -> bytes | None:
        if self.folder is None:
            return None
        if not self.no_link_to(name):
            return None
        content = read_file(self.folder / name)  # never through a link
        if content is None:
            return None
        signature, data = content[:_SIGNATURE], content[_SIGNATURE:]
        if len(signature) != _SIGNATURE or not hmac.compare_digest(signature, self._sign(data)):
            return None
        return data

    def write_object(self, name: str, value: Any) -> bool:
        return self.write(name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def read_object(self, name: str) -> Any | None:
        data = self.read(name)
        if data is None:
            return None
        try:
            return pickle.loads(data)  # signed by our key: written by one of our builds
        except Exception:  # written by another version of a class: build it again
            return None

    def no_link_to(self, name: str) -> bool:
        """True when no folder between the store's folder and the file `name` is a symbolic
        link (a pull request could commit one inside the cache, pointing anywhere)."""
        return self.folder is not None and no_link_below(self.folder, Path(name).parent)

    def _sign(self, data: bytes) -> bytes:
        return hmac.new(self._key, data, hashlib.sha256).digest()
