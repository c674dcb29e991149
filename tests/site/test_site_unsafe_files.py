"""The build never publishes a file through a link, an offer from inside another setting's
folder, or a setting whose folder name is unsafe, and it says why, naming the file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_helpers import TODAY, make_borough

SECRET = "machine-secret: do not publish"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("unsafe")
    offers = make_borough(folder, 3)
    (folder / "secret.txt").write_text(SECRET, encoding="utf-8")
    first, second = offers[0].parent, offers[1].parent
    (first / "photo.png").symlink_to(folder / "secret.txt")
    (first / "deep").mkdir()
    (first / "deep" / "up.png").symlink_to("../../../secret.txt")
    os.mkfifo(first / "waiting.jpg")
    # Another school's page, from inside the first school's folder.
    (first / second.name).mkdir()
    (first / second.name / "offer.md").write_text(
        second.joinpath("offer.md").read_text(encoding="utf-8").replace(
            "name:", "name: Replaced", 1), encoding="utf-8")
    unsafe = folder / "offers" / 'bad"name<b>'
    unsafe.mkdir()
    (unsafe / "offer.md").write_text(offers[2].read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "localoffer.cli", "build", "--today", TODAY],
                            cwd=folder, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return folder / "site", result.stdout + result.stderr


def test_no_file_reached_through_a_link_is_published(built: tuple[Path, str]) -> None:
    site, _ = built
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".png", ".jpg", ".html", ".json"):
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    assert not list(site.rglob("photo.png")) and not list(site.rglob("waiting.jpg"))


def test_the_build_names_every_file_it_would_not_read(built: tuple[Path, str]) -> None:
    _, log = built
    assert "offers/setting-00000/photo.png:1: file/symlink" in log
    assert "offers/setting-00000/deep/up.png:1: file/symlink" in log
    assert "offers/setting-00000/waiting.jpg:1: file/not-a-file" in log
    assert "offers/setting-00000/setting-00001/offer.md:1: file/misplaced" in log
    assert """offers/bad"name<b>/offer.md:1: file/folder-name""" in log


def test_a_nested_offer_never_replaces_another_settings_page(built: tuple[Path, str]) -> None:
    site, _ = built
    page = (site / "settings" / "setting-00001" / "index.html").read_text(encoding="utf-8")
    assert "Replaced" not in page


def test_a_setting_with_an_unsafe_folder_name_is_not_published(built: tuple[Path, str]) -> None:
    site, _ = built
    assert sorted(path.name for path in (site / "settings").iterdir() if path.is_dir()) == [
        "setting-00000", "setting-00001", "setting-00002"]
    assert "bad" not in (site / "offers.json").read_text(encoding="utf-8")


def test_a_strict_build_stops_on_them(built: tuple[Path, str]) -> None:
    folder = built[0].parent
    result = subprocess.run([sys.executable, "-m", "localoffer.cli", "build", "--strict",
                             "--today", TODAY, "--site-dir", str(folder / "strict-site")],
                            cwd=folder, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1
    assert "offers/setting-00000/photo.png:1: file/symlink" in result.stdout + result.stderr


def test_offers_and_feedback_committed_as_links_are_never_read(tmp_path: Path,
                                                              repo_root: Path) -> None:
    """A pull request can make offers/ or feedback/ itself a link to a folder elsewhere on the
    machine (another checkout, say): nothing there is checked, published or watched."""
    folder = tmp_path / "borough"
    folder.mkdir()
    make_borough(folder, 2)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (folder / "offers").rename(elsewhere / "offers")
    (folder / "offers").symlink_to(elsewhere / "offers")
    shutil.copytree(repo_root / "feedback", elsewhere / "feedback")
    (folder / "feedback").symlink_to(elsewhere / "feedback")

    checked = subprocess.run([sys.executable, "-m", "localoffer.cli", "check", "--today", TODAY],
                             cwd=folder, capture_output=True, text=True, timeout=300)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[0] == ("offers:1: file/symlink This folder is a symbolic link. offers/, "
                        "feedback/ and the folders in them must be ordinary folders of the "
                        "repository: replace the link with the folder itself.")
    assert lines[1].startswith("feedback:1: file/symlink This folder is a symbolic link.")
    assert lines[-1].startswith("Checked 0 offers: 2 errors")

    built = subprocess.run([sys.executable, "-m", "localoffer.cli", "build", "--today", TODAY],
                           cwd=folder, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    log = built.stdout + built.stderr
    assert "offers:1: file/symlink" in log and "feedback:1: file/symlink" in log
    site = folder / "site"
    assert not (site / "settings" / "setting-00000").exists()
    assert json.loads((site / "offers.json").read_text(encoding="utf-8"))["offers"] == []
    said = "Forms for help with travel to school were hard to find"  # a feedback/ item's title
    assert not any(said in path.read_text(encoding="utf-8") for path in site.rglob("*.html"))
