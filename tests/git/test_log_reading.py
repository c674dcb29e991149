"""Reading the published branch's history: merges, trailers, pull request numbers."""
from __future__ import annotations

from pathlib import Path

import git as gitpython
import pytest

from gitrepos import borough_repo, git, set_identity
from localoffer.git.log import read_changes

OFFERS = {"setting-00000": ["@school-a"], "setting-00001": ["@school-b"]}


def _append(folder: Path, slug: str, words: str) -> None:
    path = folder / "offers" / slug / "offer.md"
    path.write_text(path.read_text() + f"\n{words}\n")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    repo = borough_repo(tmp_path / "b", OFFERS)
    # A school's branch with two commits, one with a Proposed-by trailer.
    git(repo, "switch", "--quiet", "-c", "offer/setting-00000/2026-11-28")
    set_identity(repo, "Office Olu", "office@school-a.example")
    _append(repo, "setting-00000", "First.")
    git(repo, "commit", "--quiet", "-am", "Add transport details",
        "-m", "Proposed-by: Mrs Amira Khan <senco@school-a.example>")
    (repo / "offers/setting-00000/map.txt").write_text("map\n")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "Add a map")
    git(repo, "switch", "--quiet", "main")
    # Meanwhile the LA changes another offer directly on main.
    set_identity(repo, "LA Admin", "admin@la.example")
    _append(repo, "setting-00001", "Direct.")
    git(repo, "commit", "--quiet", "-am", "Fix a phone number (#7)")
    # The reviewer merges the school's branch with an approval trailer.
    set_identity(repo, "Rita Reviewer", "rita@la.example")
    git(repo, "merge", "--quiet", "--no-ff", "offer/setting-00000/2026-11-28",
        "-m", "Merge branch 'offer/setting-00000/2026-11-28'",
        "-m", "Approved-by: Rita Reviewer <rita@la.example>")
    # A GitHub-style merge with no trailer.
    git(repo, "switch", "--quiet", "-c", "fix")
    set_identity(repo, "Sam School", "sam@school-a.example")
    _append(repo, "setting-00000", "Second.")
    git(repo, "commit", "--quiet", "-am", "Update opening times")
    git(repo, "switch", "--quiet", "main")
    set_identity(repo, "Rita Reviewer", "rita@la.example")
    git(repo, "merge", "--quiet", "--no-ff", "fix", "-m",
        "Merge pull request #12 from calderbrook/fix", "-m", "New opening times for 2027")
    return repo


def test_reads_merges_with_proposer_approver_and_files(history: Path) -> None:
    changes = read_changes(gitpython.Repo(history), "main", ("offers/setting-00000/",))
    assert [c.summary(("offers/setting-00000/",)) for c in changes] == [
        "New opening times for 2027", "Add a map", "Start the Local Offer"]
    github, merged, first = changes
    assert github.pull_request == 12
    assert github.approved_by == []
    assert github.merged_by == "Rita Reviewer <rita@la.example>"
    assert github.proposed_by == ["Sam School <sam@school-a.example>"]
    assert merged.approved_by == ["Rita Reviewer <rita@la.example>"]
    assert merged.proposed_by == ["Mrs Amira Khan <senco@school-a.example>"]
    assert [c.subject for c in merged.branch_commits] == ["Add a map", "Add transport details"]
    assert {f.path for f in merged.files} == {"offers/setting-00000/offer.md",
                                              "offers/setting-00000/map.txt"}
    assert first.previous is None and not first.is_merge


def test_direct_commits_and_squash_numbers(history: Path) -> None:
    changes = read_changes(gitpython.Repo(history), "main", ("offers/setting-00001/",))
    direct = changes[0]
    assert direct.summary() == "Fix a phone number"
    assert direct.pull_request == 7
    assert direct.approved_by == [] and direct.merged_by is None
    assert direct.proposed_by == ["LA Admin <admin@la.example>"]


def test_reads_the_whole_log_in_two_git_calls(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import localoffer.git.log as log

    repo = gitpython.Repo(history)
    calls: list[tuple[str, ...]] = []
    original = log.run

    def counting(repo: gitpython.Repo, *args: str, what: str) -> str:
        calls.append(args)
        return original(repo, *args, what=what)

    monkeypatch.setattr(log, "run", counting)
    read_changes(repo, "main", ("offers/",))
    assert len(calls) == 2 and all(call[0] == "log" for call in calls)


def test_gitlab_and_azure_merge_messages_give_the_number(tmp_path: Path) -> None:
    repo = borough_repo(tmp_path / "b", OFFERS)
    for message, number in (("Merge branch 'x' into 'main'\n\nNew hours\n\nSee merge request "
                             "calderbrook/offers!34", 34), ("Merged PR 56: New hours", 56)):
        git(repo, "switch", "--quiet", "-c", f"b{number}")
        _append(repo, "setting-00000", str(number))
        git(repo, "commit", "--quiet", "-am", "work")
        git(repo, "switch", "--quiet", "main")
        git(repo, "merge", "--quiet", "--no-ff", f"b{number}", "-m", message)
        newest = read_changes(gitpython.Repo(repo), "main", ("offers/",))[0]
        assert newest.pull_request == number
        assert newest.summary() == "New hours"
