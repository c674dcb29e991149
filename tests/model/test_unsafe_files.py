"""Files in offers/ that must never be read: links, pipes, devices, misplaced offers, folders
with unsafe names. `localoffer check` names each one, and never hangs or fills the memory."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.checks import run_checks
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files, known_slugs
from localoffer.model.files import is_regular_file_inside

from testpaths import REPO_ROOT

TODAY = "2026-11-28"
OFFER = (REPO_ROOT / "offers" / "oakfield-primary-school" / "offer.md").read_text(encoding="utf-8")


@pytest.fixture
def borough_dir(tmp_path: Path) -> Path:
    (tmp_path / "localoffer.yml").write_text("borough:\n  name: Test\n", encoding="utf-8")
    (tmp_path / "offers" / "oakfield").mkdir(parents=True)
    (tmp_path / "offers" / "oakfield" / "offer.md").write_text(OFFER, encoding="utf-8")
    return tmp_path


def findings(folder: Path) -> dict[str, str]:
    """{path: rule} of the file/ findings of checking every offer."""
    from datetime import date
    borough = load_borough(folder / "localoffer.yml")
    report = run_checks([borough.offers_dir], borough, date.fromisoformat(TODAY))
    return {finding.path: finding.rule for finding in report.findings
            if finding.rule.startswith("file/")}


def check_in_subprocess(folder: Path) -> subprocess.CompletedProcess[str]:
    """`localoffer check` with 30 seconds and 1 GB of memory: a hang or a read that never ends
    fails the test instead of the machine."""
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "localoffer.cli", "check", "--today", TODAY],
                          cwd=folder, capture_output=True, text=True, timeout=30,
                          preexec_fn=limit_memory, check=False)


@pytest.mark.parametrize("target", ["outside.md", "missing.md", "loop"])
def test_a_linked_offer_file_is_a_finding_not_skipped(borough_dir: Path, target: str) -> None:
    (borough_dir / "outside.md").write_text(OFFER, encoding="utf-8")
    folder = borough_dir / "offers" / "beacon-hill"
    folder.mkdir()
    if target == "loop":
        (folder / "offer.md").symlink_to(folder / "offer.md")
    else:
        (folder / "offer.md").symlink_to(borough_dir / target)
    assert findings(borough_dir)["offers/beacon-hill/offer.md"] == "file/symlink"


def test_a_linked_offer_file_named_on_the_command_line_is_not_read(borough_dir: Path) -> None:
    (borough_dir / "secret.md").write_text(OFFER, encoding="utf-8")
    link = borough_dir / "offers" / "oakfield" / "offer.md"
    link.unlink()
    link.symlink_to(borough_dir / "secret.md")
    offer = load_offer(link, load_borough(borough_dir / "localoffer.yml"))
    assert not offer.readable and offer.text == ""
    assert [problem.rule for problem in offer.problems] == ["file/symlink"]
    assert offer.display_path == "offers/oakfield/offer.md"


def test_links_anywhere_in_offers_are_findings(borough_dir: Path) -> None:
    offers = borough_dir / "offers"
    (offers / "oakfield" / "photo.png").symlink_to("/etc/passwd")
    (offers / "oakfield" / "docs").symlink_to(borough_dir)
    (offers / "elsewhere").symlink_to(borough_dir / "offers" / "oakfield")
    assert findings(borough_dir) == {
        "offers/oakfield/photo.png": "file/symlink",
        "offers/oakfield/docs": "file/symlink",
        "offers/elsewhere": "file/symlink",
    }
    # A linked folder is not entered: its offer is not found a second time.
    assert find_offer_files([offers]) == [offers / "oakfield" / "offer.md"]


def test_a_pipe_as_the_offer_file_does_not_hang_check(borough_dir: Path) -> None:
    (borough_dir / "offers" / "oakfield" / "offer.md").unlink()
    os.mkfifo(borough_dir / "offers" / "oakfield" / "offer.md")
    os.mkfifo(borough_dir / "offers" / "oakfield" / "photo.jpg")
    result = check_in_subprocess(borough_dir)
    assert result.returncode == 1, result.stderr
    assert "offers/oakfield/offer.md:1: file/not-a-file" in result.stdout
    assert findings(borough_dir)["offers/oakfield/photo.jpg"] == "file/not-a-file"
    assert "offers/oakfield/photo.jpg:1: file/not-a-file" in result.stdout


def test_a_link_to_a_device_does_not_fill_the_memory(borough_dir: Path) -> None:
    folder = borough_dir / "offers" / "zero"
    folder.mkdir()
    (folder / "offer.md").symlink_to("/dev/zero")
    result = check_in_subprocess(borough_dir)
    assert result.returncode == 1, result.stderr
    assert "offers/zero/offer.md:1: file/symlink" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_offer_inside_another_settings_folder_is_refused(borough_dir: Path) -> None:
    nested = borough_dir / "offers" / "oakfield" / "beacon-hill"
    nested.mkdir()
    (nested / "offer.md").write_text(OFFER, encoding="utf-8")
    (borough_dir / "offers" / "offer.md").write_text(OFFER, encoding="utf-8")
    borough = load_borough(borough_dir / "localoffer.yml")
    assert findings(borough_dir) == {"offers/oakfield/beacon-hill/offer.md": "file/misplaced",
                                     "offers/offer.md": "file/misplaced"}
    assert not load_offer(nested / "offer.md", borough).readable
    assert known_slugs(borough) == {"oakfield"}


@pytest.mark.parametrize("name", ["Oakfield", "oak field", "oak_field", "a<b>c", 'x"y',
                                  "-oak", "oak--field", "café"])
def test_a_folder_name_outside_the_safe_characters_is_a_finding(borough_dir: Path,
                                                                name: str) -> None:
    (borough_dir / "offers" / name).mkdir()
    (borough_dir / "offers" / name / "offer.md").write_text(OFFER, encoding="utf-8")
    assert findings(borough_dir) == {f"offers/{name}/offer.md": "file/folder-name"}


def test_a_picture_is_read_only_as_an_ordinary_file_in_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "offers" / "oakfield"
    folder.mkdir(parents=True)
    (folder / "real.png").write_bytes(b"png")
    (tmp_path / "outside.png").write_bytes(b"png")
    (folder / "link.png").symlink_to(tmp_path / "outside.png")
    (folder / "inside-link.png").symlink_to(folder / "real.png")
    os.mkfifo(folder / "pipe.png")
    assert [is_regular_file_inside(folder / name, folder)
            for name in ("real.png", "link.png", "inside-link.png", "pipe.png")] == [
        True, False, False, False]
