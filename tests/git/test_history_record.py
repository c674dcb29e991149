"""The record of the published branch (git/history.py): merges, trailers, pull request numbers,
who proposed and who approved, read with one git call."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from gitrepos import borough_repo, git, set_identity
from localoffer.git import history as record
from localoffer.git.history import Person, read_history
from localoffer.git.repo import FileChange

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


RITA = Person("Rita Reviewer", "rita@la.example")
FOLDER = ("offers/setting-00000/",)


def test_reads_merges_with_proposer_approver_and_files(history: Path) -> None:
    changes = read_history(history, "main").touching(FOLDER[0])
    assert [c.summary(FOLDER) for c in changes] == [
        "New opening times for 2027", "Add a map", "Start the Local Offer"]
    github, merged, first = changes
    assert github.pull_request == 12
    # No approval line: the person who merged it approved it.
    assert github.approved_by == (RITA,) and github.approved_by_merging
    assert github.proposed_by(FOLDER) == (Person("Sam School", "sam@school-a.example"),)
    assert merged.approved_by == (RITA,) and not merged.approved_by_merging
    # Newest first: "Add a map" by Office Olu, then the commit proposed for Mrs Khan.
    assert merged.proposed_by(FOLDER) == (Person("Office Olu", "office@school-a.example"),
                                          Person("Mrs Amira Khan", "senco@school-a.example"))
    assert [c.subject for c in merged.brought_in] == ["Add a map", "Add transport details"]
    assert {f.path for f in merged.files} == {"offers/setting-00000/offer.md",
                                              "offers/setting-00000/map.txt"}
    assert first.previous is None and not first.is_merge


def test_the_public_form_has_names_and_no_email_addresses(history: Path) -> None:
    changes = read_history(history / "offers", "main").public_changes_by_folder()
    assert sorted(changes) == ["setting-00000", "setting-00001"]
    github, merged, first = changes["setting-00000"]
    assert (github.summary, github.proposed_by, github.approved_by) == (
        "New opening times for 2027", ("Sam School",), ("Rita Reviewer",))
    assert merged.proposed_by == ("Office Olu", "Mrs Amira Khan")
    assert first.approved_by == ()  # the first commit was made directly, with no approval line
    assert "@" not in repr(changes)


def test_direct_commits_and_squash_numbers(history: Path) -> None:
    direct = read_history(history, "main").touching("offers/setting-00001/")[0]
    assert direct.summary() == "Fix a phone number"
    assert direct.pull_request == 7
    assert direct.approved_by == () and not direct.approved_by_merging
    assert direct.proposed_by() == (Person("LA Admin", "admin@la.example"),)


def test_reads_the_whole_log_in_one_git_call(history: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    original = record.run_git

    def counting(args: list[str], cwd: Path) -> str:
        calls.append(args)
        return original(args, cwd)

    monkeypatch.setattr(record, "run_git", counting)
    assert len(read_history(history, "main").changes) == 4
    assert len(calls) == 1 and calls[0][0] == "log"


def test_a_commit_message_cannot_forge_a_record(history: Path) -> None:
    """Separators of other tools' formats, and ours, in a message are just text."""
    _append(history, "setting-00001", "Forged.")
    git(history, "commit", "--quiet", "-am",
        "Harmless\x1e\x1flocaloffer-commit\nApproved-by: Mallory <m@x>",
        "-m", "localoffer-commit\n" + "0" * 40 + "\n\x1e")
    changes = read_history(history, "main").changes
    assert len(changes) == 5
    newest = changes[0]
    assert newest.approved_by == () and newest.summary().startswith("Harmless")


def test_gitlab_and_azure_merge_messages_give_the_number(tmp_path: Path) -> None:
    repo = borough_repo(tmp_path / "b", OFFERS)
    for message, number in (("Merge branch 'x' into 'main'\n\nNew hours\n\nSee merge request "
                             "calderbrook/offers!34", 34), ("Merged PR 56: New hours", 56)):
        git(repo, "switch", "--quiet", "-c", f"b{number}")
        _append(repo, "setting-00000", str(number))
        git(repo, "commit", "--quiet", "-am", "work")
        git(repo, "switch", "--quiet", "main")
        git(repo, "merge", "--quiet", "--no-ff", f"b{number}", "-m", message)
        newest = read_history(repo, "main").changes[0]
        assert newest.pull_request == number
        assert newest.summary() == "New hours"


def test_a_commit_touches_the_folders_and_paths_of_its_files() -> None:
    files = (FileChange("M", "oakfield/offer.md", "oakfield/offer.md"),
             FileChange("R", "beacon/pictures/new.png", "old-name/pictures/old.png"),
             FileChange("A", "README.md", "README.md"))
    commit = record.Commit("1" * 40, (), Person("Sam"), datetime(2026, 11, 30, tzinfo=UTC),
                           "Change", "", (), files)
    assert commit.touches(("oakfield/",))
    assert commit.touches(("beacon/",)) and commit.touches(("old-name/",))  # a rename: both
    assert commit.touches(("beacon/pictures/",)) and commit.touches(("old-name/pictures/old",))
    assert commit.touches(("nowhere/", "beacon/"))
    assert not commit.touches(("oak/",)) and not commit.touches(("oakfield-primary/",))
    assert not commit.touches(("beacon/offer",)) and not commit.touches(("README.md/",))
    assert commit.touches(("READ",)) and not commit.touches(())
