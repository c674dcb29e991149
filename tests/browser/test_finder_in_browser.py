"""Find a setting in Chromium: the parent task from the home page in two interactions (type a
description, press Enter) on a phone and with the keyboard alone; the count announced to
screen readers; the choices kept in the address; the page without JavaScript; the 404 page.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from browser_harness import (
    DESKTOP,
    FAILING_IMPACTS,
    PHONE,
    PageVisit,
    artifact_path,
    describe_violations,
    run_axe,
)

pytestmark = pytest.mark.browser

PARENT_TASK = "a school for a 7 year old with autism who uses a wheelchair, near CK7"
# The demo's schools that take age 7, say they provide for autism and have step-free,
# wheelchair access, nearest to CK7 first: Beacon Hill is in CK7, Oakfield in CK4.
EXPECTED = ["Beacon Hill School", "Oakfield Primary School"]
DEVICES = {"phone": PHONE, "desktop": DESKTOP}
MOST_TABS = 40


def results(page: Any) -> list[str]:
    page.locator("#lo-finder-results li h3").first.wait_for(state="visible")
    return page.locator("#lo-finder-results li h3").all_inner_texts()


def test_parent_task_in_two_interactions_on_a_phone(open_page: Callable[..., PageVisit]) -> None:
    visit = open_page("", viewport=PHONE, phone=True)
    page = visit.page
    box = page.locator("#lo-quick-find-q")
    box.fill(PARENT_TASK)                      # interaction 1: say what you need
    page.get_by_role("button", name="Find settings").tap()  # interaction 2
    assert results(page) == EXPECTED
    assert page.locator("#lo-finder-count").inner_text() == (
        "2 settings match (age 7, autism, nearest to CK7 first).")
    first = page.locator("#lo-finder-results li").first.inner_text()
    for fact in ("2 to 19", "Special school", "Marsden Vale", "CK7", "Step-free entrance",
                 "Reviewed on time"):
        assert fact in first
    assert "age=7" in page.url and "need=autism" in page.url and "near=CK7" in page.url
    assert visit.script_errors == [] and visit.outside_requests == []
    page.screenshot(path=str(artifact_path("screenshots", "finder-parent-task-phone.png")),
                    full_page=True)


def test_parent_task_with_the_keyboard_alone(open_page: Callable[..., PageVisit]) -> None:
    visit = open_page("", viewport=DESKTOP)
    page = visit.page
    for _ in range(MOST_TABS):  # moving to the box is not a choice; Tab until it is reached
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "lo-quick-find-q":
            break
    assert page.evaluate("() => document.activeElement.id") == "lo-quick-find-q"
    page.keyboard.type(PARENT_TASK)            # interaction 1
    page.keyboard.press("Enter")               # interaction 2
    assert results(page) == EXPECTED
    # A choice changed from the keyboard changes the results at once.
    page.locator("#lo-finder-type-primary").press("Space")
    assert page.locator("#lo-finder-type-primary").is_checked() is False
    page.wait_for_function("() => document.querySelectorAll('#lo-finder-results li').length === 1")
    assert results(page) == ["Beacon Hill School"]  # primary schools taken out


def test_the_number_of_results_is_announced(open_page: Callable[..., PageVisit]) -> None:
    page = open_page("find/").page
    count = page.locator("#lo-finder-count")
    assert count.get_attribute("role") == "status"
    assert count.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.getElementById('lo-finder-count').textContent")
    assert count.inner_text() == "12 settings match."
    page.select_option("#lo-finder-age", "17")
    assert count.inner_text() == "4 settings match (age 17)."
    page.check("#lo-finder-access-hearing_loop")
    assert count.inner_text() == "3 settings match (age 17)."
    assert results(page) == ["Calderbrook College", "Calderbrook Sixth Form College",
                             "Riverside High School"]
    page.select_option("#lo-finder-language", "Somali")
    assert count.inner_text() == ("1 setting matches (age 17).")
    page.select_option("#lo-finder-age", "3")
    assert count.inner_text().startswith("0 settings match (age 3). Try fewer choices")


def test_the_choices_are_kept_in_the_address(open_page: Callable[..., PageVisit]) -> None:
    shared = "find/?age=7&need=autism&near=CK7&access=step_free_entrance,wheelchair_access"
    page = open_page(shared).page
    assert results(page)[:2] == EXPECTED
    assert page.locator("#lo-finder-age").input_value() == "7"
    assert page.locator("#lo-finder-need").input_value() == "autism"
    assert page.locator("#lo-finder-access-wheelchair_access").is_checked()
    page.check("#lo-finder-type-special")
    assert results(page) == ["Beacon Hill School"]
    assert "type=special" in page.url and "age=7" in page.url


def test_without_javascript_the_page_leads_to_the_lists(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + "find/")
        assert not page.locator("#lo-finder").is_visible()
        links = page.locator("#lo-finder-lists a").all_inner_texts()
        assert links[:5] == ["By age", "By area of need", "By area", "By type of setting",
                             "By physical access"]
        page.click("text=By physical access")
        section = page.locator("#hoist + ul").inner_text()
        assert "Beacon Hill School" in section and "Sunflower Childminding" not in section
    finally:
        context.close()


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", ["find/?age=7&need=autism&near=CK7", "find/access/", "404.html"])
def test_new_pages_have_no_serious_accessibility_problems(
        open_page: Callable[..., PageVisit], axe_source: str, path: str, device: str) -> None:
    page = open_page(path, viewport=DEVICES[device], phone=device == "phone").page
    if path.startswith("find/?"):
        results(page)
    violations = run_axe(page, axe_source)
    name = path.replace("/", "_").replace("?", "_")
    artifact_path("axe", f"finder-{name}-{device}.json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8")
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert failing == [], describe_violations(failing)


def test_the_404_page_has_search_and_a_way_home(open_page: Callable[..., PageVisit]) -> None:
    page = open_page("404.html").page
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("form[role=search] input[name=q]").count() == 1
    page.click("text=Go to the home page")
    assert page.locator("h1").first.inner_text() == "Support for Learners"


def test_feedback_links_need_no_account_and_warn_about_details(
        open_page: Callable[..., PageVisit]) -> None:
    page = open_page("settings/beacon-hill-school/", viewport=PHONE, phone=True).page
    feedback = page.locator("aside.lo-feedback")
    assert "do not include your child's name" in feedback.inner_text()
    link = feedback.locator("a")
    assert link.count() == 1
    assert link.get_attribute("href") == (
        "mailto:localoffer@calderbrook.example?subject=Local%20Offer%20feedback%3A%20Beacon%20"
        "Hill%20School%20%28https%3A%2F%2Flocaloffer.calderbrook.example%2Fsettings%2F"
        "beacon-hill-school%2F%29")
    home = open_page("").page
    site_link = home.get_by_role("link", name="tell us about this website")
    assert site_link.get_attribute("href").startswith("mailto:localoffer@calderbrook.example")
    assert "do not include your child's name" in home.locator("article").inner_text()



def test_nearest_first_keeps_the_a_to_z_order_among_settings_as_near(
        open_page: Callable[..., PageVisit]) -> None:
    """The counting sort of "nearest to my district" (finder.js): every setting once, nearest
    district first, and settings in the same district in their A to Z order."""
    page = open_page("find/?near=CK7").page
    results(page)
    order = page.evaluate("""() => window.localofferFinder.filter({age: '', need: '', area: '',
        near: 'CK7', language: '', type: [], access: [], specialist: false})""")
    assert sorted(order) == list(range(12))
    # The two settings in CK7 (in two towns), A to Z; then the rest by distance.
    assert results(page)[:2] == ["Beacon Hill School", "Little Acorns Day Nursery"]
    assert order[:2] == sorted(order[:2])
    page.select_option("#lo-finder-near", "CK4")
    page.wait_for_function("() => document.querySelector('#lo-finder-results li h3')"
                           ".textContent === 'Oakfield Primary School'")
    assert "nearest to CK4 first" in page.locator("#lo-finder-count").inner_text()
