"""`localoffer report`: formats, -o FILE, --as-of, and errors a user can fix."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.synthetic import write_borough

TODAY = "2026-11-28"


@pytest.fixture
def config(borough_dir: Path) -> Path:
    write_borough(load_borough(borough_dir / "localoffer.yml"), borough_dir, 5,
                  __import__("datetime").date(2026, 11, 28), words_per_answer=40)
    return borough_dir / "localoffer.yml"


def run(config: Path, *args: str) -> int:
    return main(["report", "--config", str(config), "--today", TODAY, *args])


def test_text_to_stdout(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Local Offer report for Calderbrook\n")
    assert "The offers as they are on 28 November 2026." in out
    assert out.count("Up to date") >= 5
    assert err == ""  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize("output_format", ["csv", "json", "md", "html"])
def test_each_format_to_a_file(config: Path, tmp_path: Path, output_format: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"report.{output_format}"
    assert run(config, "--format", output_format, "-o", str(target)) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == f"Wrote {target}.\n"
    content = target.read_text(encoding="utf-8")
    if output_format == "csv":
        assert len(list(csv.DictReader(io.StringIO(content)))) == 5
        assert target.read_bytes().count(b"\r\n") == 6
    elif output_format == "json":
        assert len(json.loads(content)["settings"]) == 5
    elif output_format == "md":
        assert content.startswith("# Local Offer report for Calderbrook")
    else:
        assert content.startswith("<!DOCTYPE html>") and content.rstrip().endswith("</html>")


def test_as_of_a_past_date(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = config.parent
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-03-01T09:00:00+00:00",
           "GIT_COMMITTER_DATE": "2026-03-01T09:00:00+00:00", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=LA", "-c", "user.email=la@example.org", "commit", "-q",
                  "-m", "Offers"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    assert run(config, "--as-of", "2026-06-30", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == data["today"] == "2026-06-30"
    assert data["source"].startswith("as published on 30 June 2026: main at commit ")
    assert len(data["settings"]) == 5
    # Reviewed in 2026 after 1 March (synthetic dates): in March their dates lay in the future.
    assert data["history"][-1]["month"] == "2026-06"


def test_as_of_before_any_commit(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "--as-of", "2026-01-01") == 2
    assert "not a Git repository" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--as-of", "--today"])
def test_a_date_that_is_not_a_date(config: Path, option: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--config", str(config), option, "1 June"]) == 2
    assert "'1 June' is not a date: write it as YYYY-MM-DD" in capsys.readouterr().err


def test_unknown_format(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "--format", "pdf") == 2
    assert "'pdf' is not one of" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(config: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import localoffer.commands.report as command

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr(command, "PROGRESS_FROM", 3)  # 5 offers count as a large run here
    assert run(config, "--format", "csv") == 0
    assert "Reading offers" in terminal.getvalue() and "100%" in terminal.getvalue()
    assert "Reading offers" not in capsys.readouterr().out
    monkeypatch.setattr(command, "PROGRESS_FROM", 6)  # a small run: no bar
    terminal.seek(0)
    terminal.truncate()
    assert run(config, "--format", "csv") == 0
    assert terminal.getvalue() == ""


def test_bad_report_settings_are_a_config_error(config: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with open(config, "a", encoding="utf-8") as file:
        file.write("\nreport:\n  coverage_min_percent: 150\n")
    assert run(config) == 2
    assert "'report.coverage_min_percent' must be a number between 0 and 100." in \
        capsys.readouterr().err
