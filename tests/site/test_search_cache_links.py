"""Links planted inside the search index's cache (.localoffer-cache/search/) or the site's
pagefind/ folder, as a pull request could commit them: a build never writes through one, never
reads through one, and never copies what one points to into the site (site/link_free.py).

Each test builds a real borough with Pagefind search in three shards, plants a real symbolic
link to a folder outside the project, builds again, and checks that the folder outside is as
it was, that the site holds no link and nothing from outside, and that search still works."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from localoffer.site import search_shards
from site_helpers import build, make_borough

pytestmark = pytest.mark.slow

SECRET = b"NOT-FOR-THE-SITE: a file outside the project"
# With three shards, shard 0 holds setting-00000 and -00001 (tests/site/test_search_shards.py).


@pytest.fixture
def borough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 6, search="pagefind", search_shards=3)
    build(folder)
    return folder


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the project, holding a file the site must never show."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.txt").write_bytes(SECRET)
    return folder


def _cache(borough: Path) -> Path:
    return borough / ".localoffer-cache" / "search"


def _inputs(borough: Path) -> dict[str, str]:
    """Each shard's folder with the name of its bundle in the cache."""
    return json.loads((borough / "site" / "pagefind" / "shards.json").read_text(
        encoding="utf-8"))["inputs"]


def _contents(folder: Path) -> dict[str, object]:
    """Everything under `folder`, without following links: files by their bytes, folders as
    "folder", links by where they point."""
    found: dict[str, object] = {}
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = f"link to {os.readlink(path)}"
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = path.read_bytes()
    return found


def _assert_site_clean(borough: Path) -> None:
    """The site holds no link, nothing from outside, and every shard's index."""
    site = borough / "site"
    for path in site.rglob("*"):
        assert not path.is_symlink(), f"{path} is a link"
        if path.is_file():
            assert SECRET not in path.read_bytes(), f"{path} holds the file from outside"
            assert path.name != "planted.txt", f"{path} was copied from outside"
    shards = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert [shard for shard in shards["shards"] if shard != "delta/"] == ["0/", "1/", "2/"]
    for shard in shards["shards"]:
        assert (site / "pagefind" / shard / "pagefind-entry.json").is_file()
    for key in shards["inputs"].values():
        assert not (_cache(borough) / key).is_symlink()
        assert (_cache(borough) / key / "pagefind-entry.json").is_file()


def _outside_bundle(elsewhere: Path, bundle: Path) -> Path:
    """A copy of a real bundle outside the project, with a file of its own planted in it."""
    copy = elsewhere / "bundle"
    shutil.copytree(bundle, copy)
    (copy / "planted.txt").write_bytes(SECRET)
    return copy


def _add_words(borough: Path, slug: str, words: str) -> None:
    offer = borough / "offers" / slug / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def test_a_manifest_that_is_a_link_is_not_written_through(
        borough: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = _cache(borough) / "shard-0.json"
    victim = elsewhere / "victim.json"
    victim.write_bytes(manifest.read_bytes())
    manifest.unlink()
    manifest.symlink_to(victim)
    before = _contents(elsewhere)
    monkeypatch.setattr(search_shards, "DELTA_LIMIT", 0)  # shard 0 is indexed again whole
    _add_words(borough, "setting-00000", "A new hydrotherapy pool.")
    build(borough)
    assert _contents(elsewhere) == before
    assert not manifest.is_symlink()
    assert json.loads(manifest.read_text(encoding="utf-8"))["key"] == _inputs(borough)["0/"]
    _assert_site_clean(borough)


def test_a_bundle_that_is_a_link_is_made_again_not_copied_into_the_site(
        borough: Path, elsewhere: Path) -> None:
    bundle = _cache(borough) / _inputs(borough)["0/"]
    outside = _outside_bundle(elsewhere, bundle)
    shutil.rmtree(bundle)
    bundle.symlink_to(outside, target_is_directory=True)
    before = _contents(elsewhere)
    shutil.rmtree(borough / "site")  # every bundle is placed in the site again
    build(borough)
    assert _contents(elsewhere) == before
    assert not bundle.is_symlink()
    assert not (bundle / "planted.txt").exists()
    _assert_site_clean(borough)


def test_a_link_inside_a_cached_bundle_is_never_copied_into_the_site(
        borough: Path, elsewhere: Path) -> None:
    bundle = _cache(borough) / _inputs(borough)["1/"]
    (bundle / "pagefind.js").unlink()
    (bundle / "pagefind.js").symlink_to(elsewhere / "secret.txt")
    (bundle / "fragment" / "planted.txt").symlink_to(elsewhere / "secret.txt")
    before = _contents(elsewhere)
    shutil.rmtree(borough / "site")
    build(borough)
    assert _contents(elsewhere) == before
    assert not (bundle / "pagefind.js").is_symlink()  # the bundle was made again
    assert b"pagefind" in (borough / "site" / "pagefind" / "1" / "pagefind.js").read_bytes()
    _assert_site_clean(borough)


def test_a_manifest_naming_a_folder_outside_the_cache_is_not_used(
        borough: Path, elsewhere: Path) -> None:
    """A manifest is a plain file here, but names a bundle outside the cache: the shard's
    last bundle would be reused from there when one of its offers changes."""
    cache = _cache(borough)
    _outside_bundle(elsewhere, cache / _inputs(borough)["0/"])
    manifest = cache / "shard-0.json"
    forged = json.loads(manifest.read_text(encoding="utf-8"))
    forged["key"] = "../../../elsewhere/bundle"
    manifest.write_text(json.dumps(forged), encoding="utf-8")
    before = _contents(elsewhere)
    _add_words(borough, "setting-00000", "A new hydrotherapy pool.")
    build(borough)
    assert _contents(elsewhere) == before
    shards = json.loads((borough / "site" / "pagefind" / "shards.json").read_text(
        encoding="utf-8"))
    assert shards["shards"] == ["0/", "1/", "2/"]  # shard 0 indexed again whole, no delta
    assert shards["drop"] == []
    _assert_site_clean(borough)


def test_a_link_where_a_new_bundle_goes_is_replaced_not_written_through(
        borough: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_shards, "DELTA_LIMIT", 0)
    _add_words(borough, "setting-00000", "A new hydrotherapy pool.")
    build(borough)
    bundle = _cache(borough) / _inputs(borough)["0/"]
    shutil.rmtree(bundle)
    (elsewhere / "empty").mkdir()
    bundle.symlink_to(elsewhere / "empty", target_is_directory=True)
    before = _contents(elsewhere)
    build(borough)  # the manifest names this bundle, which must be made again
    assert _contents(elsewhere) == before
    assert not bundle.is_symlink()
    _assert_site_clean(borough)


def test_a_link_in_the_sites_pagefind_folder_is_removed_not_kept(
        borough: Path, elsewhere: Path) -> None:
    site = borough / "site"
    shard = site / "pagefind" / "1"
    outside = _outside_bundle(elsewhere, shard)
    shutil.rmtree(shard)
    shard.symlink_to(outside, target_is_directory=True)
    before = _contents(elsewhere)
    build(borough)  # nothing changed: the last build's shards would be left where they are
    assert _contents(elsewhere) == before
    assert not shard.is_symlink()
    _assert_site_clean(borough)


def test_a_sites_pagefind_folder_that_is_a_link_is_not_written_through(
        borough: Path, elsewhere: Path) -> None:
    pagefind = borough / "site" / "pagefind"
    shutil.rmtree(pagefind)
    (elsewhere / "pagefind").mkdir()
    pagefind.symlink_to(elsewhere / "pagefind", target_is_directory=True)
    (pagefind / "planted.txt").write_bytes(SECRET)
    before = _contents(elsewhere)
    build(borough)
    assert _contents(elsewhere) == before
    assert not pagefind.is_symlink()
    _assert_site_clean(borough)
