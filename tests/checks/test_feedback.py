"""'You said, we did' items (feedback/*.md): the details, the two answers, links and the same
safety rules as offers, through the real `localoffer check`, with file and line."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from localoffer.borough import Borough
from localoffer.checks import CheckContext
from localoffer.checks.feedback import check_feedback_item
from localoffer.cli import main
from localoffer.model import Finding
from localoffer.model.feedback import load_feedback_item

from .helpers import TODAY, write_offer, offer_text

GOOD = """---
title: The hearing loop did not work
received: 2026-03-16
theme: schools-and-settings
about: example-school
status: done
done_on: 2026-04-24
---

## You said

A parent told us the hearing loop in the hall did not work.

## We did

The school had it repaired and now tests it before every event.
"""


def write_item(borough_dir: Path, text: str | bytes, name: str = "2026-03-loop.md") -> Path:
    path = borough_dir / "feedback" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def check_item(borough: Borough, borough_dir: Path, text: str | bytes,
               name: str = "2026-03-loop.md") -> list[Finding]:
    path = write_item(borough_dir, text, name)
    context = CheckContext(borough, TODAY, frozenset({"example-school"}))
    return check_feedback_item(load_feedback_item(path, borough), context)


def found(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(finding.line, finding.rule) for finding in findings]


def test_a_good_item_has_no_findings(borough: Borough, borough_dir: Path) -> None:
    assert check_item(borough, borough_dir, GOOD) == []


def test_the_demo_items_pass(repo_root: Path, demo_borough: Borough,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--today", "2026-11-28", "--config", str(repo_root / "localoffer.yml")])
    out = capsys.readouterr().out
    assert code == 0, out
    # The offers counted include their translations (offer.ur.md ...).
    assert out.startswith("Checked ") and out.count("\n") == 1
    assert out.endswith(" offers and 12 'You said, we did' items: no problems found.\n")


@pytest.mark.parametrize(("change", "line", "message"), [
    (("title: The hearing loop did not work\n", ""), 1, "Add 'title:'"),
    (("received: 2026-03-16", "received: 16/03/2026"), 3, "Write received as YYYY-MM-DD"),
    (("theme: schools-and-settings", "theme: school-and-settings"), 4,
     "'school-and-settings' is not one of the borough's themes. Did you mean "
     "schools-and-settings?"),
    (("about: example-school", "about: example-scool"), 5,
     "There is no setting 'example-scool' in offers/. Did you mean example-school?"),
    (("status: done", "status: finished"), 6, "status must be one of: open, in-progress, done."),
    (("done_on: 2026-04-24\n", ""), 6, "This item is done: add 'done_on:'"),
])
def test_each_detail_is_checked_at_its_line(borough: Borough, borough_dir: Path,
                                            change: tuple[str, str], line: int,
                                            message: str) -> None:
    findings = check_item(borough, borough_dir, GOOD.replace(*change))
    assert found(findings) == [(line, "feedback/details")]
    assert message in findings[0].message
    assert findings[0].path == "feedback/2026-03-loop.md"


def test_the_local_offer_as_a_whole_and_open_items_need_no_setting_or_date(
        borough: Borough, borough_dir: Path) -> None:
    text = (GOOD.replace("about: example-school", "about: local-offer")
            .replace("status: done", "status: open").replace("done_on: 2026-04-24\n", "")
            .replace("The school had it repaired and now tests it before every event.\n", ""))
    assert check_item(borough, borough_dir, text) == []


@pytest.mark.parametrize(("change", "line", "message"), [
    (("received: 2026-03-16\ntheme: schools-and-settings\nabout: example-school\nstatus: done\n"
      "done_on: 2026-04-24", "received: 2026-12-01\ntheme: schools-and-settings\n"
      "about: example-school\nstatus: open"), 3, "which is after today (2026-11-28)"),
    (("done_on: 2026-04-24", "done_on: 2026-03-01"), 7,
     "done_on (2026-03-01) is before received (2026-03-16)"),
])
def test_dates_that_cannot_be_right(borough: Borough, borough_dir: Path,
                                    change: tuple[str, str], line: int, message: str) -> None:
    findings = check_item(borough, borough_dir, GOOD.replace(*change))
    assert found(findings) == [(line, "feedback/dates")]
    assert message in findings[0].message


@pytest.mark.parametrize(("change", "expected", "message"), [
    (("## You said\n", ""), [(9, "feedback/answers")], "Add a heading '## You said'"),
    (("## We did\n", ""), [(9, "feedback/answers")], "Add a heading '## We did'"),
    (("The school had it repaired and now tests it before every event.\n", ""),
     [(14, "feedback/answers")], "Write what you did"),
    (("## We did", "## Next steps\n\nMore.\n\n## We did"), [(14, "feedback/answers")],
     "'Next steps' is neither"),
    (("## You said", "## YOU SAID:"), [], ""),
])
def test_the_two_answers(borough: Borough, borough_dir: Path, change: tuple[str, str],
                         expected: list[tuple[int, str]], message: str) -> None:
    findings = check_item(borough, borough_dir, GOOD.replace(*change))
    assert found(findings) == expected
    assert all(message in finding.message for finding in findings)


def test_links_must_be_web_addresses(borough: Borough, borough_dir: Path) -> None:
    text = GOOD.replace("every event.", "every event: [the plan](plan.pdf), "
                                        "[old page](http://council.example/loop), "
                                        "[email us](mailto:lo@council.example).")
    findings = check_item(borough, borough_dir, text)
    assert found(findings) == [(16, "feedback/links"), (16, "links/insecure")]
    assert "not 'plan.pdf'" in findings[0].message


@pytest.mark.parametrize(("added", "rule"), [
    ("<script>alert(1)</script>", "safety/raw-html"),
    ("[click](javascript:alert(1))", "safety/raw-html"),
    ('<img src="x" onerror="alert(1)">', "safety/raw-html"),
    ("<b>bold</b>", "safety/html"),
    ("The pupil's UPN is A123456789012.", "safety/personal-data"),
    ("NHS number 943 476 5919.", "safety/personal-data"),
])
def test_the_same_safety_rules_as_offers(borough: Borough, borough_dir: Path, added: str,
                                         rule: str) -> None:
    findings = check_item(borough, borough_dir, GOOD.replace("in the hall did not work.",
                                                             "in the hall did not work.\n" + added))
    assert (13, rule) in found(findings)


def test_a_child_s_details_in_the_front_matter_are_found_too(borough: Borough,
                                                               borough_dir: Path) -> None:
    text = GOOD.replace("title: The hearing loop did not work",
                        "title: The loop did not work for A123456789012")
    assert found(check_item(borough, borough_dir, text)) == [(2, "safety/personal-data")]


@pytest.mark.parametrize(("content", "rule", "line"), [
    (b"", "front-matter/invalid", 1),
    (b"no front-matter\n", "front-matter/invalid", 1),
    (b"---\ntitle: [unclosed\n---\n", "front-matter/invalid", 3),
    (b"---\ntitle: caf\xe9\n---\n", "file/encoding", 2),
    (b"---\ntitle: x\x00\n---\n", "file/encoding", 1),
    (GOOD.replace("## We did", "<<<<<<< HEAD\n## We did").encode(), "file/conflict", 14),
])
def test_files_that_cannot_be_read(borough: Borough, borough_dir: Path, content: bytes,
                                   rule: str, line: int) -> None:
    assert (line, rule) in found(check_item(borough, borough_dir, content))


def test_a_file_name_that_cannot_be_an_address(borough: Borough, borough_dir: Path) -> None:
    findings = check_item(borough, borough_dir, GOOD, name="Hearing Loop.md")
    assert found(findings) == [(1, "file/folder-name")]
    assert "Rename the file" in findings[0].message


def test_the_check_command_names_file_and_line_and_exits_1(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_offer(borough_dir, offer_text(_borough(borough_dir)))
    write_item(borough_dir, GOOD.replace("status: done", "status: finished"))
    write_item(borough_dir, GOOD, name="2026-04-fine.md")
    code = main(["check", "--today", "2026-11-28", "--config", str(borough_dir / "localoffer.yml")])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "feedback/2026-03-loop.md:6: feedback/details status must be one of: open, "
        "in-progress, done.",
        "Checked 1 offer and 2 'You said, we did' items: 1 error, 0 warnings. Fix the errors "
        "above, then run the check again.",
    ]


def test_check_names_one_item_and_reports_json(borough_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = write_item(borough_dir, GOOD.replace("received: 2026-03-16\n", "")
                      .replace("about: example-school", "about: local-offer"))
    code = main(["check", "--format", "json", "--today", "2026-11-28",
                 "--config", str(borough_dir / "localoffer.yml"), str(path)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["files"] == 0 and report["feedback_files"] == 1
    assert [(item["path"], item["line"], item["rule"]) for item in report["findings"]] == [
        ("feedback/2026-03-loop.md", 1, "feedback/details")]


def test_a_link_in_feedback_is_never_read(borough_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    secret = borough_dir / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    (borough_dir / "feedback").mkdir()
    os.symlink(secret, borough_dir / "feedback" / "linked.md")
    code = main(["check", "--today", "2026-11-28", "--config", str(borough_dir / "localoffer.yml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "feedback/linked.md:1: file/symlink" in out
    assert "Checked 0 offers: 1 error" in out  # the link is never read as an item


def _borough(borough_dir: Path) -> Borough:
    from localoffer.borough import load_borough
    return load_borough(borough_dir / "localoffer.yml")
