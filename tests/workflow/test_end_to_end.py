"""The whole review workflow in real repositories: a shared bare repository as the Git host,
one clone for a school and one for an LA reviewer. No network; nothing is mocked."""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from gitrepos import TODAY, borough_repo, clone, git, localoffer, shared_remote

BRANCH = "offer/oakfield/2026-11-28"


def _make_overdue(path: Path) -> None:
    lines = [("last_reviewed: 2025-11-01" if line.startswith("last_reviewed:") else
              "next_review: 2026-11-01" if line.startswith("next_review:") else line)
             for line in path.read_text().splitlines()]
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.slow
def test_a_school_proposes_a_change_and_the_la_approves_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "seed"
    borough_repo(seed, {"oakfield": ["@oak-senco"], "beacon": ["@beacon-senco"],
                        "riverside": ["@river-senco"]}, reviewers=["@la-rita"])
    _make_overdue(seed / "offers/riverside/offer.md")
    git(seed, "commit", "--quiet", "-am", "Riverside's review date")
    remote = shared_remote(tmp_path, seed)
    school = clone(remote, tmp_path / "school", "Amira Khan", "amira@oakfield.example")
    reviewer = clone(remote, tmp_path / "reviewer", "Rita Reviewer", "rita@la.example")
    run = partial(localoffer, monkeypatch, capsys)
    today = ("--today", TODAY.isoformat())

    # 1. The school starts a branch for its offer.
    code, out, _ = run(school, "edit", "oakfield", *today)
    assert code == 0, out
    assert f"Started the branch {BRANCH}" in out
    assert git(school, "branch", "--show-current").strip() == BRANCH

    # 2. It rewords an answer and adds a photo, forgetting the photo's description.
    offer = school / "offers/oakfield/offer.md"
    text = offer.read_text()
    first_heading = text.split("\n## ", 1)[1].split("\n", 1)[0]
    visits = ("From May, your child visits us three times with you. We send you photos of "
              "the classroom and the teacher.")
    text = text.replace(f"## {first_heading}\n\n", f"## {first_heading}\n\n{visits} ", 1)
    (school / "offers/oakfield/hall.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    offer.write_text(text + "\n![](hall.jpg)\n")
    (school / "my-notes.txt").write_text("ring the LA about funding\n")  # unrelated work

    code, out, err = run(school, "submit", "-m", "New transition visits", *today)
    assert code == 1, out + err
    assert "accessibility/image-alt" in out
    assert "Nothing was committed or sent" in out
    assert git(school, "rev-list", "--count", "origin/main..HEAD").strip() == "0"
    assert BRANCH not in git(remote, "branch", "--list")

    # 3. The school fixes it and submits again: accepted, pushed, unrelated work left alone.
    offer.write_text(text + "\n![Our school hall, with wide doors and a ramp](hall.jpg)\n")
    code, out, err = run(school, "submit", "-m", "New transition visits", *today)
    assert code == 0, out + err
    assert f"Sent the branch {BRANCH} to the shared copy (origin)" in out
    assert "open a pull request" in out  # a folder remote has no web page to link to
    assert "Left alone" in out and "my-notes.txt" in out
    assert BRANCH in git(remote, "branch", "--list")
    assert git(school, "status", "--porcelain").strip() == "?? my-notes.txt"
    committed = git(school, "show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert committed[0] == "New transition visits"
    assert set(filter(None, committed[1:])) == {"offers/oakfield/offer.md",
                                                "offers/oakfield/hall.jpg"}

    # 4. The reviewer reads a section-by-section summary, not a line diff.
    git(reviewer, "fetch", "--quiet")
    code, out, _ = run(reviewer, "diff", "oakfield", "origin/main", f"origin/{BRANCH}")
    assert code == 0, out
    # The reworded answer and the last answer, where the photo went.
    assert "Sections reworded (2):" in out and f"~ {first_heading}" in out
    assert 'added "From May, your child visits us three times …"' in out
    assert "Sections added" not in out and "Sections removed" not in out
    assert "Reading ease of the whole offer:" in out

    # CI's ownership check passes for the school's own offer.
    code, out, _ = run(reviewer, "check-ownership", "--base", "origin/main",
                       "--head", f"origin/{BRANCH}", "--author", "oak-senco")
    assert code == 0, out

    # 5. The reviewer merges with an approval trailer and publishes.
    git(reviewer, "merge", "--quiet", "--no-ff", f"origin/{BRANCH}",
        "-m", f"Merge branch '{BRANCH}'", "-m", "Approved-by: Rita Reviewer <rita@la.example>")
    git(reviewer, "push", "--quiet", "origin", "main")

    # 6. The history, read by the school, shows who proposed and who approved.
    git(school, "fetch", "--quiet")
    code, out, _ = run(school, "history", "oakfield")
    assert code == 0, out
    newest = out.split("\n\n")[1]
    assert "New transition visits" in newest
    assert "Proposed by: Amira Khan <amira@oakfield.example>" in newest
    assert "Approved by: Rita Reviewer <rita@la.example>" in newest
    assert f'reworded "{first_heading}"' in newest and "hall.jpg" in newest
    code, out, _ = run(school, "history", "oakfield", "--format", "json")
    entries = json.loads(out)["changes"]
    assert entries[0]["approved_by"] == ["Rita Reviewer <rita@la.example>"]
    assert entries[0]["changes"]["sections_reworded"][0]["heading"] == first_heading

    # 7. The school tries to change another setting's offer: the ownership check refuses.
    code, out, _ = run(school, "edit", "beacon", *today)
    assert code == 0, out
    other = school / "offers/beacon/offer.md"
    other.write_text(other.read_text().replace("Welcome", "Hello", 1))
    code, out, _ = run(school, "submit", "-m", "Tidy Beacon's welcome", *today)
    assert code == 0, out
    git(reviewer, "fetch", "--quiet")
    code, out, _ = run(reviewer, "check-ownership", "--base", "origin/main",
                       "--head", "origin/offer/beacon/2026-11-28", "--author", "oak-senco")
    assert code == 1
    assert "offers/beacon/offer.md: This file belongs to the offer of 'beacon'" in out
    assert "maintained by @beacon-senco" in out

    # 8. The LA sees which setting's review has passed, and who to ask.
    code, out, _ = run(reviewer, "due", *today)
    assert code == 0, out
    assert "offers/riverside/offer.md" in out and "overdue since 1 November 2026" in out
    assert "@river-senco" in out
    assert "oakfield" not in out and "beacon" not in out
