"""Starting and resuming offer branches in real repositories, never losing uncommitted work."""
from __future__ import annotations

from pathlib import Path

import git as gitpython
import pytest

from gitrepos import TODAY, borough_repo, clone, git, shared_remote
from localoffer.git.branches import branch_name, slug_of_branch, start_offer_branch
from localoffer.git.repo import GitProblem

OFFERS = {"setting-00000": ["@school-a"], "setting-00001": ["@school-b"]}


@pytest.fixture
def school(tmp_path: Path) -> Path:
    seed = borough_repo(tmp_path / "la", OFFERS)
    remote = shared_remote(tmp_path, seed)
    return clone(remote, tmp_path / "school", "School Sam", "sam@school.example")


def _offer(folder: Path, slug: str = "setting-00000") -> Path:
    return folder / "offers" / slug / "offer.md"


def test_branch_names_carry_the_setting_and_date() -> None:
    assert branch_name("oakfield", TODAY) == "offer/oakfield/2026-11-28"
    assert slug_of_branch("offer/oakfield/2026-11-28") == "oakfield"
    assert slug_of_branch("main") is None
    assert slug_of_branch(None) is None


def test_starts_a_branch_from_the_latest_main_of_the_remote(school: Path, tmp_path: Path) -> None:
    # The LA publishes a change after the school cloned: the branch must include it.
    la = tmp_path / "la"
    _offer(la, "setting-00001").write_text(_offer(la, "setting-00001").read_text() + "\nNew.\n")
    git(la, "commit", "--quiet", "-am", "LA update")
    git(la, "push", "--quiet", "origin", "main")
    la_head = git(la, "rev-parse", "HEAD").strip()

    started = start_offer_branch(gitpython.Repo(school), "setting-00000", TODAY)

    assert started.created and started.branch == "offer/setting-00000/2026-11-28"
    assert started.base == "origin/main"
    assert git(school, "rev-parse", "HEAD").strip() == la_head
    assert git(school, "branch", "--show-current").strip() == started.branch
    # No upstream yet: a push can never land on main by accident.
    assert "offer/" not in git(school, "config", "--get-regexp", "branch\\..*\\.merge")


def test_works_without_a_remote(tmp_path: Path) -> None:
    repo = borough_repo(tmp_path / "alone", OFFERS)
    started = start_offer_branch(gitpython.Repo(repo), "setting-00001", TODAY)
    assert started.created and started.base == "main"
    assert git(repo, "branch", "--show-current").strip() == "offer/setting-00001/2026-11-28"


def test_resumes_a_branch_with_work_on_it(school: Path) -> None:
    repo = gitpython.Repo(school)
    start_offer_branch(repo, "setting-00000", TODAY)
    _offer(school).write_text(_offer(school).read_text() + "\nMore.\n")
    git(school, "commit", "--quiet", "-am", "work in progress")
    git(school, "switch", "--quiet", "main")

    later = TODAY.replace(day=30)
    again = start_offer_branch(repo, "setting-00000", later)

    assert again.resumed and again.branch == "offer/setting-00000/2026-11-28"
    assert "More." in _offer(school).read_text()
    on_it = start_offer_branch(repo, "setting-00000", later)
    assert on_it.already_on
    fresh = start_offer_branch(repo, "setting-00000", later, new=True)
    assert fresh.created and fresh.branch == "offer/setting-00000/2026-11-30"


def test_uncommitted_changes_come_along_when_nothing_is_overwritten(school: Path) -> None:
    _offer(school).write_text(_offer(school).read_text() + "\nUnsaved words.\n")
    (school / "notes.txt").write_text("my notes\n")
    started = start_offer_branch(gitpython.Repo(school), "setting-00000", TODAY)
    assert set(started.carried) == {"offers/setting-00000/offer.md", "notes.txt"}
    assert "Unsaved words." in _offer(school).read_text()
    assert (school / "notes.txt").read_text() == "my notes\n"


def test_refuses_to_switch_when_uncommitted_work_would_be_overwritten(school: Path) -> None:
    repo = gitpython.Repo(school)
    start_offer_branch(repo, "setting-00000", TODAY)
    _offer(school).write_text(_offer(school).read_text() + "\nCommitted on the branch.\n")
    git(school, "commit", "--quiet", "-am", "branch work")
    git(school, "switch", "--quiet", "main")
    # Uncommitted work on main, in the very file the branch changed.
    _offer(school).write_text(_offer(school).read_text() + "\nPrecious unsaved words.\n")
    stashes_before = git(school, "stash", "list")

    with pytest.raises(GitProblem) as refused:
        start_offer_branch(repo, "setting-00000", TODAY)

    message = str(refused.value)
    assert "offers/setting-00000/offer.md" in message and "Nothing has been changed" in message
    assert "Precious unsaved words." in _offer(school).read_text()
    assert git(school, "branch", "--show-current").strip() == "main"
    assert git(school, "stash", "list") == stashes_before


def test_refuses_to_leave_another_offers_unsubmitted_changes_behind(school: Path) -> None:
    repo = gitpython.Repo(school)
    start_offer_branch(repo, "setting-00000", TODAY)
    _offer(school).write_text(_offer(school).read_text() + "\nHalf done.\n")
    with pytest.raises(GitProblem, match="not submitted yet"):
        start_offer_branch(repo, "setting-00001", TODAY)
    assert git(school, "branch", "--show-current").strip() == "offer/setting-00000/2026-11-28"
    assert "Half done." in _offer(school).read_text()
