"""Search as parents use it, with both engines (`search: material`, the theme's own, and
`search: pagefind`): the first result each query must give, words that mean the same finding
each other, 'SEN' not finding 'sensory', staff guides left out, and a search that finds
nothing pointing to the lists."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest

from browser_harness import (
    DESKTOP,
    FAILING_IMPACTS,
    PHONE,
    REPO_ROOT,
    PageVisit,
    artifact_path,
    describe_violations,
    run_axe,
    serve_folder,
)

pytestmark = pytest.mark.browser

# A parent's query, and the page (and heading) its first result must be.
FIRST_RESULTS = [
    ("EHCP", "words/", "EHCP"),          # a glossary term: its meaning first
    ("SEN", "words/", "SEN"),
    ("ASD", "words/", "ASD"),
    ("SENCO", "words/", "SENCO"),
    ("SEMH", "words/", "SEMH"),
    ("SpLD", "words/", "SpLD"),
    ("dyslexia", "words/", "SpLD"),      # the plain word finds the abbreviation's meaning
    ("autism", "settings/beacon-hill-school/", "Beacon Hill School"),
    ("Beacon Hill", "settings/beacon-hill-school/", "Beacon Hill School"),
    ("hearing loop", "settings/riverside-high-school/", "Riverside High School"),
    ("Hollins", "settings/hollins-brook-primary-school/", "Hollins Brook Primary School"),
]


def search(page: Any, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "() => /matching|No matching/.test(document.querySelector('.md-search-result__meta')"
        ".textContent)")
    # The theme searches again as each key lands, so the list may still be for the first
    # letters: wait until it has stayed the same for a while (a fixed wait failed under load).
    page.evaluate("() => { window.loResultsKey = null; }")
    page.wait_for_function(_RESULTS_SETTLED, polling=100, timeout=15_000)


_RESULTS_SETTLED = """() => {
    const first = document.querySelector('.md-search-result__item a');
    const key = document.querySelector('.md-search-result__meta').textContent + '|'
        + document.querySelectorAll('.md-search-result__item').length + '|'
        + (first ? first.getAttribute('href') : '');
    if (window.loResultsKey !== key) {
        window.loResultsKey = key;
        window.loResultsSince = Date.now();
        return false;
    }
    return Date.now() - window.loResultsSince >= 600;
}"""


@pytest.fixture
def search_page(open_page: Callable[..., PageVisit]) -> Any:
    visit = open_page("")
    # The words that mean the same are read once the page has loaded.
    visit.page.wait_for_function("() => window.localofferSearchWords"
                                 " && window.localofferSearchWords.widen('asd') !== 'asd'")
    return visit.page


@pytest.mark.parametrize(("query", "page_url", "heading"), FIRST_RESULTS)
def test_first_result_of_a_parents_query(search_page: Any, site_url: str, query: str,
                                         page_url: str, heading: str) -> None:
    search(search_page, query)
    first = search_page.locator(".md-search-result__item").first
    assert first.locator("a").first.get_attribute("href").split("?")[0].split("#")[0] == \
        site_url + page_url
    assert heading in first.inner_text().split("\n")[:4]


def test_either_form_finds_the_other(search_page: Any) -> None:
    assert search_page.evaluate("window.localofferSearchWords.widen('ASD')") == (
        "ASD^1 text:autism^1 text:spectrum^1 text:disorder^1 text:autistic^1 text:asc^1")
    assert "text:spld^1" in search_page.evaluate(
        "window.localofferSearchWords.widen('dyslexia')")
    assert "text:ehcp^1" in search_page.evaluate(
        "window.localofferSearchWords.widen('education health and care plan')")


def test_sen_does_not_find_sensory(search_page: Any) -> None:
    search(search_page, "SEN")
    marked = search_page.locator(".md-search-result mark").all_inner_texts()
    assert marked and not [word for word in marked if word.lower().startswith("sens")]


def test_staff_guides_are_left_out(search_page: Any) -> None:
    search(search_page, "pull request")
    links = search_page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => link.href)")
    assert not [link for link in links if "/contributing/" in link]


def test_a_search_that_finds_nothing_points_to_the_lists(search_page: Any, site_url: str) -> None:
    search(search_page, "zzzqqq")
    note = search_page.locator("#lo-search-none")
    assert note.inner_text() == "Nothing found. Try other words, or find a setting by age, need " \
                                "and area."
    assert note.locator("a").get_attribute("href") == site_url + "find/"


# Pagefind ------------------------------------------------------------------------------------

TODAY = "2026-11-28"  # the date the demo borough is built for in tests (as conftest.py)

# A parent's query, and the address (and link text) its first result must have on Pagefind's
# search page. A glossary term's meaning comes first, as a result of its own.
PAGEFIND_FIRST_RESULTS = [
    ("EHCP", "words/#term-ehcp", "EHCP"),
    ("SEN", "words/#term-sen", "SEN"),
    ("ASD", "words/#term-asd", "ASD"),
    ("SENCO", "words/#term-senco", "SENCO"),
    ("SEMH", "words/#term-semh", "SEMH"),
    ("SpLD", "words/#term-spld", "SpLD"),
    ("dyslexia", "words/#term-spld", "SpLD"),   # the plain word finds the abbreviation's meaning
    ("special educational needs", "words/#term-sen", "SEN"),
    # Millbrook Academy's resourced provision is for autistic pupils; Beacon Hill comes next.
    ("autism", "settings/millbrook-academy/", "Millbrook Academy"),
    ("Beacon Hill", "settings/beacon-hill-school/", "Beacon Hill School"),
    ("hearing loop", "settings/riverside-high-school/", "Riverside High School"),
    ("Hollins", "settings/hollins-brook-primary-school/", "Hollins Brook Primary School"),
]


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo borough built with `search: pagefind`, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("pagefind-demo")
    for name in ("localoffer.yml", "mkdocs.yml"):
        shutil.copy(REPO_ROOT / name, folder / name)
    for name in ("docs", "offers", "feedback"):
        shutil.copytree(REPO_ROOT / name, folder / name)
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      search: material\n" in text
    config.write_text(text.replace("      search: material\n", "      search: pagefind\n"),
                      encoding="utf-8")
    command = [sys.executable, "-m", "localoffer", "build", "--today", TODAY,
               "--site-dir", str(folder / "site")]
    # The index in shards, merged by the search page (search_shards.py), so every query below
    # is answered across shards. At least three asked for, so at most 4 settings a shard,
    # town by town: Calderbrook's 2; Eastfold's 3; Hollins' 3; Kirkby Moor's and Marsden
    # Vale's 2 each.
    environment = dict(os.environ, LOCALOFFER_SEARCH_SHARDS="3")
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=environment)
    if done.returncode != 0 or not (folder / "site" / "pagefind").is_dir():
        pytest.fail(f"Building the demo with Pagefind failed:\n{done.stdout}\n{done.stderr}",
                    pytrace=False)
    shards = json.loads((folder / "site" / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert shards["shards"] == ["0/", "1/", "2/", "3/"]
    assert shards["areas"] == {"Calderbrook": ["0/"], "Eastfold": ["1/"], "Hollins": ["2/"],
                               "Kirkby Moor": ["3/"], "Marsden Vale": ["3/"]}
    with serve_folder(folder / "site") as url:
        yield url


@pytest.fixture
def pagefind_page(browser: Any, pagefind_site: str) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def pagefind_search(page: Any, site: str, query: str, area: str = "*") -> Any:
    """The results of `query` in `area` (by default every area: "*")."""
    page.goto(f"{site}search/?q={quote(query)}&area={quote(area)}")
    page.locator("#lo-search-status").filter(has_text="for \u201c").wait_for()
    return page.locator("#lo-search-results li")


@pytest.mark.parametrize(("query", "page_url", "text"), PAGEFIND_FIRST_RESULTS)
def test_first_result_of_a_parents_query_with_pagefind(pagefind_page: Any, pagefind_site: str,
                                                       query: str, page_url: str,
                                                       text: str) -> None:
    first = pagefind_search(pagefind_page, pagefind_site, query).first.locator("a").first
    href = first.get_attribute("href")
    assert (href if href.startswith("http") else pagefind_site + href.lstrip("/")) == \
        pagefind_site + page_url
    assert first.inner_text() == text


def test_a_glossary_term_shows_its_meaning_first_with_pagefind(pagefind_page: Any,
                                                               pagefind_site: str) -> None:
    results = pagefind_search(pagefind_page, pagefind_site, "EHCP")
    assert results.first.inner_text().split("\n")[-1] == (
        "Education, Health and Care plan, a legal document describing a child's needs and "
        "the support they must get")
    assert results.count() >= 2  # and the settings' pages after it


def test_either_form_finds_the_other_with_pagefind(pagefind_page: Any,
                                                   pagefind_site: str) -> None:
    pagefind_search(pagefind_page, pagefind_site, "ASD")
    forms = pagefind_page.evaluate("window.localofferPagefindWords.forms('ASD in Hollins')")
    assert forms[:3] == ["ASD in Hollins", "in hollins autism spectrum disorder",
                         "in hollins autism"]
    assert "spld" in pagefind_page.evaluate("window.localofferPagefindWords.forms('dyslexia')")
    assert "dyslexia" in pagefind_page.evaluate("window.localofferPagefindWords.forms('SpLD')")
    marked = [word.lower() for word in
              pagefind_page.locator("#lo-search-results mark").all_inner_texts()]
    assert any(word.startswith("autis") for word in marked)  # "ASD" found the word autism


def test_sen_does_not_find_sensory_with_pagefind(pagefind_page: Any, pagefind_site: str) -> None:
    results = pagefind_search(pagefind_page, pagefind_site, "SEN")
    assert results.count() > 3
    marked = [word.lower() for word in
              pagefind_page.locator("#lo-search-results mark").all_inner_texts()]
    assert marked and not [word for word in marked if word.startswith("sens")]


def test_search_records_do_not_glue_words_with_pagefind(pagefind_page: Any,
                                                        pagefind_site: str) -> None:
    results = pagefind_search(pagefind_page, pagefind_site, "Hollins")
    second = results.nth(1).inner_text()
    assert "CK4 2QT Hollins" in second and "2QTHollins" not in second


def test_a_search_that_finds_nothing_points_to_the_lists_with_pagefind(
        pagefind_page: Any, pagefind_site: str) -> None:
    assert pagefind_search(pagefind_page, pagefind_site, "zzzqqq").count() == 0
    assert pagefind_page.locator("#lo-search-status").inner_text() == \
        "No results for \u201czzzqqq\u201d."
    note = pagefind_page.locator("#lo-search-none")
    assert note.inner_text() == ("Nothing found. Try other words, or find a setting by age, "
                                 "need and area. Or look through every setting from A to Z.")
    assert [link.get_attribute("href") for link in note.locator("a").all()] == [
        pagefind_site + "find/", pagefind_site + "settings/"]


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_pagefind_answers_have_no_serious_accessibility_problems(
        browser: Any, pagefind_site: str, axe_source: str, device: str) -> None:
    context = browser.new_context(viewport=PHONE if device == "phone" else DESKTOP,
                                  is_mobile=device == "phone")
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        for query in ("EHCP", "zzzqqq"):
            pagefind_search(page, pagefind_site, query)
            violations = run_axe(page, axe_source)
            artifact_path("axe", f"pagefind-{query}-{device}.json").write_text(
                json.dumps(violations, indent=2), encoding="utf-8")
            failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
            assert failing == [], describe_violations(failing)
    finally:
        context.close()


KIRKBY_MOOR = ["sunflower-childminding", "the-bridge-centre"]  # Marsden Vale's shard too
CALDERBROOK = ["calderbrook-college", "calderbrook-nursery-school"]
EASTFOLD = ["calderbrook-sixth-form-college", "highfield-community-school",
            "little-acorns-day-nursery"]


def _settings_found(page: Any) -> list[str]:
    links = page.locator("#lo-search-results li a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")
    return sorted({link.strip("/").split("/")[-1] for link in links if "/settings/" in link})


def _shards_fetched(requests: list[str]) -> set[str]:
    return {address.split("/pagefind/", 1)[1].split("/", 1)[0] for address in requests
            if "/pagefind/" in address and not address.endswith("shards.json")}


def test_an_index_in_shards_asks_for_an_area_first(pagefind_page: Any,
                                                   pagefind_site: str) -> None:
    pagefind_page.goto(f"{pagefind_site}search/")
    area = pagefind_page.get_by_label("Area")
    assert area.evaluate("select => select.required")
    assert area.locator("option").all_inner_texts() == [
        "Choose an area", "Calderbrook", "Eastfold", "Hollins", "Kirkby Moor", "Marsden Vale",
        "Every area (a bigger download)"]
    pagefind_page.fill("#lo-search-input", "speech")
    pagefind_page.press("#lo-search-input", "Enter")
    assert area.evaluate("select => select.validity.valueMissing")  # the browser asks for it
    assert pagefind_page.locator("#lo-search-results li").count() == 0
    # An address without an area (an old link) says what to do.
    pagefind_page.goto(f"{pagefind_site}search/?q=speech")
    pagefind_page.locator("#lo-search-status").filter(has_text="Choose an area").wait_for()
    assert pagefind_page.evaluate("document.activeElement.id") == "lo-search-area"


def _search_here(page: Any, query: str, area: str) -> None:
    """`query` in `area`, chosen on the search page already open (no new page)."""
    page.fill("#lo-search-input", query)
    page.get_by_label("Area").select_option(area)
    page.press("#lo-search-input", "Enter")
    page.wait_for_function(
        "([query, area]) => new URLSearchParams(location.search).get('area') === area && "
        "document.querySelector('#lo-search-status').textContent.includes("
        "'for \u201c' + query + '\u201d')", arg=[query, area])
    page.wait_for_load_state("networkidle")


def test_a_search_in_an_area_fetches_only_its_shards_and_finds_only_its_settings(
        pagefind_page: Any, pagefind_site: str) -> None:
    requests: list[str] = []
    pagefind_page.on("request", lambda request: requests.append(request.url))
    pagefind_search(pagefind_page, pagefind_site, "support", "Kirkby Moor")
    assert _settings_found(pagefind_page) == KIRKBY_MOOR  # not Marsden Vale's, in its shard
    assert _shards_fetched(requests) == {"3"}
    # Another area chosen on the same page: that area's shard, and only its settings.
    requests.clear()
    _search_here(pagefind_page, "support", "Eastfold")
    assert _settings_found(pagefind_page) == EASTFOLD
    assert _shards_fetched(requests) == {"1"}
    # The area is remembered on this device for the next search.
    pagefind_page.goto(f"{pagefind_site}search/")
    assert pagefind_page.get_by_label("Area").input_value() == "Eastfold"
    # Calderbrook's shard is the first of every area's: the index is made again with them all.
    _search_here(pagefind_page, "support", "Calderbrook")
    assert _settings_found(pagefind_page) == CALDERBROOK
    requests.clear()
    _search_here(pagefind_page, "support", "*")
    found = int(pagefind_page.locator("#lo-search-status").inner_text().split()[0])
    assert found > len(KIRKBY_MOOR + EASTFOLD + CALDERBROOK)
    assert _shards_fetched(requests) >= {"1", "2", "3"}
