"""A build that keeps the lists of settings names them from list_titles(): the same pages, in
the same order and with the same titles, as list_pages() makes."""
from __future__ import annotations

from datetime import date

from localoffer.borough import load_borough
from localoffer.site.catalogue import load_catalogue
from localoffer.site.lists import list_pages, list_titles
from site_helpers import REPO_ROOT


def test_the_kept_lists_are_named_as_the_lists_made() -> None:
    catalogue = load_catalogue(load_borough(REPO_ROOT / "localoffer.yml"), date(2026, 11, 30),
                               run_checks=False)
    made = [(page.url, page.title) for page in list_pages(catalogue)]
    assert made == list_titles()
    assert made[:3] == [("settings/", "All settings A to Z"), ("find/type/", "Settings by type"),
                        ("find/age/", "Settings by age")]
    assert ("find/age/25/", "Settings for age 25") in made
