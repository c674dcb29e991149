"""`localoffer fix` and `localoffer fix --check` on real files."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from localoffer.authoring.fixes import fix_text
from localoffer.borough import Borough
from localoffer.cli import main
from localoffer.synthetic import write_borough

def _fix(borough_dir: Path, *args: str) -> int:
    return main(["fix", *args, "--config", str(borough_dir / "localoffer.yml")])


@pytest.fixture
def offer(borough: Borough, borough_dir: Path) -> Path:
    """A synthetic primary offer that passes every check, then given fixable faults: UK dates,
    an unquoted URN, keys out of order and spaces at the ends of lines."""
    paths = write_borough(borough, borough_dir, 8, date(2026, 11, 28), words_per_answer=30)
    path = next(p for p in paths if "type: primary" in p.read_text())
    text = path.read_text()
    text = re.sub(r"last_reviewed: (\d{4})-(\d\d)-(\d\d)", r"last_reviewed: \3/\2/\1", text)
    text = re.sub(r'urn: "(\d+)"', r"urn: \1", text)
    name = re.search(r"^name: .*\n", text, re.M).group(0)
    text = text.replace(name, "").replace("type: primary\n", f"type: primary\n{name}")
    path.write_text(text.replace(".\n\n", ".   \n\n", 3))
    return path


def test_check_prints_a_unified_diff_and_exits_1_changing_nothing(
        borough_dir: Path, offer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = offer.read_text()
    assert _fix(borough_dir, "--check", str(offer)) == 1
    out, err = capsys.readouterr()
    shown = offer.relative_to(borough_dir).as_posix()
    assert out.startswith(f"--- a/{shown}\n+++ b/{shown}\n@@ ")
    assert re.search(r"\n-last_reviewed: \d\d/\d\d/2026\n", out)
    assert re.search(r"\n\+last_reviewed: 2026-\d\d-\d\d\n", out)
    assert re.search(r'\n\+urn: "\d{6}"\n', out)
    assert "1 offer(s) would be changed" in err
    assert offer.read_text() == before


def test_fix_writes_the_changes_then_check_is_clean(
        borough_dir: Path, offer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _fix(borough_dir, str(offer)) == 0
    out = capsys.readouterr().out
    assert "Fixed offers/" in out and "wrote last_reviewed as 2026-" in out
    text = offer.read_text()
    assert text.startswith("---\nname: ") and re.search(r"\nlast_reviewed: 2026-\d\d-\d\d\n", text)
    assert "   \n" not in text
    assert _fix(borough_dir, "--check", str(offer)) == 0
    assert capsys.readouterr().out == ""
    # After the safe fixes the offer passes the checks again.
    assert main(["check", str(offer), "--today", "2026-11-28",
                 "--config", str(borough_dir / "localoffer.yml")]) == 0


def test_default_is_every_offer_in_the_borough(borough_dir: Path, offer: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert _fix(borough_dir, "--check") == 1
    assert capsys.readouterr().out.count("+++ b/") == 1


def test_a_file_that_is_not_text_is_left_alone(borough_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = borough_dir / "offers" / "broken" / "offer.md"
    path.parent.mkdir()
    path.write_bytes(b"---\nname: Caf\xe9\n---\n")
    assert _fix(borough_dir, str(path)) == 0
    assert path.read_bytes() == b"---\nname: Caf\xe9\n---\n"
    assert "not a readable UTF-8 text file" in capsys.readouterr().err


def test_missing_paths_are_a_usage_error(borough_dir: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _fix(borough_dir, str(borough_dir / "offers" / "nope" / "offer.md")) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_new_offer_needs_no_fixing(borough_dir: Path) -> None:
    for setting_type in ("childminder", "secondary", "fe-college", "special"):
        assert main(["new", "--type", setting_type, "--name", f"New {setting_type}",
                     "--config", str(borough_dir / "localoffer.yml")]) == 0
    assert _fix(borough_dir, "--check") == 0


def test_demo_offers_keep_their_words_and_change_at_most_in_key_order(
        demo_borough: Borough) -> None:
    for path in sorted(demo_borough.offers_dir.glob("*/offer.md")):
        result = fix_text(path.read_text(encoding="utf-8"), demo_borough)
        assert set(result.changes) <= {"put the front-matter keys in the usual order"}, path
        assert sorted(result.text.split("\n")) == sorted(path.read_text().split("\n"))


def test_runs_as_a_console_command(borough_dir: Path, offer: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "localoffer", "fix", "--check",
                           str(offer.relative_to(borough_dir))],
                          cwd=borough_dir, capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout.startswith("--- a/")


def test_a_linked_offer_is_not_written_through(
        borough_dir: Path, offer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A change could put a link where an offer was; the pre-commit hook runs `fix` on it: the
    file the link points to (anywhere on the reviewer's computer) must not be rewritten."""
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_bytes(offer.read_bytes())  # fixable text, so a fix would change it
    before = elsewhere.read_bytes()
    offer.unlink()
    offer.symlink_to(elsewhere)
    assert _fix(borough_dir, str(offer)) == 0
    assert elsewhere.read_bytes() == before and offer.is_symlink()
    assert "not fixed. This file is a symbolic link" in capsys.readouterr().err


def test_an_offer_in_a_linked_folder_is_not_written_through(
        borough_dir: Path, offer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "offer.md").write_bytes(offer.read_bytes())
    before = (outside / "offer.md").read_bytes()
    linked = borough_dir / "offers" / "linked"
    linked.symlink_to(outside, target_is_directory=True)
    assert _fix(borough_dir, str(linked / "offer.md")) == 0
    assert (outside / "offer.md").read_bytes() == before
    assert "inside a folder that is a link" in capsys.readouterr().err


def test_a_file_over_the_size_limit_is_not_read(
        borough_dir: Path, offer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = offer.read_text() + ("Words   \n" * 70_000)  # about 700 KB, over the 512 KB limit
    offer.write_text(big)
    assert _fix(borough_dir, str(offer)) == 0
    assert offer.read_text() == big
    assert "not fixed. This file is" in capsys.readouterr().err


def test_a_fixed_file_keeps_its_permissions(borough_dir: Path, offer: Path) -> None:
    offer.chmod(0o640)
    assert _fix(borough_dir, str(offer)) == 0
    assert offer.stat().st_mode & 0o777 == 0o640
    assert not list(offer.parent.glob(".localoffer-fix-*"))
