"""`localoffer new` writes a template that the checks refuse until it is filled in."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from localoffer.borough import Borough
from localoffer.cli import main
from localoffer.commands.new import NewOffer, run_new
from localoffer.errors import LocalOfferError

TODAY = "2026-11-28"


def _new(borough_dir: Path, *args: str) -> int:
    return main(["new", *args, "--today", TODAY, "--config", str(borough_dir / "localoffer.yml")])


def _check(borough_dir: Path, capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["check", *map(str, paths), "--format", "json", "--today", TODAY,
                 "--config", str(borough_dir / "localoffer.yml")])
    return code, json.loads(capsys.readouterr().out)


def test_writes_the_offer_in_its_own_folder(borough_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _new(borough_dir, "--type", "primary", "--name", "Oakfield Primary School") == 0
    path = borough_dir / "offers" / "oakfield-primary-school" / "offer.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nname: Oakfield Primary School\ntype: primary\n")
    assert "\nlast_reviewed:  # When the offer was last reviewed" in text  # never today
    assert "2026-11-28" not in text
    assert "status: draft" in text
    assert "Wrote " in capsys.readouterr().out


@pytest.mark.parametrize("setting_type", ["childminder", "primary", "special", "fe-college"])
def test_check_fails_on_a_fresh_template_and_names_what_to_fill_in(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], setting_type: str) -> None:
    assert _new(borough_dir, "--type", setting_type, "--name", "Oakfield") == 0
    path = borough_dir / "offers" / "oakfield" / "offer.md"
    code, report = _check(borough_dir, capsys, path)
    assert code == 1
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    missing = {f["message"].split(" is empty")[0] for f in errors
               if f["rule"] == "front-matter/missing-field"}
    identifier = "ukprn" if setting_type == "fe-college" else "urn"
    assert {identifier, "age_range", "address", "postcode", "website", "phone", "senco.name",
            "senco.email", "last_reviewed", "next_review", "approved_by", "maintainers"} <= missing
    # Every question is reported unanswered, at its heading's line.
    lines = path.read_text().split("\n")
    heading_lines = {number for number, line in enumerate(lines, start=1) if line.startswith("## ")}
    empty = {f["line"] for f in errors if f["rule"] == "sections/empty"}
    assert empty == heading_lines
    assert any(f["rule"] == "links/local-offer" for f in errors)


def test_a_template_with_every_answer_written_still_fails_until_the_details_are_filled(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The front-matter alone keeps an unedited template from passing."""
    assert _new(borough_dir, "--type", "primary", "--name", "Oakfield") == 0
    path = borough_dir / "offers" / "oakfield" / "offer.md"
    answered = [line if not line.startswith("## ") else
                f"{line}\n\nWe answer this for every family who asks us, in person or by phone."
                for line in path.read_text().split("\n")]
    path.write_text("\n".join(answered))
    code, report = _check(borough_dir, capsys, path)
    assert code == 1
    rules = {f["rule"] for f in report["findings"] if f["severity"] == "error"}
    assert "sections/empty" not in rules and "front-matter/missing-field" in rules


def test_refuses_to_overwrite_an_existing_offer(borough_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = borough_dir / "offers" / "oakfield" / "offer.md"
    path.parent.mkdir()
    path.write_text("---\nname: Oakfield\n---\nOur own words.\n")
    assert _new(borough_dir, "--type", "primary", "--name", "Oakfield") == 2
    assert path.read_text() == "---\nname: Oakfield\n---\nOur own words.\n"
    err = capsys.readouterr().err
    assert "already exists" in err and "nothing was written" in err and "Traceback" not in err


def test_slug_question_set_and_output(borough_dir: Path) -> None:
    assert _new(borough_dir, "--type", "secondary", "--name", "Riverside High",
                "--question-set", "se7-young-person", "--slug", "riverside",
                "--output", str(borough_dir / "elsewhere")) == 0
    text = (borough_dir / "elsewhere" / "riverside" / "offer.md").read_text()
    assert "question_set: se7-young-person" in text
    assert "## How does the setting know if I need extra help?" in text


@pytest.mark.parametrize("args, words", [
    (["--type", "nursery", "--name", "X"], "no setting type 'nursery'"),
    (["--type", "primary", "--name", "X", "--question-set", "se8"], "no question set 'se8'"),
    (["--type", "primary", "--name", "X", "--slug", "Bad Slug"], "cannot be the offer's folder"),
    (["--type", "primary", "--name", "!!!"], "give one with --slug"),
])
def test_mistakes_are_usage_errors_with_plain_messages(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    assert _new(borough_dir, *args) == 2
    assert words in capsys.readouterr().err
    assert not any((borough_dir / "offers").iterdir())


def test_before_write_runs_first_and_can_stop_the_write(borough: Borough) -> None:
    """The hook `--branch` uses: it sees the planned offer before anything is written."""
    seen: list[NewOffer] = []

    def start_branch(new: NewOffer) -> None:
        seen.append(new)
        assert not new.path.exists()
        raise LocalOfferError("no branch today")

    with pytest.raises(LocalOfferError):
        run_new(borough, "primary", "Oakfield", date(2026, 11, 28), before_write=start_branch)
    assert seen[0].slug == "oakfield" and not seen[0].path.exists()


def test_console_command_help_and_exit_code(borough_dir: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "localoffer", "new", "--help"],
                          capture_output=True, text=True, cwd=borough_dir)
    assert done.returncode == 0 and "--question-set" in done.stdout
    done = subprocess.run([sys.executable, "-m", "localoffer", "new", "--type", "primary"],
                          capture_output=True, text=True, cwd=borough_dir)
    assert done.returncode == 2 and "--name" in done.stderr
