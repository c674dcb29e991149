"""Pagefind's index in shards (site/search_shards.py): settings sharded town by town, each
setting's pages in one shard, each town's shards named for the search page, a changed offer
indexed alone (its shard's old page dropped by the search page), a deleted offer leaving the
index."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from localoffer.commands.build import build_site
from localoffer.errors import LocalOfferError
from localoffer.site import search_shards
from localoffer.site.search_shards import SHARDS_VARIABLE, plan_shards, shard_count
from site_helpers import build, make_borough

pytestmark = pytest.mark.slow

# The six synthetic settings setting-00000 to -00005 are all in one town (Calderbrook): in
# three shards, two a shard, in order of their folder names.
SHARDS = {"setting-00000": "0/", "setting-00001": "0/", "setting-00002": "1/",
          "setting-00003": "1/", "setting-00004": "2/", "setting-00005": "2/"}


def test_settings_are_sharded_town_by_town() -> None:
    towns = {"a1": "Hollins", "a2": "Hollins", "a3": "Hollins", "b1": "Eastfold",
             "b2": "Eastfold", "c1": "Kirkby Moor", "c2": "kirkby moor", "d1": ""}
    plan = plan_shards(towns, 3)  # at most 3 settings a shard
    # In order of the towns' names; a town that would not fit in what is left of a shard
    # starts the next one; a setting without a town is in a shard, but in no area.
    assert plan.shard_by_setting == {"d1": 0, "b1": 0, "b2": 0, "a1": 1, "a2": 1, "a3": 1,
                                     "c1": 2, "c2": 2}
    assert plan.shards_by_area == {"Eastfold": [0], "Hollins": [1], "Kirkby Moor": [2],
                                   "kirkby moor": [2]}
    assert plan.count == 3
    assert plan.shard_of("settings/a2/") == plan.shard_of("settings/a2/ur/") == 1
    assert plan.shard_of("settings/a2/ur/index.html") == 1  # a copy's path


def test_a_town_bigger_than_a_shard_takes_as_few_shards_as_it_can() -> None:
    towns = {f"big{number:02d}": "Big Town" for number in range(10)}
    towns.update({"small1": "Ashby", "small2": "Ashby", "last": "Zeal"})
    plan = plan_shards(towns, 3)  # 13 settings: at most 5 a shard
    # After Ashby's two, Big Town would take three shards, on its own two: it starts a shard.
    # Zeal does not fit in Big Town's last: a fourth shard, rather than more than 5 in one.
    assert plan.shards_by_area == {"Ashby": [0], "Big Town": [1, 2], "Zeal": [3]}
    sizes = [list(plan.shard_by_setting.values()).count(shard) for shard in range(plan.count)]
    assert sizes == [2, 5, 5, 1]
    # Seven after Ashby's three take two shards, as they would on their own: no new shard.
    towns = {**{f"big{number:02d}": "Big Town" for number in range(7)},
             **{f"small{number}": "Ashby" for number in range(3)}}
    assert plan_shards(towns, 2).shards_by_area == {"Ashby": [0], "Big Town": [0, 1]}


def test_an_empty_borough_has_one_empty_shard() -> None:
    plan = plan_shards({}, 1)
    assert (plan.count, plan.shard_by_setting, plan.shards_by_area) == (1, {}, {})


def test_shards_grow_with_the_borough_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SHARDS_VARIABLE, raising=False)
    assert [shard_count(count) for count in (0, 12, 1000, 1001, 25_000)] == [1, 1, 1, 2, 25]
    assert shard_count(12, chosen=4) == 4
    monkeypatch.setenv(SHARDS_VARIABLE, "3")
    assert shard_count(25_000, chosen=4) == 3
    monkeypatch.setenv(SHARDS_VARIABLE, "many")
    with pytest.raises(LocalOfferError, match="LOCALOFFER_SEARCH_SHARDS must be a whole number"):
        shard_count(12)


def _fragments(site: Path, shards: str = "*") -> dict[str, tuple[str, str]]:
    """Each page Pagefind indexed (in the shards named by the pattern `shards`), by its id
    (its fragment's name): its shard and address."""
    found = {}
    for fragment in (site / "pagefind").glob(f"{shards}/fragment/*.pf_fragment"):
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
    assert _bundle_files(site, "0/") == before["0/"]
    assert _bundle_files(site, "1/") == before["1/"]
    assert set(_bundle_files(site, "2/").values()).isdisjoint(before["2/"].values())

    # Shard 0 indexed again whole: its unchanged settings' copies come from the build's cache.
    _add_words(tmp_path / "offers" / "setting-00000" / "offer.md", "A new trampoline.")
    site = build(tmp_path)
    assert _shards(site)["drop"] == []
    assert set(_bundle_files(site, "0/").values()).isdisjoint(before["0/"].values())
    assert _indexed(site) == EVERY_PAGE
    assert {url for _, url in _fragments(site).values()} == set(EVERY_PAGE)
    assert _indexed(site) == EVERY_PAGE


def test_a_deleted_offer_leaves_the_search_index(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    build(tmp_path)
    shutil.rmtree(tmp_path / "offers" / "setting-00005")
    site = build(tmp_path)
    assert _shards(site)["shards"] == ["0/", "1/", "2/"]
    assert len(_shards(site)["drop"]) == 1
    assert _indexed(site) == {url: shard for url, shard in EVERY_PAGE.items()
                              if url != "/settings/setting-00005/"}


def test_a_deleted_offer_moves_the_next_settings_into_the_delta_shard(tmp_path: Path) -> None:
    """Five settings in three shards: setting-00004 moves up into setting-00003's place in
    shard 1. Its page is indexed in the delta shard, and no shard is indexed again."""
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    site = build(tmp_path)
    before = {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")}
    shutil.rmtree(tmp_path / "offers" / "setting-00003")
    site = build(tmp_path)
    assert _shards(site)["shards"] == ["0/", "1/", "2/", "delta/"]
    assert set(_indexed(site)) == set(EVERY_PAGE) - {"/settings/setting-00003/"}
    # Its page is unchanged, so Pagefind gives it the same name in both shards: that name is
    # not dropped (the search page shows a name found twice once); setting-00003's is.
    assert [url for _, url in _fragments(site, "delta").values()] == ["/settings/setting-00004/"]
    assert [_fragments(site)[page][1] for page in _shards(site)["drop"]] == [
        "/settings/setting-00003/"]
    assert {shard: _bundle_files(site, shard) for shard in ("0/", "1/", "2/")} == before


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


def _set_town(offer: Path, town: str) -> None:
    text = offer.read_text(encoding="utf-8")
    assert "\ntown: Calderbrook\n" in text
    offer.write_text(text.replace("\ntown: Calderbrook\n", f"\ntown: {town}\n" if town else "\n"),
                     encoding="utf-8")


def test_each_towns_shards_are_named_and_each_page_carries_its_town(tmp_path: Path) -> None:
    make_borough(tmp_path, 6, search="pagefind", search_shards=3)
    towns = ["Hollins", "Eastfold", "Hollins", "Eastfold", "<b>Zeal</b> & Co", ""]
    for number, town in enumerate(towns):
        _set_town(tmp_path / "offers" / f"setting-{number:05d}" / "offer.md", town)
    site = build(tmp_path)
    # At most 2 a shard, in order of the towns' names: the setting without a town, then the
    # one of "<b>Zeal</b> & Co" ("<" comes before letters); Eastfold's two do not fit beside
    # them, so each town has a shard of its own.
    assert _shards(site)["areas"] == {"<b>Zeal</b> & Co": ["0/"], "Eastfold": ["1/"],
                                      "Hollins": ["2/"]}
    for fragment in (site / "pagefind").glob("*/fragment/*.pf_fragment"):
        page = json.loads(gzip.decompress(fragment.read_bytes()).decode("utf-8")[
            len("pagefind_dcd"):])
        town = towns[int(page["url"].strip("/").split("-")[-1])]
        assert page["filters"].get("area") == ([search_shards.area_key(town)] if town else None)


def _copy(path: Path, lang: str, words: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html lang="{lang}"><head><title>{words}</title></head>'
                    f"<body><main data-pagefind-body><p>{words}</p></main></body></html>",
                    encoding="utf-8")


def test_a_shard_waiting_for_a_translation_is_indexed_only_once_it_is_written(
        tmp_path: Path) -> None:
    copies, site = tmp_path / "copies", tmp_path / "site"
    _copy(copies / "unsorted" / "settings" / "a" / "index.html", "en", "Speech therapy")
    _copy(copies / "unsorted" / "settings" / "b" / "index.html", "en", "A sensory room")
    index = search_shards.ShardedIndex(copies, None)
    plan = plan_shards({"a": "Ashby", "b": "Bolton"}, 2)
    index.sort(plan)  # as the build does before it writes a translation's copy
    running = threading.Thread(target=index.run, args=(site, plan, frozenset({0})))
    running.start()
    try:
        entry = site / "pagefind" / "1" / "pagefind-entry.json"
        for _ in range(600):  # shard 1 is indexed meanwhile
            if entry.is_file():
                break
            time.sleep(0.1)
        assert entry.is_file() and not (site / "pagefind" / "0").exists()
        _copy(copies / "0" / "settings" / "a" / "pl" / "index.html", "pl", "Terapia mowy")
    finally:
        index.complete.set()
        running.join()
    languages = json.loads((site / "pagefind" / "0" / "pagefind-entry.json").read_text(
        encoding="utf-8"))["languages"]
    assert sorted(languages) == ["en", "pl"]


def test_a_pagefind_run_that_fails_stops_the_index_with_what_it_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies = tmp_path / "copies"
    for name in ("a", "b", "c"):
        _copy(copies / "unsorted" / "settings" / name / "index.html", "en", "Speech therapy")
    monkeypatch.setattr(search_shards, "_ARGUMENTS", (*search_shards._ARGUMENTS, "--no-such"))
    with pytest.raises(LocalOfferError, match="Pagefind could not index the site: .*no-such"):
        search_shards.ShardedIndex(copies, None).run(
            tmp_path / "site", plan_shards({"a": "A", "b": "B", "c": "C"}, 3))
    assert not (tmp_path / "site" / "pagefind" / "shards.json").exists()


def test_stopping_the_index_ends_shards_waiting_for_their_copies(tmp_path: Path) -> None:
    copies, site = tmp_path / "copies", tmp_path / "site"
    _copy(copies / "unsorted" / "settings" / "a" / "index.html", "en", "Speech therapy")
    _copy(copies / "unsorted" / "settings" / "b" / "index.html", "en", "A sensory room")
    index = search_shards.ShardedIndex(copies, None)
    running = threading.Thread(target=index.run, args=(
        site, plan_shards({"a": "A", "b": "B"}, 2), frozenset({0, 1})))
    running.start()
    index.stop()  # as a build stopped half way does (serve, when an offer is saved again)
    running.join(timeout=60)
    assert not running.is_alive()
    assert not (site / "pagefind" / "0").exists() and not (site / "pagefind" / "1").exists()
    assert not (site / "pagefind" / "shards.json").exists()
