"""`localoffer history`: who proposed, who approved, which sections changed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitrepos import borough_repo, git, set_identity


pytestmark = pytest.mark.usefixtures("git_home")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = borough_repo(tmp_path / "b", {"oakfield": ["@oak"], "beacon": ["@bea"]})
    offer = folder / "offers/oakfield/offer.md"
    git(folder, "switch", "--quiet", "-c", "offer/oakfield/2026-11-28")
    set_identity(folder, "Sam School", "sam@oak.example")
    offer.write_text(offer.read_text().replace("status: published", "status: draft")
                     + "\n## Our new garden\n\nWe grow vegetables.\n")
    git(folder, "commit", "--quiet", "-am", "Add the garden")
    git(folder, "switch", "--quiet", "main")
    set_identity(folder, "Rita Reviewer", "rita@la.example")
    git(folder, "merge", "--quiet", "--no-ff", "offer/oakfield/2026-11-28",
        "-m", "Merge pull request #12 from calderbrook/offer/oakfield/2026-11-28",
        "-m", "Our new garden")
    return folder


def test_text_history_names_proposer_approver_and_sections(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(repo, "history", "oakfield")
    assert code == 0
    assert out.startswith("Changes to offers/oakfield/ in main, newest first (2 changes):")
    newest, first = out.split("\n\n")[1:3]
    assert "  Our new garden" in newest.splitlines()[0]
    assert "Proposed by: Sam School <sam@oak.example>" in newest
    assert "Approved by: Rita Reviewer <rita@la.example> (merged it); pull request #12" in newest
    assert 'added "Our new garden"' in newest and "details changed: status" in newest
    assert "offer created with" in first
    assert "not recorded in Git" in first


def test_json_history(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(repo, "history", "oakfield", "--format", "json")
    data = json.loads(out)
    newest = data["changes"][0]
    assert code == 0 and data["version"] == "main"
    assert newest["pull_request"] == 12
    assert newest["merged_by"] == "Rita Reviewer <rita@la.example>"
    # No Approved-by: line, so merging it was the approval (docs/about/approvals.md).
    assert newest["approved_by"] == ["Rita Reviewer <rita@la.example>"]
    assert newest["approved_by_merging"] is True
    assert newest["proposed_by"] == ["Sam School <sam@oak.example>"]
    assert data["changes"][1]["approved_by"] == [] and data["changes"][1]["merged_by"] is None
    assert newest["changes"]["sections_added"] == ["Our new garden"]
    assert newest["changes"]["fields_changed"] == [
        {"field": "status", "old": "published", "new": "draft"}]


def test_another_offer_has_only_its_own_changes(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(repo, "history", "beacon")
    assert code == 0 and "(1 change)" in out


def test_unknown_offer_and_unknown_version(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(repo, "history", "nowhere")
    assert code == 0 and "There are no published changes to offers/nowhere/" in out
    code, _, err = run(repo, "history", "oakfield", "--rev", "no-such-branch")
    assert code == 2 and "There is no version called 'no-such-branch'" in err
