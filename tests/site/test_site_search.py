"""Search: the theme's own for small sites, Pagefind's chunked index as an option."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from localoffer.site.search import pagefind_available
from site_helpers import REPO_ROOT, build, make_borough


def test_theme_search_weights_name_type_and_town(tmp_path: Path) -> None:
    make_borough(tmp_path, 3)
    site = build(tmp_path)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    offer = [doc for doc in index["docs"] if doc["location"].startswith("settings/setting-00000/")]
    assert offer and all(doc.get("boost") == 2 for doc in offer)
    assert offer[0]["title"].startswith("Example")
    assert "Calderbrook" in offer[0]["tags"] and len(offer[0]["tags"]) == 2
    lists = [doc for doc in index["docs"] if doc["location"].startswith(("find/", "booklet/"))]
    assert not lists  # lists and booklets would only repeat the offers in results


@pytest.mark.slow
def test_pagefind_indexes_offer_pages(tmp_path: Path) -> None:
    assert pagefind_available(), "Pagefind is missing: pip install -e '.[search]'"
    make_borough(tmp_path, 3, search="pagefind")
    site = build(tmp_path, strict=True)
    shards = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards["shards"] == ["0/"]  # a small borough's index is one shard
    bundle = site / "pagefind" / "0"
    assert (bundle / "pagefind.js").is_file()
    assert list((bundle / "fragment").glob("*.pf_fragment"))
    assert not (site / "search" / "search_index.json").exists()  # the theme's search is off
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'id="lo-search-input"' in page and "<noscript>" in page
    offer = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in offer and "assets/localoffer/search.js" in offer
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 3  # offers only, not lists or booklets


def test_search_records_keep_words_apart(tmp_path: Path) -> None:
    """Headings and the card's labels were glued to their neighbours in the theme's index."""
    for name in ("localoffer.yml", "mkdocs.yml"):
        shutil.copy(REPO_ROOT / name, tmp_path / name)
    shutil.copytree(REPO_ROOT / "docs", tmp_path / "docs")
    shutil.copytree(REPO_ROOT / "offers" / "oakfield-primary-school",
                    tmp_path / "offers" / "oakfield-primary-school")
    site = build(tmp_path)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    words = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "having?How" not in words and "TypePrimary" not in words
    # The English page's (its translations, settings/oakfield-primary-school/pl/..., have
    # headings with the same ids).
    trips = [doc for doc in index["docs"] if doc["location"].endswith(
        "oakfield-primary-school/#how-will-my-child-be-included-in-activities-outside-the-"
        "classroom-including-school-trips")]
    assert [doc["title"] for doc in trips] == [
        "How will my child be included in activities outside the classroom including school "
        "trips?"]
    assert "Type Primary school Ages 4 to 11" in words


def test_the_words_file_gives_each_glossary_term_its_meaning_and_place(tmp_path: Path) -> None:
    """Pagefind's search page shows a term's meaning first from these (assets/search.js)."""
    make_borough(tmp_path, 1)
    config = tmp_path / "localoffer.yml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "glossary:\n  SaLT: speech and language therapy\n", encoding="utf-8")
    site = build(tmp_path)
    words = json.loads((site / "words" / "search-words.json").read_text(encoding="utf-8"))
    assert words["terms"]["ehcp"] == [
        "EHCP", "Education, Health and Care plan, a legal document describing a child's needs "
                "and the support they must get", "words/#term-ehcp"]
    assert words["terms"]["salt"] == ["SaLT", "speech and language therapy", "words/#term-salt"]
    assert ["spld", "specific learning difficulty"] in words["groups"]
    assert 'id="term-salt"' in (site / "words" / "index.html").read_text(encoding="utf-8")


def test_you_said_we_did_years_rank_below_settings_and_themes_are_not_searched(
        tmp_path: Path) -> None:
    make_borough(tmp_path, 1)
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "a.md").write_text(
        "---\ntitle: Loop\nreceived: 2026-01-02\ntheme: transport\nabout: local-offer\n"
        "status: open\n---\n\n## You said\n\nThe hearing loop.\n\n## We did\n", encoding="utf-8")
    site = build(tmp_path)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    year = [doc for doc in index["docs"] if doc["location"].startswith("you-said-we-did/2026/")]
    assert year and all(doc.get("boost") == 0.5 for doc in year)
    assert not [doc for doc in index["docs"]
                if doc["location"].startswith("you-said-we-did/themes/")]
