"""`localoffer report` lists the 'You said, we did' items not done yet, longest waiting first,
with the days each has waited since it was received."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from localoffer.cli import main

TODAY = "2026-11-28"


def item(status: str, received: str, about: str = "local-offer", title: str = "Loop") -> str:
    done = "done_on: 2026-11-01\n" if status == "done" else ""
    return (f"---\ntitle: {title}\nreceived: {received}\ntheme: transport\nabout: {about}\n"
            f"status: {status}\n{done}---\n\n## You said\n\nSomething.\n\n## We did\n\nThings.\n")


@pytest.fixture
def config(borough_dir: Path) -> Path:
    feedback = borough_dir / "feedback"
    feedback.mkdir()
    (feedback / "a-done.md").write_text(item("done", "2026-01-05", title="Done one"))
    (feedback / "b-open.md").write_text(item("open", "2026-11-18", title="Buses late"))
    (feedback / "c-working.md").write_text(item("in-progress", "2026-08-30",
                                                title="Forms & letters"))
    (feedback / "d-broken.md").write_text("no front-matter here\n")
    return borough_dir / "localoffer.yml"


def report(config: Path, *args: str) -> str:
    assert main(["report", "--config", str(config), "--today", TODAY, *args]) == 0
    return ""


def test_text_lists_items_not_done_longest_waiting_first(
        config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report(config)
    out = capsys.readouterr().out
    section = out.split("You said, we did: not done yet\n\n", 1)[1].split("\n\n")
    assert section[0] == ("2 items not done yet; the longest has waited 90 days since "
                          "30 August 2026.")
    rows = section[1].splitlines()
    assert rows[2].split()[:5] == ["90", "days", "2026-08-30", "In", "progress"]
    assert "Forms & letters" in rows[2] and "feedback/c-working.md" in rows[2]
    assert rows[3].split()[:4] == ["10", "days", "2026-11-18", "Open"]
    assert "Buses late" in rows[3] and "the Local Offer as a whole" in rows[3]
    assert len(rows) == 4 and "Done one" not in out


def test_json_gives_each_item_and_its_days(config: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    report(config, "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert [(entry["path"], entry["days_waiting"], entry["status"], entry["received"])
            for entry in data["feedback_not_done"]] == [
        ("feedback/c-working.md", 90, "In progress", "2026-08-30"),
        ("feedback/b-open.md", 10, "Open", "2026-11-18")]


def test_markdown_and_html_show_them_escaped(config: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    report(config, "--format", "md")
    markdown = capsys.readouterr().out
    assert "## You said, we did: not done yet" in markdown
    assert "| 90 days | 2026-08-30 | In progress | Travel to school and college |" in markdown
    report(config, "--format", "html", "-o", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text()
    assert 'id="you-said-we-did"' in html and "Forms &amp; letters" in html
    assert "Forms & letters" not in html


def test_without_a_feedback_folder_the_report_says_nothing_of_it(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report(borough_dir / "localoffer.yml")
    assert "You said, we did" not in capsys.readouterr().out
    report(borough_dir / "localoffer.yml", "--format", "json")
    assert json.loads(capsys.readouterr().out)["feedback_not_done"] is None


def test_when_every_item_is_done_it_says_so(borough_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (borough_dir / "feedback").mkdir()
    (borough_dir / "feedback" / "a.md").write_text(item("done", "2026-01-05"))
    report(borough_dir / "localoffer.yml")
    assert "You said, we did: not done yet\n\nEvery item in feedback/ is done.\n" in \
        capsys.readouterr().out
