"""The theme's search, as parents use it: the first result each query must give, words that
mean the same finding each other, 'SEN' not finding 'sensory', staff guides left out, and a
search that finds nothing pointing to the lists."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from browser_harness import PageVisit

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
    page.wait_for_timeout(300)  # the theme updates the list as the last key lands


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
