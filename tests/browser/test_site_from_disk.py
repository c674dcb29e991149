"""The built site opened from disk, as a council officer double-clicks site/index.html: every
link leads to a page (no folder listings), in Chromium over file:// and in the files."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag

import pytest

pytestmark = pytest.mark.browser

LINK = re.compile(r'(?<![\w-])(?:href|src)="([^"]*)"')
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def test_every_relative_link_in_the_built_site_names_a_file(site_dir: Path) -> None:
    checked = 0
    for page in site_dir.rglob("*.html"):
        if page.name == "404.html":  # a web server's page, with links from the site's root
            continue
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            path = urldefrag(link)[0].split("?")[0]
            if not path or path.startswith("/") or SCHEME.match(path):
                continue
            target = (page.parent / unquote(path)).resolve()
            assert target.is_file(), f"{page.relative_to(site_dir)} links to {link}: not a file"
            checked += 1
    assert checked > 1_500


def test_clicking_through_the_site_from_disk_shows_pages(browser: Any, site_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto((site_dir / "index.html").as_uri())
        article = page.locator("article")
        steps = (
            (article.get_by_role("link", name="All settings from A to Z"), "settings/index.html"),
            (article.get_by_role("link", name="Beacon Hill School"),
             "settings/beacon-hill-school/index.html"),
            (page.get_by_role("link", name="Calderbrook Local Offer", exact=True).first,
             "index.html"),  # the header's logo
            (article.get_by_role("link", name="By age", exact=True), "find/age/index.html"),
            (article.get_by_role("link", name=re.compile(r"^Age ?3\b")), "find/age/3/index.html"),
            (article.get_by_role("link", name="Calderbrook Nursery School"),
             "settings/calderbrook-nursery-school/index.html"),
            (page.locator("nav.md-nav--primary").get_by_role("link", name="Printable booklets"),
             "booklet/index.html"),
        )
        for link, lands_on in steps:
            link.first.click()
            page.wait_for_load_state("load")
            assert page.url == (site_dir / lands_on).as_uri()
            assert "Index of" not in page.content()
            assert page.locator("article h1").count() == 1, page.url
        page.go_back()
        assert page.url == (site_dir / "settings/calderbrook-nursery-school/index.html").as_uri()
    finally:
        context.close()
