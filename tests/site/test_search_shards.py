"""Pagefind's index in shards (site/search_shards.py): each setting's pages in one shard, a
changed offer re-indexes only its shard, a deleted offer leaves the index."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from localoffer.errors import LocalOfferError
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
    assert [shard_count(count) for count in (0, 12, 1500, 1501, 25_000)] == [1, 1, 1, 2, 17]
    assert shard_count(12, chosen=4) == 4
    monkeypatch.setenv(SHARDS_VARIABLE, "3")
    assert shard_count(25_000, chosen=4) == 3
    monkeypatch.setenv(SHARDS_VARIABLE, "many")
    with pytest.raises(LocalOfferError, match="LOCALOFFER_SEARCH_SHARDS must be a whole number"):
        shard_count(12)


def _indexed(site: Path) -> dict[str, str]:
    """Each indexed page's address, with the shard whose fragments hold it."""
    found = {}
    for fragment in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        text = gzip.decompress(fragment.read_bytes()).decode("utf-8")
        assert text.startswith("pagefind_dcd")
        found[json.loads(text[len("pagefind_dcd"):])["url"]] = fragment.parts[-3] + "/"
    return found


def _bundle_files(site: Path, shard: str) -> dict[str, int]:
    """A shard's files in the site, with their inode: the same inode in two builds is the same
    file, hard-linked from the cache, not written again by a new Pagefind run."""
    folder = site / "pagefind" / shard
    return {path.relative_to(folder).as_posix(): path.stat().st_ino
            for path in folder.rglob("*") if path.is_file()}


def _shards(site: Path) -> dict[str, object]:
    return json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))


def test_one_changed_offer_re_indexes_only_its_shard(tmp_path: Path) -> None:
    offers = make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    first = _shards(site)
    assert first["shards"] == ["0/", "1/", "2/"]
    assert _indexed(site) == {f"/settings/{slug}/": shard for slug, shard in SHARDS.items()}
    before = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}

    changed = next(path for path in offers if path.parent.name == "setting-00004")
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new hydrotherapy pool.\n",
                       encoding="utf-8")
    site = build(tmp_path)
    second = _shards(site)
    assert second["shards"] == ["0/", "1/", "2/"]
    inputs, earlier = second["inputs"], first["inputs"]
    assert isinstance(inputs, dict) and isinstance(earlier, dict)
    assert inputs["0/"] != earlier["0/"]
    assert (inputs["1/"], inputs["2/"]) == (earlier["1/"], earlier["2/"])
    assert _bundle_files(site, "1/") == before["1/"]  # reused, not indexed again
    assert _bundle_files(site, "2/") == before["2/"]
    assert set(_bundle_files(site, "0/").values()).isdisjoint(before["0/"].values())
    # The cache keeps this build's three bundles, not the replaced one.
    cache = tmp_path / ".localoffer-cache" / "search"
    assert sorted(entry.name for entry in cache.iterdir()) == sorted(inputs.values())
    assert any("hydrotherapy" in gzip.decompress(path.read_bytes()).decode("utf-8")
               for path in (site / "pagefind" / "0" / "fragment").iterdir())


def test_a_deleted_offer_leaves_the_search_index(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    build(tmp_path)
    shutil.rmtree(tmp_path / "offers" / "setting-00003")
    site = build(tmp_path)
    assert _indexed(site) == {f"/settings/{slug}/": shard for slug, shard in SHARDS.items()
                              if slug != "setting-00003"}
    entry = json.loads((site / "pagefind" / "1" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en"]["page_count"] == 2


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
