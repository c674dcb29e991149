"""Translated offers in headless Chromium: the language switcher, lang and dir on every
translated page and on its English parts, the right-to-left layout (with a screenshot), and
axe-core on translated pages."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from browser_harness import (
    DESKTOP,
    PHONE,
    PageVisit,
    artifact_path,
    describe_violations,
    run_axe,
)

pytestmark = pytest.mark.browser

SETTING = "settings/sunflower-childminding/"
SCHOOL = "settings/oakfield-primary-school/"
# The demo's translations: (language, direction) by address.
TRANSLATED = {f"{SETTING}pl/": ("pl", "ltr"), f"{SETTING}ur/": ("ur", "rtl"),
              f"{SCHOOL}pl/": ("pl", "ltr"), f"{SCHOOL}ur/": ("ur", "rtl")}

LANGUAGE_PROBE = """() => {
  const langOf = (element) => element.closest('[lang]')?.getAttribute('lang');
  const dirOf = (element) => getComputedStyle(element).direction;
  const chrome = [...document.querySelectorAll(
      '.md-header, .md-sidebar--primary, .md-footer, .md-skip, .md-top')];
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    content: [langOf(document.querySelector('.lo-translated')),
              dirOf(document.querySelector('.lo-translated'))],
    chrome: chrome.map((element) => [element.className.split(' ')[0], langOf(element)]),
    facts: [...document.querySelectorAll('.lo-card dd')].map(langOf),
    labels: [...document.querySelectorAll('.lo-card dt')].map(langOf),
    name: langOf(document.querySelector('h1')),
    answers: [...document.querySelectorAll('.lo-answers h2, .lo-answers p')].map(langOf),
  };
}"""


def test_the_switcher_goes_from_english_to_each_language_and_back(
        open_page: Callable[..., PageVisit]) -> None:
    visit = open_page(SETTING)
    page = visit.page
    switcher = page.locator("nav.lo-languages")
    assert switcher.locator("a").all_inner_texts() == ["English", "Polski", "اردو"]
    assert switcher.locator("a[aria-current='page']").inner_text() == "English"
    switcher.get_by_role("link", name="اردو").click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").removesuffix("/index.html").endswith("/ur")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == \
        ["ur", "rtl"]
    assert page.locator("nav.lo-languages a[aria-current='page']").inner_text() == "اردو"
    page.locator("nav.lo-languages").get_by_role("link", name="Polski").click()
    page.wait_for_load_state("load")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == \
        ["pl", "ltr"]
    page.locator("nav.lo-languages").get_by_role("link", name="English").click()
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").inner_text() == "Sunflower Childminding"
    assert not visit.broken_responses and not visit.script_errors


def test_every_translated_page_has_its_language_and_direction_and_marks_its_english_parts(
        open_page: Callable[..., PageVisit], site_dir: Path) -> None:
    found = sorted(str(path.parent.relative_to(site_dir)) + "/"
                   for path in site_dir.glob("settings/*/*/index.html"))
    assert found == sorted(TRANSLATED)
    for address, (tag, direction) in TRANSLATED.items():
        state = open_page(address).page.evaluate(LANGUAGE_PROBE)
        assert (state["lang"], state["dir"]) == (tag, direction)
        assert state["content"] == [tag, direction]
        assert state["chrome"] and all(lang == "en" for _, lang in state["chrome"]), state["chrome"]
        assert state["facts"] and set(state["facts"]) == {"en"}
        assert state["labels"] and set(state["labels"]) == {tag}
        assert state["name"] == "en"
        assert state["answers"] and set(state["answers"]) == {tag}


HEADING_BOXES = """() => {
  const heading = document.querySelector('.lo-answers h3');
  const range = document.createRange();
  range.selectNodeContents(heading);
  const text = range.getBoundingClientRect();
  const box = heading.getBoundingClientRect();
  return {direction: getComputedStyle(heading).direction, textAlign: getComputedStyle(heading).textAlign,
          boxLeft: box.left, boxRight: box.right, textLeft: text.left, textRight: text.right};
}"""


def test_the_urdu_page_is_laid_out_right_to_left(open_page: Callable[..., PageVisit]) -> None:
    """The first short heading (###) starts at the right: its text ends at the heading's right
    edge and leaves room on the left (the Polish page's starts at the left). A screenshot of
    the page is kept in test-artifacts/translations/."""
    urdu = open_page(f"{SETTING}ur/", viewport=DESKTOP).page
    heading = urdu.locator(".lo-answers h3").first
    heading.scroll_into_view_if_needed()
    boxes = urdu.evaluate(HEADING_BOXES)
    assert boxes["direction"] == "rtl"
    assert abs(boxes["textRight"] - boxes["boxRight"]) <= 2, boxes
    assert boxes["textLeft"] - boxes["boxLeft"] > 20, boxes
    shot = artifact_path("translations", "urdu-desktop.png")
    urdu.screenshot(path=str(shot))
    from PIL import Image
    with Image.open(shot) as image:
        assert image.size == (DESKTOP["width"], DESKTOP["height"])
        assert len(image.convert("L").getcolors(maxcolors=65536) or []) > 16  # drawn, not blank
    polish = open_page(f"{SETTING}pl/", viewport=DESKTOP).page
    boxes = polish.evaluate(HEADING_BOXES)
    assert boxes["direction"] == "ltr"
    assert abs(boxes["textLeft"] - boxes["boxLeft"]) <= 2, boxes


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("address", sorted(TRANSLATED))
def test_no_serious_accessibility_problems_on_translated_pages(
        address: str, viewport: str, open_page: Callable[..., PageVisit],
        axe_source: str) -> None:
    size = DESKTOP if viewport == "desktop" else PHONE
    visit = open_page(address, viewport=size, phone=viewport == "phone")
    violations = run_axe(visit.page, axe_source)
    name = address.strip("/").replace("/", "-")
    artifact_path("axe", f"translation-{name}-{viewport}.json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8")
    serious = [violation for violation in violations
               if violation["impact"] in ("serious", "critical")]
    assert not serious, describe_violations(serious)
    assert not visit.broken_responses, visit.broken_responses


def test_a_translated_page_screenshot_on_a_phone(open_page: Callable[..., PageVisit]) -> None:
    page = open_page(f"{SETTING}ur/", viewport=PHONE, phone=True).page
    page.screenshot(path=str(artifact_path("translations", "urdu-phone.png")))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the Urdu page is {width}px wide on a {PHONE['width']}px phone"
