"""The menu drawn once per folder gives every page exactly the HTML the theme draws per page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from localoffer.site import mkdocs_plugin
from site_helpers import build, make_borough


def pages(site: Path) -> dict[str, str]:
    return {str(path.relative_to(site)): path.read_text(encoding="utf-8")
            for path in sorted(site.rglob("*.html"))}


def test_cached_menu_is_the_menu_the_theme_draws(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(os.environ, "LOCALOFFER_TODAY", "2026-11-28")
    make_borough(tmp_path, 4)
    cached = pages(build(tmp_path))
    monkeypatch.setattr(mkdocs_plugin, "draw_menu_once_per_folder", lambda env: None)
    drawn_per_page = pages(build(tmp_path))
    assert cached.keys() == drawn_per_page.keys()
    assert any(name.startswith("settings/setting-") for name in cached)
    assert any(name.count("/") > 2 for name in cached), "pages in deeper folders too"
    different = [name for name in cached if cached[name] != drawn_per_page[name]]
    assert different == []
    a_to_z = cached["settings/index.html"]
    assert "md-nav__link--active" in a_to_z, "a page in the menu is still highlighted"
