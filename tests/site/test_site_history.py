"""'Changes to this page' from the record (git/history.py): read once per build, merges and
trailers understood, names without email addresses."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from localoffer.git import history
from site_helpers import build, commit_all, git, git_init, make_borough


def edit(offer: Path, words: str) -> None:
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def test_direct_commit_and_merged_pull_request(tmp_path: Path) -> None:
    offers = make_borough(tmp_path, 2)
    git_init(tmp_path)
    commit_all(tmp_path, "Add two offers")
    edit(offers[0], "We now run a parents' coffee morning.")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Add coffee mornings",
        "-m", "Reviewed-by: Priya Reviewer <priya@example.org>")
    git(tmp_path, "checkout", "-q", "-b", "update-transitions")
    edit(offers[1], "Transition visits start in June.")
    commit_all(tmp_path, "Say when transition visits start",
               author="Alex Author <alex@example.org>")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "-c", "user.name=Morgan Merger", "merge", "-q", "--no-ff",
        "update-transitions", "-m", "Merge pull request #7 from calderbrook/update-transitions",
        "-m", "Update transition dates")
    changes = history.public_changes(tmp_path / "offers")
    first = changes["setting-00000"]
    assert [change.summary for change in first] == ["Add coffee mornings", "Add two offers"]
    assert first[0].proposed_by == ("Sam SENCO",)
    assert first[0].approved_by == ("Priya Reviewer",)
    second = changes["setting-00001"][0]
    assert second.summary == "Update transition dates"
    assert second.proposed_by == ("Alex Author",)
    assert second.approved_by == ("Morgan Merger",)
    assert len(changes["setting-00001"]) == 2  # the merge, and the first commit


@pytest.mark.parametrize("count", [2, 8])
def test_git_log_is_run_once_per_build_whatever_the_number_of_offers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """Every Git process of the build (the record's, GitPython's, the dashboard's) is counted
    by a `git` on PATH that writes down its arguments before it runs the real one."""
    offers = make_borough(tmp_path, count)
    git_init(tmp_path)
    commit_all(tmp_path, "Add offers")
    for offer in offers:
        edit(offer, "A small change.")
        commit_all(tmp_path, f"Change {offer.parent.name}")
    real_git = shutil.which("git")
    assert real_git is not None
    wrapper, calls = tmp_path / "bin" / "git", tmp_path / "git-calls.txt"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{calls}"\nexec "{real_git}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    site = build(tmp_path)
    logs = [line for line in calls.read_text().splitlines() if " log " in f" {line} "]
    assert len(logs) == 1, calls.read_text()
    html = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert 'id="changes"' in html and "Change setting-00000" in html and "Sam SENCO" in html
    assert "sam@example.org" not in html  # the public site never shows email addresses
    # The dashboard page, whose month-by-month counts read the same record, was built too.
    assert "How up to date are these offers?" in (site / "dashboard" / "index.html").read_text(
        encoding="utf-8")


def test_no_git_or_no_repository_means_no_changes(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    make_borough(tmp_path, 1)
    assert history.public_changes(tmp_path / "offers") == {}  # not a repository
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no git at all
    assert history.public_changes(tmp_path / "offers") == {}
