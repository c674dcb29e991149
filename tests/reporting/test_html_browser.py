"""The HTML report opened in headless Chromium: it works offline, shows its charts, passes
axe-core's WCAG A/AA rules, fits a phone, and is screenshotted for a person to look at
(test-artifacts/screenshots/report.png)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from testpaths import REPO_ROOT
from localoffer.borough import load_borough
from localoffer.reporting import render, report_on_folder
from reporting.defects import TODAY, write_defect_borough

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                     "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}

pytestmark = pytest.mark.browser


def _git(folder: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{when}T10:00:00+00:00",
           "GIT_COMMITTER_DATE": f"{when}T10:00:00+00:00", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "-c", "user.name=LA", "-c", "user.email=la@example.org", *args],
                   cwd=folder, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on a borough with known defects and three months of Git history."""
    folder = tmp_path_factory.mktemp("borough")
    (folder / "localoffer.yml").write_text(
        (REPO_ROOT / "localoffer.yml").read_text(encoding="utf-8"), encoding="utf-8")
    borough = load_borough(folder / "localoffer.yml")
    write_defect_borough(borough, folder)
    _git(folder, "init", "-q", "-b", "main", when="2026-09-15")
    _git(folder, "add", "-A", when="2026-09-15")
    _git(folder, "commit", "-q", "-m", "Offers", when="2026-09-15")
    draft = folder / "offers" / "setting-00004" / "offer.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: draft",
                                                               "status: published"))
    _git(folder, "commit", "-q", "-am", "Publish", when="2026-11-02")
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: published",
                                                               "status: draft"))
    report = report_on_folder(borough, TODAY)
    assert report.history and len(report.history) == 3
    path = folder / "report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    return path


def _open(browser: Any, report_file: Path, viewport: dict[str, int]) -> tuple[Any, Any, dict]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    seen: dict[str, list[str]] = {"outside": [], "errors": []}

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error"
            and seen["errors"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.goto(report_file.as_uri())
    return context, page, seen


def test_report_in_chromium(browser: Any, report_file: Path) -> None:
    context, page, seen = _open(browser, report_file, {"width": 1280, "height": 900})
    try:
        assert seen == {"outside": [], "errors": []}
        charts = page.locator("svg[role=img]")
        assert charts.count() == 4
        for index in range(charts.count()):
            box = charts.nth(index).bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 150
            # Bars or lines were drawn, and each chart's table is shown beside it.
            assert charts.nth(index).locator("rect, path").count() > 5
        assert page.locator(".lr-chart table").count() == 4
        assert page.locator(".lr-chart table").first.is_visible()
        assert page.get_by_role("heading", name="How up to date are these offers?").is_visible()
        assert page.get_by_role("img", name="Review state of each offer, by type of setting") \
            .count() == 1
        missing = page.locator(".lr-matrix td.lr-n")
        assert missing.count() == 6
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "report.png"), full_page=True)
        assert (SCREENSHOTS / "report.png").stat().st_size > 50_000
    finally:
        context.close()


def test_report_passes_axe(browser: Any, report_file: Path) -> None:
    import axe_playwright_python

    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(
        encoding="utf-8")
    context, page, _ = _open(browser, report_file, {"width": 1280, "height": 900})
    try:
        page.add_script_tag(content=source)
        result = page.evaluate("async (options) => await axe.run(document, options)",
                               AXE_OPTIONS)
        serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                   for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == []
    finally:
        context.close()


def test_report_fits_a_phone(browser: Any, report_file: Path) -> None:
    context, page, _ = _open(browser, report_file, {"width": 390, "height": 844})
    try:
        # Wide tables scroll inside their own box; the page itself does not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(SCREENSHOTS / "report-phone.png"), full_page=False)
    finally:
        context.close()
