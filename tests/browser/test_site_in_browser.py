"""The built site opened in headless Chromium: accessibility (axe-core, WCAG 2.2 A/AA),
visible keyboard focus, a 320 px wide screen, and screenshots of each page type.

Screenshots and axe results are written to test-artifacts/ for people to look at.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image

from browser_harness import (
    DESKTOP,
    FOCUS_PROBE,
    NARROWEST,
    PAGE_TYPES,
    PHONE,
    PageVisit,
    artifact_path,
    REPORTED_IMPACTS,
    describe_violations,
    failing_violations,
    focus_indicator_visible,
    has_visible_size,
    open_search,
    run_axe,
)

pytestmark = pytest.mark.browser

DEVICES = {"phone": PHONE, "desktop": DESKTOP}
TABS = 6
FULL_PAGE_LIMIT = 8_000  # px


def visit(
    open_page: Callable[..., PageVisit],
    site_pages: dict[str, str],
    page_type: str,
    device: str = "desktop",
    viewport: dict[str, int] | None = None,
) -> PageVisit:
    page_visit = open_page(
        site_pages[page_type], viewport=viewport or DEVICES[device], phone=device == "phone"
    )
    if page_type == "search":
        open_search(page_visit)
    return page_visit


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_accessibility_problems_of_ours(
    page_type: str, device: str, open_page: Any, site_pages: dict[str, str], axe_source: str
) -> None:
    """Serious and critical WCAG 2.2 A/AA problems fail anywhere, moderate ones on our own
    elements; every problem, minor ones and the theme's too, is written to test-artifacts/axe/
    and printed (pytest shows it with -rP)."""
    page_visit = visit(open_page, site_pages, page_type, device)
    violations = run_axe(page_visit.page, axe_source)
    artifact_path("axe", f"{page_type}-{device}.json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8"
    )
    reported = [v for v in violations if v["impact"] in REPORTED_IMPACTS]
    if reported:
        print(f"axe-core: moderate or minor problems on the {page_type} page ({device}):\n"
              f"{describe_violations(reported)}")
    failing = failing_violations(page_visit.page, violations)
    assert not failing, (
        f"axe-core found WCAG 2.2 A/AA problems on the {page_type} page "
        f"({page_visit.page.url}, {device}):\n{describe_violations(failing)}"
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_keyboard_focus_is_visible(
    page_type: str, open_page: Any, site_pages: dict[str, str]
) -> None:
    page_visit = visit(open_page, site_pages, page_type)
    page = page_visit.page
    # In material's search, the arrow keys move through the results (Tab leaves the search).
    key = "ArrowDown" if page_type == "search" else "Tab"
    seen = []
    for _ in range(TABS):
        page.keyboard.press(key)
        probe = page.evaluate(FOCUS_PROBE)
        if probe is None:
            break
        seen.append(probe)
    assert seen, f"Pressing {key} on the {page_type} page focused nothing"
    hidden = [
        f"{p['element']} ({p['label']!r}): outline {p['outlineStyle']} {p['outlineWidth']}px, "
        f"box-shadow {p['boxShadow']}, size {p['width']:.0f}x{p['height']:.0f}"
        for p in seen
        if not (focus_indicator_visible(p) and has_visible_size(p))
    ]
    assert not hidden, (
        f"On the {page_type} page ({page.url}) these elements show no visible focus when "
        f"reached with {key}:\n    " + "\n    ".join(hidden)
    )


# Phones widen the page to fit content that sticks out (and shrink the text to match), so
# window.innerWidth grows as well as the scroll width: both must stay at the screen's width.
WIDTH_PROBE = """(screenWidth) => {
  const heading = document.querySelector('main h1, article h1, h1');
  const box = heading ? heading.getBoundingClientRect() : null;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > screenWidth + 1)
    .filter(el => getComputedStyle(el).visibility !== 'hidden')
    .filter(el => !el.closest('.md-sidebar, .md-search'))
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
         ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
         ' ' + JSON.stringify((el.innerText || '').slice(0, 40)) +
         ' right=' + Math.round(el.getBoundingClientRect().right));
  return {
    width: Math.max(document.scrollingElement.scrollWidth, window.innerWidth),
    heading: box && {left: box.left, right: box.right, width: box.width, height: box.height,
                     text: heading.innerText.slice(0, 60)},
    wide: wide,
  };
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_works_on_a_320px_wide_screen(
    page_type: str, open_page: Any, site_pages: dict[str, str]
) -> None:
    page_visit = visit(open_page, site_pages, page_type, "phone", viewport=NARROWEST)
    page = page_visit.page
    probe = page.evaluate(WIDTH_PROBE, NARROWEST["width"])
    page.screenshot(path=artifact_path("screenshots", f"{page_type}-320px.png"), full_page=False)
    assert probe["width"] <= NARROWEST["width"] + 1, (
        f"The {page_type} page ({page.url}) does not fit a 320 px screen: it is "
        f"{probe['width']} px wide. Sticking out:\n    " + "\n    ".join(probe["wide"])
    )
    heading = probe["heading"]
    assert heading and heading["width"] > 0 and heading["height"] > 0, (
        f"The {page_type} page shows no heading at 320 px"
    )
    assert heading["left"] >= 0 and heading["right"] <= NARROWEST["width"] + 1, (
        f"The {page_type} page's heading {heading['text']!r} is cut off at 320 px: {heading}"
    )
    if page_type == "search":
        results = page.locator(".md-search-result__item").first.bounding_box()
        assert results and results["width"] > 0 and results["x"] + results["width"] <= 321


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_screenshot(
    page_type: str, device: str, open_page: Any, site_pages: dict[str, str]
) -> None:
    page = visit(open_page, site_pages, page_type, device).page
    first_screen = artifact_path("screenshots", f"{page_type}-{device}.png")
    whole_page = artifact_path("screenshots", f"{page_type}-{device}-full.png")
    page.screenshot(path=first_screen, full_page=False)
    # The whole page, down to a limit: the all-settings booklet is hundreds of screens long.
    height = min(page.evaluate("document.scrollingElement.scrollHeight"), FULL_PAGE_LIMIT)
    page.screenshot(
        path=whole_page, full_page=True,
        clip={"x": 0, "y": 0, "width": DEVICES[device]["width"], "height": height},
    )
    width = DEVICES[device]["width"]
    for path, size in ((first_screen, (width, DEVICES[device]["height"])),
                       (whole_page, (width, height))):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert_shows_a_page(path, size)
    if page_type == "search":  # the search box's overlay darkens the header
        return
    # The first screen starts with the theme's header band, in the borough's colour.
    top = Image.open(first_screen).convert("RGB")
    header = top.crop((0, 0, width, 40)).getcolors(maxcolors=width * 40) or []
    most = max(header)[1]
    assert all(abs(a - b) <= 4 for a, b in zip(most, INDIGO)), (
        f"{first_screen}: the theme's indigo header is missing (its colour is {most})")


INDIGO = (63, 81, 181)  # mkdocs-material's 'indigo' primary colour (mkdocs.yml)


def assert_shows_a_page(path: Any, size: tuple[int, int]) -> None:
    """The screenshot has the page's size and shows text: many colours (anti-aliased text),
    and a good share of pixels that are not the background."""
    image = Image.open(path).convert("RGB")
    assert image.size == size, f"{path} is {image.size}, not {size}"
    colours = image.getcolors(maxcolors=size[0] * size[1])
    background_count = max(colours)[0]
    assert len(colours) >= 50, f"{path} has only {len(colours)} colours: it looks blank"
    assert background_count / (size[0] * size[1]) < 0.97, f"{path} is almost all one colour"


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_loads_cleanly(page_type: str, open_page: Any, site_pages: dict[str, str]) -> None:
    page_visit = visit(open_page, site_pages, page_type)
    page_visit.page.wait_for_load_state("networkidle")
    assert not page_visit.broken_responses, f"Missing files on the {page_type} page: {page_visit.broken_responses}"
    assert not page_visit.script_errors, f"Script errors on the {page_type} page: {page_visit.script_errors}"
    assert not page_visit.outside_requests, (
        f"The {page_type} page asks for files from other sites (it must work offline and not "
        f"send readers' addresses to third parties): {page_visit.outside_requests}"
    )
