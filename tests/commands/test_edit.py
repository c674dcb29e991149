"""`localoffer edit`: start or resume a branch, with plain-English refusals."""
from __future__ import annotations

from pathlib import Path

import pytest

from gitrepos import TODAY, borough_repo, clone, git, shared_remote

TODAY_ARGS = ("--today", TODAY.isoformat())


pytestmark = pytest.mark.usefixtures("git_home")


@pytest.fixture
def school(tmp_path: Path) -> Path:
    seed = borough_repo(tmp_path / "la", {"oakfield-primary": ["@oak"], "beacon-hill": ["@bea"]})
    return clone(shared_remote(tmp_path, seed), tmp_path / "school", "Sam", "sam@oak.example")


def test_starts_the_branch_and_says_what_next(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(school, "edit", "oakfield-primary", *TODAY_ARGS)
    assert code == 0, err
    assert "Started the branch offer/oakfield-primary/2026-11-28 from the latest published " \
           "version (origin/main)." in out
    assert "Next: edit offers/oakfield-primary/offer.md" in out
    assert 'localoffer submit -m "what you changed"' in out


def test_an_unknown_setting_gets_suggestions(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(school, "edit", "oakfield", *TODAY_ARGS)
    assert code == 2
    assert "There is no offer called 'oakfield'" in err
    assert "Did you mean: oakfield-primary?" in err
    assert git(school, "branch", "--show-current").strip() == "main"


def test_refuses_when_uncommitted_work_would_be_overwritten(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    offer = school / "offers/oakfield-primary/offer.md"
    run(school, "edit", "oakfield-primary", *TODAY_ARGS)
    offer.write_text(offer.read_text() + "\nOn the branch.\n")
    git(school, "commit", "--quiet", "-am", "branch work")
    git(school, "switch", "--quiet", "main")
    offer.write_text(offer.read_text() + "\nNot saved anywhere else.\n")

    code, out, err = run(school, "edit", "oakfield-primary", *TODAY_ARGS)

    assert code == 2
    assert "would overwrite them" in err and "offers/oakfield-primary/offer.md" in err
    assert "Nothing has been changed" in err
    assert "Not saved anywhere else." in offer.read_text()
    assert "Traceback" not in err


def test_resuming_says_so(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield-primary", *TODAY_ARGS)
    code, out, _ = run(school, "edit", "oakfield-primary", "--today", "2026-12-01")
    assert code == 0 and "already on the branch offer/oakfield-primary/2026-11-28" in out


def test_outside_a_repository(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "localoffer.yml").write_text("borough:\n  name: Test\n")
    code, _, err = run(folder, "edit", "x", *TODAY_ARGS)
    assert code == 2 and "not a Git repository" in err


def test_new_with_branch_starts_the_new_offers_branch(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(school, "new", "--type", "primary", "--name", "Sunny Days School",
                         "--branch", *TODAY_ARGS)
    assert code == 0, err
    assert "Started the branch offer/sunny-days-school/2026-11-28" in out
    assert git(school, "branch", "--show-current").strip() == "offer/sunny-days-school/2026-11-28"
    assert git(school, "status", "--porcelain").strip() == "?? offers/sunny-days-school/"


def test_new_with_branch_writes_nothing_when_the_branch_cannot_start(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plain"
    (folder / "offers").mkdir(parents=True)
    (folder / "localoffer.yml").write_text("borough:\n  name: Test\n")
    code, _, err = run(folder, "new", "--type", "primary", "--name", "Sunny Days School",
                       "--branch", *TODAY_ARGS)
    assert code == 2 and "not a Git repository" in err
    assert not (folder / "offers/sunny-days-school").exists()


def test_from_a_detached_head_with_commits_on_no_branch_it_refuses(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    git(school, "switch", "--quiet", "--detach")
    offer = school / "offers/oakfield-primary/offer.md"
    offer.write_text(offer.read_text() + "\nWritten with no branch.\n")
    git(school, "commit", "--quiet", "-am", "on no branch")
    stray = git(school, "rev-parse", "HEAD").strip()

    code, out, err = run(school, "edit", "oakfield-primary", *TODAY_ARGS)

    assert code == 2, out + err
    assert "detached HEAD" in err and "you have 1 commit here that no branch holds" in err
    assert "git switch -c offer/oakfield-primary/2026-11-28" in err
    assert "Nothing has been changed" in err
    assert git(school, "rev-parse", "HEAD").strip() == stray
    assert git(school, "branch", "--show-current").strip() == ""
    # Doing what it says keeps the commit, on the offer's branch.
    git(school, "switch", "--quiet", "-c", "offer/oakfield-primary/2026-11-28")
    code, out, _ = run(school, "edit", "oakfield-primary", *TODAY_ARGS)
    assert code == 0 and "already on the branch offer/oakfield-primary/2026-11-28" in out
    assert git(school, "rev-parse", "HEAD").strip() == stray


def test_from_a_detached_head_with_nothing_to_lose_it_starts_the_branch(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    git(school, "switch", "--quiet", "--detach", "origin/main")
    code, out, err = run(school, "edit", "oakfield-primary", *TODAY_ARGS)
    assert code == 0, err
    assert git(school, "branch", "--show-current").strip() == "offer/oakfield-primary/2026-11-28"
