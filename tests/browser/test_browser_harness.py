"""The browser checks themselves catch what they are meant to: a green site test means something."""
from __future__ import annotations

from typing import Any

import pytest

from browser_harness import (
    FAILING_IMPACTS,
    FOCUS_PROBE,
    failing_violations,
    focus_indicator_visible,
    has_visible_size,
    run_axe,
    serve_folder,
)

pytestmark = pytest.mark.browser

BAD_PAGE = """<!doctype html><html><head><title>Bad page</title></head><body>
<main><h1>Bad page</h1>
<img src="pupil.png">
<p style="color:#aaa;background:#fff">Pale grey text that is hard to read.</p>
<a href="#one" style="outline:none">No focus ring</a>
<a href="#two">Browser's own focus ring</a>
</main></body></html>"""


def test_axe_reports_serious_problems_on_a_bad_page(browser: Any, axe_source: str) -> None:
    page = browser.new_page()
    page.set_content(BAD_PAGE)
    violations = {v["id"]: v["impact"] for v in run_axe(page, axe_source)}
    page.close()
    assert violations.get("image-alt") in FAILING_IMPACTS
    assert violations.get("color-contrast") in FAILING_IMPACTS
    assert "html-has-lang" in violations


MODERATE_PAGE = """<!doctype html><html lang="en" xml:lang="fr"><head><title>Mixed</title>
</head><body><header class="md-header"><a id="theme-link" href="#">Theme</a></header>
<main><h1>Our page</h1><a id="our-link" href="#">Ours</a></main></body></html>"""


def moderate(*targets: str) -> dict[str, Any]:
    return {"id": "example-rule", "impact": "moderate", "help": "x", "helpUrl": "x",
            "nodes": [{"target": [target]} for target in targets]}


def test_moderate_problems_fail_on_our_elements_only(browser: Any, axe_source: str) -> None:
    page = browser.new_page()
    page.set_content(MODERATE_PAGE)
    violations = run_axe(page, axe_source)
    # axe calls a language mismatch on <html> moderate: <html> is ours, so it fails.
    assert {v["id"]: v["impact"] for v in violations} == {"html-xml-lang-mismatch": "moderate"}
    assert [v["id"] for v in failing_violations(page, violations)] == ["html-xml-lang-mismatch"]
    # A moderate problem only on the theme's header is reported, not failed; on both, only
    # our element fails.
    assert failing_violations(page, [moderate("#theme-link")]) == []
    both = failing_violations(page, [moderate("#theme-link", "#our-link")])
    assert [node["target"] for node in both[0]["nodes"]] == [["#our-link"]]
    serious = {**moderate("#theme-link"), "impact": "serious"}
    assert failing_violations(page, [serious]) == [serious]  # serious fails anywhere
    page.close()


def test_focus_probe_tells_hidden_focus_from_visible_focus(browser: Any) -> None:
    page = browser.new_page()
    page.set_content(BAD_PAGE)
    page.keyboard.press("Tab")
    hidden = page.evaluate(FOCUS_PROBE)
    page.keyboard.press("Tab")
    shown = page.evaluate(FOCUS_PROBE)
    page.close()
    assert hidden["label"] == "No focus ring" and not focus_indicator_visible(hidden)
    assert shown["label"] == "Browser's own focus ring" and focus_indicator_visible(shown)
    assert has_visible_size(shown)


def test_site_server_serves_files_and_stops(tmp_path: Any, browser: Any) -> None:
    (tmp_path / "index.html").write_text("<title>t</title><h1>Served</h1>", encoding="utf-8")
    page = browser.new_page()
    with serve_folder(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        page.goto(url)
        assert page.inner_text("h1") == "Served"
    with pytest.raises(Exception):
        page.goto(url, timeout=5_000)
    page.close()
