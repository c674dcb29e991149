"""Links planted inside the build's cache folder (.localoffer-cache/site/), below its top: the
offers' entries and the sites' manifests are neither written nor read through a link to a
folder outside the project, and the daily clean-up deletes nothing there
(site/signed_store.py, site/build_cache.py)."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from site_helpers import build, make_borough

pytestmark = pytest.mark.slow


def _contents(folder: Path) -> dict[str, object]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else "folder"
            for path in sorted(folder.rglob("*"))}


def test_links_inside_the_build_cache_are_never_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    borough = tmp_path / "borough"
    borough.mkdir()
    make_borough(borough, 4, search="pagefind")  # the sites' manifests are written too
    build(borough)
    cache = borough / ".localoffer-cache" / "site"
    assert (cache / "offers").is_dir() and (cache / "sites").is_dir()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "sites").mkdir(parents=True)
    (elsewhere / "offers" / "ab").mkdir(parents=True)
    old = elsewhere / "offers" / "ab" / "ab01.offer"
    old.write_bytes(b"not the cache's")
    three_days_ago = time.time() - 3 * 24 * 3600
    os.utime(old, (three_days_ago, three_days_ago))
    for name in ("offers", "sites"):
        shutil.rmtree(cache / name)
        (cache / name).symlink_to(elsewhere / name, target_is_directory=True)
    (cache / "swept").unlink(missing_ok=True)  # the clean-up is due
    before = _contents(elsewhere)
    offer = borough / "offers" / "setting-00001" / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8") + "\nA new sensory garden.\n",
                     encoding="utf-8")
    site = build(borough)
    assert _contents(elsewhere) == before
    assert "A new sensory garden." in (site / "settings" / "setting-00001" / "index.html"
                                       ).read_text(encoding="utf-8")
