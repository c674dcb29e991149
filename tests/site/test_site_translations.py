"""A setting's page in each language it is translated into: settings/<slug>/<lang>/, with its
language and direction, links between the languages, a notice when it is older than the
English, and nothing English marked as another language."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from localoffer.commands.build import BuildFailed
from site_helpers import SLUG, build, make_borough, set_field, translate

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translated")
    offers = make_borough(folder, 2)
    set_field(offers[0], "last_reviewed", "2026-10-14")
    translate(folder, "pl", "Pomagamy każdemu dziecku w nauce.", "Pytanie", "2026-10-14",
              "Anna Nowak")
    translate(folder, "ur", "ہم ہر بچے کی سیکھنے میں مدد کرتے ہیں۔", "سوال", "2026-09-15",
              "فرح صدیقی")
    return build(folder, strict=True)


def page(site: Path, *parts: str) -> BeautifulSoup:
    path = site.joinpath("settings", SLUG, *parts, "index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def test_each_language_has_its_page_with_its_language_and_direction(site):
    english, polish, urdu = page(site), page(site, "pl"), page(site, "ur")
    assert (english.html["lang"], english.html.get("dir")) == ("en", None)
    assert (polish.html["lang"], polish.html["dir"]) == ("pl", "ltr")
    assert (urdu.html["lang"], urdu.html["dir"]) == ("ur", "rtl")
    content = urdu.select_one(".lo-translated")
    assert (content["lang"], content["dir"]) == ("ur", "rtl")
    assert [h2.get_text() for h2 in content.select(".lo-answers h2")][:2] == ["سوال 1", "سوال 2"]
    # The English headings' ids, in the same places: a link to an answer works in every language.
    assert [h2["id"] for h2 in content.select(".lo-answers h2")] == \
        [h2["id"] for h2 in english.select(".lo-answers h2")]


def test_the_languages_link_to_each_other_both_ways(site):
    """With hreflang on the switcher's links; no <link rel="alternate"> in the head, for which
    the theme's script would fetch a sitemap.xml from the published website."""
    expected = {"": [("en", "./"), ("pl", "pl/"), ("ur", "ur/")],
                "pl": [("en", "../"), ("pl", "./"), ("ur", "../ur/")],
                "ur": [("en", "../"), ("pl", "../pl/"), ("ur", "./")]}
    for folder, links in expected.items():
        soup = page(site, folder) if folder else page(site)
        assert [(a["hreflang"], a["href"]) for a in soup.select("nav.lo-languages a")] == links
        assert soup.select('link[rel="alternate"]') == []


def test_the_switcher_names_each_language_in_its_own_script(site):
    switcher = page(site).select_one("nav.lo-languages")
    assert switcher.select_one(".lo-languages-title").get_text() == "This page in other languages"
    assert [(a.get_text(), a["lang"], a["dir"], a["href"], a.get("aria-current"))
            for a in switcher.select("a")] == [
        ("English", "en", "ltr", "./", "page"),
        ("Polski", "pl", "ltr", "pl/", None),
        ("اردو", "ur", "rtl", "ur/", None)]
    urdu = page(site, "ur").select_one("nav.lo-languages")
    assert urdu.select_one(".lo-languages-title").get_text() == "یہ صفحہ دوسری زبانوں میں"
    assert [(a.get_text(), a["href"]) for a in urdu.select("a")] == [
        ("English", "../"), ("Polski", "../pl/"), ("اردو", "./")]


def test_an_older_translation_says_so_with_the_date_and_a_link_to_the_english(site):
    notice = page(site, "ur").select_one(".lo-translation-notice--stale")
    assert notice.select_one(".admonition-title").get_text() == "ترجمہ پرانا ہو سکتا ہے"
    text = notice.get_text()
    assert "یہ ترجمہ 15 ستمبر، 2026 کے انگریزی صفحے سے کیا گیا تھا۔" in text
    link = notice.select_one("a")
    assert (link["href"], link["hreflang"], link.get_text()) == (
        "../", "en", "انگریزی صفحہ پڑھیں")
    assert page(site, "pl").select_one(".lo-translation-notice--stale") is None
    assert "Tłumaczenie: Anna Nowak." in page(site, "pl").select_one(
        ".lo-translation-notice").get_text()


def test_the_facts_are_the_english_ones_labelled_in_the_pages_language(site):
    card = page(site, "pl").select_one("dl.lo-card")
    labels = [dt.get_text() for dt in card.select("dt")]
    assert labels[:3] == ["Rodzaj placówki", "Wiek", "Adres"]
    assert all(dd["lang"] == "en" for dd in card.select("dd"))
    assert "Sam Example" in card.get_text()


def lang_of(element) -> str | None:  # type: ignore[no-untyped-def]
    while element is not None:
        if getattr(element, "attrs", None) and element.get("lang"):
            return element["lang"]
        element = element.parent
    return None


@pytest.mark.parametrize("tag", ["ur", "pl"])
def test_english_words_on_a_translated_page_are_marked_english(site, tag):
    """No text in Latin letters on the Urdu page is marked Urdu (the theme's menus, the facts
    and the setting's name are marked English, the switcher's Polski Polish); on both pages,
    the theme's English words are marked English."""
    soup = page(site, tag)
    english_only = {"Search", "Skip to content", "Back to top", "Table of contents",
                    "Find a setting", "All settings A to Z"}
    for text in soup.body.find_all(string=True):
        if text.parent.name in ("script", "style") or not text.strip():
            continue
        # Latin letters and no Urdu ones (an Urdu label may hold an acronym: SENCO).
        if tag == "ur" and re.search(r"[A-Za-z]{3,}", text) and not re.search(
                r"[\u0600-\u06ff]", text):
            assert lang_of(text.parent) in ("en", "pl"), (text.strip()[:60], text.parent.name)
        if text.strip() in english_only:
            assert lang_of(text.parent) == "en", text.strip()


def test_the_english_in_the_skeletons_comments_is_never_published(site, tmp_path):
    source = (site.parent / "offers" / SLUG / "offer.ur.md").read_text(encoding="utf-8")
    welcome = re.search(r"<!-- English:\n(.*?) -->", source, re.S).group(1)
    assert len(welcome) > 20
    assert welcome[:40] not in (site / "settings" / SLUG / "ur" / "index.html").read_text(
        encoding="utf-8")


def test_a_strict_build_stops_on_a_translation_with_raw_html_or_a_missing_section(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    make_borough(tmp_path, 1)
    path = translate(tmp_path, "pl", "Pomagamy.", "Pytanie", "2026-10-14", "Anna Nowak")
    text = path.read_text(encoding="utf-8")
    last = text.rindex("\n## ")
    path.write_text(text[:last] + "\n<script>alert(1)</script>\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed):
        build(tmp_path, strict=True)
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "offers/setting-00000/offer.pl.md" in messages
    assert "safety/raw-html" in messages and "translation/sections" in messages
    site = build(tmp_path, strict=False)  # without --strict the page is built, made safe
    html = (site / "settings" / SLUG / "pl" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_each_language_has_its_own_search_index_and_booklet(tmp_path: Path) -> None:
    """Pagefind makes one index per language from each page's <html lang>; each language
    with translations has a printable booklet of them, in that language."""
    make_borough(tmp_path, 2, search="pagefind", search_shards=3)
    translate(tmp_path, "pl", "Pomagamy każdemu dziecku w nauce.", "Pytanie", "2026-10-14",
              "Anna Nowak")
    translate(tmp_path, "ur", "ہم ہر بچے کی سیکھنے میں مدد کرتے ہیں۔", "سوال", "2026-10-14",
              "فرح صدیقی")
    site = build(tmp_path, strict=True)
    # In shards (search_shards.py): a translation is in its setting's shard.
    counts = [{tag: language["page_count"] for tag, language in json.loads(
        entry.read_text(encoding="utf-8"))["languages"].items()}
        for entry in sorted((site / "pagefind").glob("*/pagefind-entry.json"))]
    assert counts == [{"en": 1, "pl": 1, "ur": 1}, {"en": 1}]  # a setting a shard
    booklet = BeautifulSoup((site / "booklet" / "ur" / "index.html").read_text(encoding="utf-8"),
                            "html5lib")
    assert (booklet.html["lang"], booklet.html["dir"]) == ("ur", "rtl")
    content = booklet.select_one(".lo-booklet.lo-translated")
    assert content.h1.get_text() == "چھاپنے کے لیے کتابچہ"
    assert [h2.get_text() for h2 in content.select("section > h2")] == [
        "Example All-through school 0"]
    assert "ہم ہر بچے کی سیکھنے میں مدد کرتے ہیں۔" in content.get_text()
    assert not (site / "booklet" / "ar").exists()
    translated = BeautifulSoup((site / "settings" / SLUG / "ur" / "index.html").read_text(
        encoding="utf-8"), "html5lib")
    assert translated.select_one(".lo-booklet-link a")["href"] == "../../../booklet/ur/"
