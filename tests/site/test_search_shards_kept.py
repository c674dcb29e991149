"""The site's pagefind/ folder is kept between builds (site/search_shards.py): a shard whose
bundle did not change is left where it is, not emptied and linked from the cache again; a
shard indexed again is replaced; a shard the build no longer has goes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from localoffer.site import search_shards
from site_helpers import build, make_borough

pytestmark = pytest.mark.slow

MARK = "left-by-the-test.txt"


def _mark(site: Path, shard: str) -> Path:
    """A file the build itself never writes, in a shard's folder: still there after a build
    means the build left the folder alone."""
    path = site / "pagefind" / shard / MARK
    path.write_text("kept", encoding="utf-8")
    return path


def _add_words(offer: Path, words: str) -> None:
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def test_unchanged_shards_stay_in_the_site_folder(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    marks = {shard: _mark(site, shard) for shard in ("0/", "1/", "2/")}
    # setting-00000 is in shard 0 (tests/site/test_search_shards.py): it goes to the delta
    # shard, and no shard changes.
    _add_words(tmp_path / "offers" / "setting-00000" / "offer.md", "A new hydrotherapy pool.")
    site = build(tmp_path)
    assert all(mark.is_file() for mark in marks.values())
    assert json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))[
        "shards"] == ["0/", "1/", "2/", "delta/"]
    delta = _mark(site, "delta/")
    # Another change, in shard 1: the delta shard is indexed again, the shards stay.
    _add_words(tmp_path / "offers" / "setting-00003" / "offer.md", "A sensory garden.")
    site = build(tmp_path)
    assert all(mark.is_file() for mark in marks.values())
    assert not delta.exists()
    assert json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))[
        "shards"] == ["0/", "1/", "2/", "delta/"]


def test_a_shard_indexed_again_is_replaced(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    marks = {shard: _mark(site, shard) for shard in ("0/", "1/", "2/")}
    monkeypatch.setattr(search_shards, "DELTA_LIMIT", 0)
    _add_words(tmp_path / "offers" / "setting-00000" / "offer.md", "A new hydrotherapy pool.")
    site = build(tmp_path)
    assert not marks["0/"].exists()
    assert marks["1/"].is_file() and marks["2/"].is_file()
    assert (site / "pagefind" / "0" / "pagefind-entry.json").is_file()


def test_a_site_folder_without_its_list_of_shards_gets_every_shard_again(
        tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    marks = [_mark(site, shard) for shard in ("0/", "1/", "2/")]
    (site / "pagefind" / "shards.json").unlink()  # as a build stopped half way leaves it
    site = build(tmp_path)
    assert not any(mark.exists() for mark in marks)
    assert sorted(path.name for path in (site / "pagefind").iterdir()) == [
        "0", "1", "2", "shards.json"]


def test_shards_the_build_no_longer_has_leave_the_site_folder(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "search_shards: 3", "search_shards: 2"), encoding="utf-8")
    site = build(tmp_path)
    # Two shards of three settings: the pages that moved to another shard are indexed in the
    # delta shard (shards.json), and shard 2's folder goes.
    assert sorted(path.name for path in (site / "pagefind").iterdir()) == [
        "0", "1", "delta", "shards.json"]
