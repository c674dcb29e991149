"""The theme's compiled templates are kept in the user's own cache folder, and used only when
that folder is the user's alone (loading a compiled template runs it)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from localoffer.commands.build import build_site
from localoffer.site.template_cache import template_cache
from site_helpers import make_borough


def _pages(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*.html"))}


def test_a_build_keeps_the_compiled_templates_and_builds_the_same_with_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 3)
    build_site(folder / "mkdocs.yml", site_dir=folder / "first", quiet=True, clean=True)
    kept = tmp_path / "user-cache" / "localoffer" / "templates"
    assert len(list(kept.glob("__jinja2_*.cache"))) > 20  # the theme's templates
    assert os.stat(kept).st_mode & 0o077 == 0
    build_site(folder / "mkdocs.yml", site_dir=folder / "second", quiet=True, clean=True)
    assert _pages(folder / "second") == _pages(folder / "first")


def test_a_folder_others_may_write_to_or_a_link_is_never_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert template_cache() is not None
    folder = tmp_path / "localoffer" / "templates"
    folder.chmod(0o777)
    assert template_cache() is None
    folder.rmdir()
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    folder.symlink_to(tmp_path / "elsewhere")
    assert template_cache() is None
