"""A mistake in localoffer.yml or in the plugin's options stops `localoffer build` and
`mkdocs build` with exit code 2 and the file and line, as the README promises."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from localoffer.cli import main

from site_helpers import make_borough

MISTAKES = {
    # name: (file, text to find, what replaces it, the reported line's place in it (0 for
    # the first line of the replacement), words of the message)
    "borough-list": ("localoffer.yml", "\nborough:\n", "\nborough: [1, 2]\nold_borough:\n", 1,
                     "'borough' must be a set of 'key: value' settings"),
    "tagged-value": ("localoffer.yml", "interval_months: 12", "interval_months: !!float 'x'", 0,
                     "'x' cannot be read as a number"),
    "huge-interval": ("localoffer.yml", "interval_months: 12", "interval_months: 99999999999",
                      0, "'review.interval_months' must be a number from 1 to 120"),
    "plugin-option": ("mkdocs.yml", "      search: material\n",
                      "      search: material\n      booklet_size: lots\n", 1,
                      "The localoffer option 'booklet_size' is not valid: write a whole "
                      "number of 1 or more (for example 100), not 'lots'"),
    "plugin-option-zero": ("mkdocs.yml", "      search: material\n",
                           "      search: material\n      booklet_size: 0\n", 1,
                           "'booklet_size' is not valid: write a whole number of 1 or more"),
    "plugin-option-flag": ("mkdocs.yml", "      search: material\n",
                           "      search: material\n      dashboard: maybe\n", 1,
                           "'dashboard' is not valid: write true or false, not 'maybe'"),
    "plugin-option-choice": ("mkdocs.yml", "      search: material\n",
                             "      search: lunr\n", 0,
                             "'search' is not valid: write one of material, pagefind, not 'lunr'"),
    "plugin-option-folders": ("mkdocs.yml", "      search: material\n",
                              "      search: material\n      staff_guides: contributing\n", 1,
                              "'staff_guides' is not valid: write a list of folder names"),
}


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("setup-errors")
    make_borough(folder, 2)
    return folder


def _break(folder: Path, name: str) -> tuple[Path, int, str]:
    file_name, old, new, offset, words = MISTAKES[name]
    for good in ("localoffer.yml", "mkdocs.yml"):
        saved = folder / f"{good}.good"
        if not saved.exists():
            saved.write_bytes((folder / good).read_bytes())
        (folder / good).write_bytes(saved.read_bytes())
    broken = folder / file_name
    text = broken.read_text(encoding="utf-8")
    assert old in text
    line = text[:text.index(old)].count("\n") + 1 + offset
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    return broken, line, words


@pytest.mark.parametrize("name", MISTAKES)
def test_localoffer_build_exits_2_with_the_file_and_line(
        site_folder: Path, name: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    broken, line, words = _break(site_folder, name)
    monkeypatch.chdir(site_folder)
    assert main(["build", "--site-dir", str(site_folder / "site")]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:{line}: " in err, err
    assert words in err and "Traceback" not in err, err


@pytest.mark.parametrize("name", ["borough-list", "plugin-option"])
def test_mkdocs_build_exits_2_with_the_file_and_line(site_folder: Path, name: str) -> None:
    broken, line, words = _break(site_folder, name)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d",
                             str(site_folder / "site")], cwd=site_folder, capture_output=True,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            timeout=300)
    assert result.returncode == 2, result.stderr
    assert f"Error: {broken}:{line}: " in result.stderr, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_an_unquoted_date_for_today_is_taken_as_that_day(
        site_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """YAML reads `today: 2026-01-05` as a date, not text: it must not be refused."""
    _break(site_folder, "plugin-option")  # puts the good files back first
    mkdocs_file = site_folder / "mkdocs.yml"
    text = (site_folder / "mkdocs.yml.good").read_text(encoding="utf-8")
    mkdocs_file.write_text(text.replace("      search: material\n",
                                        "      search: material\n      today: 2026-01-05\n"),
                           encoding="utf-8")
    monkeypatch.chdir(site_folder)
    monkeypatch.delenv("LOCALOFFER_TODAY", raising=False)
    assert main(["build", "--site-dir", str(site_folder / "site-dated")]) == 0
    assert (site_folder / "site-dated" / "index.html").is_file()
