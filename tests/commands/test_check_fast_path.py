"""`localoffer check <files>` with no options (the pre-commit hook) runs without click, and says
and returns exactly what the full command line does."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testpaths import REPO_ROOT

DEMO_OFFER = "offers/oakfield-primary-school/offer.md"


@pytest.fixture
def borough(tmp_path: Path) -> Path:
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    shutil.copytree(REPO_ROOT / "offers", tmp_path / "offers")
    offer = tmp_path / DEMO_OFFER
    text = offer.read_text(encoding="utf-8")
    # Two problems: a script tag, and a next review more than a year after the last.
    text = re.sub(r"^last_reviewed: .*$", "last_reviewed: 2001-01-01", text, count=1, flags=re.M)
    offer.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")
    return tmp_path


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = ("import sys\nfrom localoffer.cli import main\ncode = main(sys.argv[1:])\n"
            "print('click imported' if 'click' in sys.modules else 'no click', file=sys.stderr)\n"
            "sys.exit(code)")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=folder, capture_output=True,
                          text=True, timeout=120)


def test_the_hook_path_does_not_import_click_and_says_the_same(borough: Path) -> None:
    fast = _run(borough, "check", DEMO_OFFER)
    full = _run(borough, "check", "--format", "text", DEMO_OFFER)
    assert fast.stderr.strip().endswith("no click")
    assert full.stderr.strip().endswith("click imported")
    assert fast.returncode == full.returncode == 1
    assert "safety/raw-html" in fast.stdout
    assert "review/interval" in fast.stdout
    assert fast.stdout == full.stdout


def test_a_clean_offer_exits_0_on_the_hook_path(tmp_path: Path) -> None:
    shutil.copy(REPO_ROOT / "localoffer.yml", tmp_path / "localoffer.yml")
    shutil.copytree(REPO_ROOT / "offers", tmp_path / "offers")
    done = _run(tmp_path, "check", "--today", "2026-11-30", DEMO_OFFER)
    fast = _run(tmp_path, "check", DEMO_OFFER)
    assert done.returncode == 0, done.stdout
    assert fast.stdout.splitlines()[-1] == done.stdout.splitlines()[-1]


def test_a_broken_localoffer_yml_is_a_message_with_exit_2_on_the_hook_path(borough: Path) -> None:
    (borough / "localoffer.yml").write_text("borough: [1, 2\n", encoding="utf-8")
    fast = _run(borough, "check", DEMO_OFFER)
    full = _run(borough, "check", "--format", "text", DEMO_OFFER)
    assert fast.returncode == full.returncode == 2
    assert "Traceback" not in fast.stderr
    assert "localoffer.yml:" in fast.stderr
    assert fast.stderr.splitlines()[0] == full.stderr.splitlines()[0]
