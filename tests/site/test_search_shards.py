"""Pagefind's index in shards (site/search_shards.py): each setting's pages in one shard, a
changed offer is indexed alone (its shard's old page dropped by the search page), a deleted
offer leaves the index."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from localoffer.commands.build import build_site
from localoffer.errors import LocalOfferError
from localoffer.site import search_shards
from localoffer.site.search_shards import SHARDS_VARIABLE, shard_count, shard_of
from site_helpers import build, make_borough

pytestmark = pytest.mark.slow

# With three shards the six synthetic settings setting-00000 to -00005 go into shards
# 1, 2, 2, 1, 0, 1 (the first 4 bytes of the SHA-256 of the folder name, modulo 3).
SHARDS = {"setting-00000": "1/", "setting-00001": "2/", "setting-00002": "2/",
          "setting-00003": "1/", "setting-00004": "0/", "setting-00005": "1/"}


def test_a_settings_pages_stay_in_its_shard() -> None:
    assert shard_of("settings/setting-00004/", 3) == 0
    assert shard_of("settings/setting-00001/", 3) == 2
    assert shard_of("settings/setting-00001/ur/", 3) == 2  # a translation goes with it
    assert shard_of("settings/setting-00001/", 1) == 0


def test_shards_grow_with_the_borough_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SHARDS_VARIABLE, raising=False)
    assert [shard_count(count) for count in (0, 12, 2000, 2001, 25_000)] == [1, 1, 1, 2, 13]
    assert shard_count(12, chosen=4) == 4
    monkeypatch.setenv(SHARDS_VARIABLE, "3")
    assert shard_count(25_000, chosen=4) == 3
    monkeypatch.setenv(SHARDS_VARIABLE, "many")
    with pytest.raises(LocalOfferError, match="LOCALOFFER_SEARCH_SHARDS must be a whole number"):
        shard_count(12)


def _fragments(site: Path) -> dict[str, tuple[str, str]]:
    """Each page Pagefind indexed, by its id (its fragment's name): its shard and address."""
    found = {}
    for fragment in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        assert text.startswith("pagefind_dcd")
        url = json.loads(text[len("pagefind_dcd"):])["url"]
        found[fragment.name.removesuffix(".pf_fragment")] = (fragment.parts[-3] + "/", url)
    return found


def _indexed(site: Path) -> dict[str, str]:
    """What a search finds: each page's address, with its shard, leaving out the pages the
    search page drops (shards.json)."""
    dropped = set(_shards(site)["drop"])
    found: dict[str, str] = {}
    for page, (shard, url) in _fragments(site).items():
        if page not in dropped:
            assert url not in found, f"{url} is found twice"
            found[url] = shard
    return found


def _bundle_files(site: Path, shard: str) -> dict[str, int]:
    """A shard's files in the site, with their inode: the same inode in two builds is the same
    file, hard-linked from the cache, not written again by a new Pagefind run.

    Each file is also hard-linked into a folder beside the site that the test keeps, so its
    inode stays in use: once a file is deleted, the system may give its number to a new one."""
    folder = site / "pagefind" / shard
    held = Path(tempfile.mkdtemp(prefix="held-", dir=site.parent))
    inodes = {}
    for number, path in enumerate(sorted(folder.rglob("*"))):
        if path.is_file():
            os.link(path, held / str(number))
            inodes[path.relative_to(folder).as_posix()] = path.stat().st_ino
    return inodes


def _shards(site: Path) -> dict[str, Any]:
    return json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def _add_words(offer: Path, words: str) -> None:
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


EVERY_PAGE = {f"/settings/{slug}/": shard for slug, shard in SHARDS.items()}


def test_one_changed_offer_is_indexed_alone_and_its_old_page_dropped(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    first = _shards(site)
    assert first["shards"] == ["0/", "1/", "2/"] and first["drop"] == []
    assert _indexed(site) == EVERY_PAGE
    old_id = next(page for page, (_, url) in _fragments(site).items()
                  if url == "/settings/setting-00004/")
    before = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}

    _add_words(tmp_path / "offers" / "setting-00004" / "offer.md", "A new hydrotherapy pool.")
    site = build(tmp_path)
    second = _shards(site)
    assert second["shards"] == ["0/", "1/", "2/", "delta/"]
    assert second["drop"] == [old_id]
    for shard in ("0/", "1/", "2/"):  # reused as they were: no shard indexed again
        assert _bundle_files(site, shard) == before[shard]
    assert _indexed(site) == {**EVERY_PAGE, "/settings/setting-00004/": "delta/"}
    assert any("hydrotherapy" in gzip.decompress(path.read_bytes()).decode("utf-8")
               for path in (site / "pagefind" / "delta" / "fragment").iterdir())
    cache = tmp_path / ".localoffer-cache" / "search"
    assert sorted(entry.name for entry in cache.iterdir() if entry.is_dir()) == sorted(
        second["inputs"].values())

    # A clean build indexes the same pages: the same `pages` hash, without a delta shard.
    # The offers come from the build's cache, so every shard is indexed from the copies it
    # keeps, written only now.
    shutil.rmtree(cache)
    site = build(tmp_path)
    clean = _shards(site)
    assert clean["shards"] == ["0/", "1/", "2/"] and clean["drop"] == []
    assert clean["pages"] == second["pages"] != first["pages"]
    assert _indexed(site) == EVERY_PAGE


def test_beyond_the_delta_limit_the_shard_is_indexed_again_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    before = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}
    monkeypatch.setattr(search_shards, "DELTA_LIMIT", 0)
    _add_words(tmp_path / "offers" / "setting-00004" / "offer.md", "A new hydrotherapy pool.")
    site = build(tmp_path)
    shards = _shards(site)
    assert shards["shards"] == ["0/", "1/", "2/"] and shards["drop"] == []
    assert _bundle_files(site, "1/") == before["1/"]
    assert _bundle_files(site, "2/") == before["2/"]
    assert set(_bundle_files(site, "0/").values()).isdisjoint(before["0/"].values())

    # Shard 1 indexed again whole: its unchanged settings' copies come from the build's cache.
    _add_words(tmp_path / "offers" / "setting-00000" / "offer.md", "A new trampoline.")
    site = build(tmp_path)
    assert _shards(site)["drop"] == []
    assert set(_bundle_files(site, "1/").values()).isdisjoint(before["1/"].values())
    assert _indexed(site) == EVERY_PAGE
    assert {url for _, url in _fragments(site).values()} == set(EVERY_PAGE)
    assert _indexed(site) == EVERY_PAGE


def test_a_deleted_offer_leaves_the_search_index(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    build(tmp_path)
    shutil.rmtree(tmp_path / "offers" / "setting-00003")
    site = build(tmp_path)
    assert _shards(site)["shards"] == ["0/", "1/", "2/"]
    assert len(_shards(site)["drop"]) == 1
    assert _indexed(site) == {url: shard for url, shard in EVERY_PAGE.items()
                              if url != "/settings/setting-00003/"}


def test_a_build_without_the_cache_folder_indexes_every_shard_again(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    before = _bundle_files(site, "1/")
    shutil.rmtree(tmp_path / ".localoffer-cache")
    site = build(tmp_path)
    after = _bundle_files(site, "1/")
    assert after.keys() >= {"pagefind-entry.json", "pagefind.js"}
    assert set(after.values()).isdisjoint(before.values())
    assert _shards(site)["shards"] == ["0/", "1/", "2/"]


def test_a_clean_build_indexes_every_shard_again_and_keeps_them(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    before = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}
    site = build_site(tmp_path / "mkdocs.yml", site_dir=tmp_path / "site", quiet=True,
                      clean=True)
    clean = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}
    for shard in ("0/", "1/", "2/"):
        assert set(clean[shard].values()).isdisjoint(before[shard].values())
    site = build(tmp_path)  # the next build reuses what the clean one indexed
    assert {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")} == clean
