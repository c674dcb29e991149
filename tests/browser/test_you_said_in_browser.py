"""'You said, we did' (SEND Regulations 2014, reg. 56) in Chromium, on the demo site: the pages
by year and by theme, a setting's page leading to its own items, the menu leading to them, and
axe-core's WCAG 2.2 A/AA rules at phone and desktop widths."""
from __future__ import annotations

import json
import re
from collections.abc import Callable

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

DEVICES = {"phone": PHONE, "desktop": DESKTOP}


def address(path: str, anchor: str = "") -> re.Pattern[str]:
    """The page's address, whether links name folders or (built to open from disk) their
    index.html."""
    return re.compile(rf".*/{re.escape(path)}(index\.html)?{re.escape(anchor)}$")
PAGES = ["you-said-we-did/", "you-said-we-did/2026/", "you-said-we-did/2025/",
         "you-said-we-did/themes/", "settings/riverside-high-school/"]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("path", PAGES)
def test_the_pages_have_no_serious_accessibility_problems(
        open_page: Callable[..., PageVisit], axe_source: str, path: str, device: str) -> None:
    visit = open_page(path, viewport=DEVICES[device], phone=device == "phone")
    page = visit.page
    violations = run_axe(page, axe_source)
    name = path.strip("/").replace("/", "_")
    artifact_path("axe", f"you-said-{name}-{device}.json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8")
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert failing == [], describe_violations(failing)
    assert visit.broken_responses == [] and visit.script_errors == []
    assert visit.outside_requests == []
    if path.startswith("you-said-we-did/2026"):
        page.screenshot(path=str(artifact_path("screenshots", f"you-said-2026-{device}.png")),
                        full_page=True)


def test_a_settings_page_leads_to_its_own_item(open_page: Callable[..., PageVisit]) -> None:
    page = open_page("settings/riverside-high-school/", viewport=PHONE, phone=True).page
    section = page.locator("section.lo-said-setting")
    assert section.locator("h2").inner_text() == "You said, we did"
    assert section.locator("li a").all_inner_texts() == [
        "The hearing loop in the hall at Riverside High School did not work"]
    section.locator("li a").tap()
    page.wait_for_url(address("you-said-we-did/2026/", "#item-2026-03-riverside-hearing-loop"))
    item = page.locator("#item-2026-03-riverside-hearing-loop")
    assert item.is_visible()
    facts = page.locator("section:has(#item-2026-03-riverside-hearing-loop) dl").inner_text()
    assert "16 March 2026" in facts and "Done 24 April 2026" in facts
    assert "Riverside High School" in facts


def test_the_index_by_year_and_theme_and_what_is_not_done(
        open_page: Callable[..., PageVisit]) -> None:
    page = open_page("you-said-we-did/").page
    assert page.locator("h1").inner_text() == "You said, we did"
    years = page.locator("#by-year + ul li").all_inner_texts()
    assert years == ["2026\n8 items", "2025\n4 items"]
    not_done = page.locator("#not-done-yet ~ ul").first.locator("li a").all_inner_texts()
    assert not_done == ["Advice by phone outside working hours",
                        "Quieter times at college open days",
                        "Letters after annual reviews were hard to understand",
                        "Waiting times for speech and language therapy",
                        "More help for young people moving on from Beacon Hill School"]
    page.get_by_role("link", name="Travel to school and college").click()
    page.wait_for_url(address("you-said-we-did/themes/", "#theme-transport"))
    page.get_by_role("link", name="Forms for help with travel to school were hard to find").click()
    page.wait_for_url(address("you-said-we-did/2025/", "#item-2025-09-travel-forms"))
    assert "Travel to school and college" in page.locator(
        "section:has(#item-2025-09-travel-forms)").inner_text()


def test_the_menu_leads_to_it_with_the_keyboard(open_page: Callable[..., PageVisit]) -> None:
    page = open_page("about/").page
    link = page.locator("nav.md-nav--primary a", has_text="You said, we did").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(address("you-said-we-did/"))
    assert page.locator("h1").inner_text() == "You said, we did"
