"""Committing only the given paths, pushing, and asking what changed."""
from __future__ import annotations

import os
from pathlib import Path

import git as gitpython
import pytest

from gitrepos import borough_repo, clone, git, shared_remote
from localoffer.git.commit import commit_paths, is_pushed, push_branch
from localoffer.git.repo import (
    GitProblem,
    changed_files,
    identity,
    open_repo,
    parse_raw_diff,
    uncommitted_paths,
)

OFFERS = {"setting-00000": ["@school-a"], "setting-00001": ["@school-b"]}


@pytest.fixture
def repo_dir(tmp_path: Path) -> Path:
    return borough_repo(tmp_path / "b", OFFERS)


def test_commits_only_the_given_folder_and_leaves_other_work_alone(repo_dir: Path) -> None:
    mine = repo_dir / "offers/setting-00000/offer.md"
    mine.write_text(mine.read_text() + "\nMine.\n")
    (repo_dir / "offers/setting-00000/photo.txt").write_text("new file\n")
    theirs = repo_dir / "offers/setting-00001/offer.md"
    theirs.write_text(theirs.read_text() + "\nTheirs, staged.\n")
    git(repo_dir, "add", "offers/setting-00001/offer.md")
    (repo_dir / "scratch.md").write_text("untracked\n")

    sha = commit_paths(gitpython.Repo(repo_dir), ["offers/setting-00000/"], "Update 0")

    assert sha is not None
    committed = git(repo_dir, "show", "--name-only", "--format=", "HEAD").split()
    assert committed == ["offers/setting-00000/offer.md", "offers/setting-00000/photo.txt"]
    status = git(repo_dir, "status", "--porcelain")
    assert "M  offers/setting-00001/offer.md" in status  # still staged, not committed
    assert "?? scratch.md" in status
    assert "Theirs, staged." in theirs.read_text()


def test_nothing_to_commit_returns_none(repo_dir: Path) -> None:
    assert commit_paths(gitpython.Repo(repo_dir), ["offers/setting-00000/"], "x") is None


def test_deleting_files_is_committed_too(repo_dir: Path) -> None:
    (repo_dir / "offers/setting-00000/offer.md").unlink()
    commit_paths(gitpython.Repo(repo_dir), ["offers/setting-00000/"], "Remove")
    assert git(repo_dir, "show", "--name-status", "--format=", "HEAD").split() == [
        "D", "offers/setting-00000/offer.md"]


def test_missing_identity_is_explained(tmp_path: Path, repo_dir: Path) -> None:
    git(repo_dir, "config", "--unset", "user.name")
    git(repo_dir, "config", "--unset", "user.email")
    with pytest.raises(GitProblem, match="git config --global user.name"):
        identity(gitpython.Repo(repo_dir))


def test_push_sets_the_upstream(tmp_path: Path, repo_dir: Path) -> None:
    remote = shared_remote(tmp_path, repo_dir)
    school = clone(remote, tmp_path / "school", "Sam", "sam@school.example")
    git(school, "switch", "--quiet", "-c", "offer/setting-00000/2026-11-28")
    repo = gitpython.Repo(school)
    assert not is_pushed(repo, "offer/setting-00000/2026-11-28")
    assert push_branch(repo, "offer/setting-00000/2026-11-28") == "origin"
    assert is_pushed(repo, "offer/setting-00000/2026-11-28")
    assert git(school, "rev-parse", "--abbrev-ref", "@{upstream}").strip() == \
        "origin/offer/setting-00000/2026-11-28"
    assert "offer/setting-00000/2026-11-28" in git(remote, "branch", "--list")


def test_push_failure_says_nothing_is_lost(tmp_path: Path, repo_dir: Path) -> None:
    git(repo_dir, "remote", "add", "origin", str(tmp_path / "gone.git"))
    with pytest.raises(GitProblem, match="nothing is lost"):
        push_branch(gitpython.Repo(repo_dir), "main")


def test_uncommitted_paths_lists_new_changed_deleted_and_renamed(repo_dir: Path) -> None:
    (repo_dir / "offers/setting-00000/offer.md").write_text("changed\n")
    (repo_dir / "new folder").mkdir()
    (repo_dir / "new folder/a b.md").write_text("new\n")
    git(repo_dir, "mv", "offers/setting-00001/offer.md", "offers/setting-00001/moved.md")
    paths = set(uncommitted_paths(gitpython.Repo(repo_dir)))
    assert paths == {"offers/setting-00000/offer.md", "new folder/a b.md",
                     "offers/setting-00001/moved.md", "offers/setting-00001/offer.md"}


def test_changed_files_reports_renames_symlinks_and_deletions(repo_dir: Path) -> None:
    base = git(repo_dir, "rev-parse", "HEAD").strip()
    git(repo_dir, "mv", "offers/setting-00001/offer.md", "offers/setting-00000/taken.md")
    os.symlink("../../localoffer.yml", repo_dir / "offers/setting-00000/link.md")
    git(repo_dir, "add", "--all")
    git(repo_dir, "commit", "--quiet", "-m", "odd change")
    changes = {c.path: c for c in changed_files(gitpython.Repo(repo_dir), base, "HEAD")}
    moved = changes["offers/setting-00000/taken.md"]
    assert moved.status == "R" and moved.old_path == "offers/setting-00001/offer.md"
    assert moved.paths == ("offers/setting-00001/offer.md", "offers/setting-00000/taken.md")
    assert changes["offers/setting-00000/link.md"].is_symlink


def test_parse_raw_diff_handles_every_kind() -> None:
    z = "\0"
    raw = (f":100644 000000 {'a' * 40} {'0' * 40} D{z}gone.md{z}"
           f":000000 160000 {'0' * 40} {'b' * 40} A{z}offers/x/sub{z}"
           f":100644 100644 {'c' * 40} {'d' * 40} R087{z}old name.md{z}new name.md{z}")
    deleted, submodule, renamed = parse_raw_diff(raw)
    assert (deleted.status, deleted.path) == ("D", "gone.md")
    assert submodule.is_submodule
    assert (renamed.old_path, renamed.path) == ("old name.md", "new name.md")


def test_outside_a_repository_is_explained(tmp_path: Path) -> None:
    with pytest.raises(GitProblem, match="not a Git repository"):
        open_repo(tmp_path)
