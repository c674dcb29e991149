"""Pagefind's search page in Chromium: a real query over a real index finds the setting, shows
its excerpt with the words marked, and its link opens the setting's page."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from localoffer.borough import load_borough
from localoffer.synthetic import synthetic_setting
from site_helpers import REPO_ROOT, TODAY, build, make_borough

sys.path.insert(0, str(REPO_ROOT / "tests" / "browser"))
from browser_harness import serve_folder  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_real_query_on_the_pagefind_search_page(tmp_path: Path, browser: Any) -> None:
    # Three shards, a setting in each: the setting searched for is in a shard the search page
    # merges (1/), not in the one whose Pagefind runs the search (0/).
    make_borough(tmp_path, 3, search="pagefind", search_shards=3)
    site = build(tmp_path, strict=True)
    borough = load_borough(tmp_path / "localoffer.yml")
    wanted = synthetic_setting(borough, 1, date.fromisoformat(TODAY))
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        with serve_folder(site) as url:
            page.goto(url + "search/")
            page.fill("#lo-search-input", wanted.name)
            page.press("#lo-search-input", "Enter")
            status = page.locator("#lo-search-status")
            status.filter(has_text="for “").wait_for()
            assert page.url.endswith("/search/?q=" + wanted.name.replace(" ", "%20"))
            first = page.locator("#lo-search-results li").first
            link = first.locator("a")
            assert link.inner_text() == wanted.name
            assert first.locator("mark").count() >= 1  # the words found are marked
            link.click()
            page.wait_for_load_state("load")
            assert page.url == f"{url}settings/{wanted.slug}/"
            assert page.locator("article h1").first.inner_text().startswith(wanted.name)
            page.goto(url + "search/?q=zzzqqqxxx")  # a query in the address runs at once
            page.locator("#lo-search-status").filter(has_text="No results").wait_for()
            assert page.locator("#lo-search-results li").count() == 0
    finally:
        context.close()


def test_a_changed_setting_is_found_once_after_a_rebuild(tmp_path: Path, browser: Any) -> None:
    """The changed offer is indexed in the delta shard; its old page, still in its shard's
    reused bundle, is dropped by the search page (search_shards.py)."""
    make_borough(tmp_path, 3, search="pagefind", search_shards=3)
    build(tmp_path)
    offer = tmp_path / "offers" / "setting-00001" / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8") + "\nA new hydrotherapy pool.\n",
                     encoding="utf-8")
    site = build(tmp_path)
    assert (site / "pagefind" / "delta" / "pagefind-entry.json").is_file()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        with serve_folder(site) as url:
            for query, expected in (("hydrotherapy", ["setting-00001"]),
                                    ("Example", ["setting-00000", "setting-00001",
                                                 "setting-00002"])):
                page.goto(f"{url}search/?q={query}")
                page.locator("#lo-search-status").filter(has_text="for “").wait_for()
                links = page.locator("#lo-search-results li a").evaluate_all(
                    "links => links.map(link => link.getAttribute('href'))")
                assert sorted(link.strip("/").split("/")[-1] for link in links) == expected
    finally:
        context.close()
