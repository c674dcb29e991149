"""`localoffer submit`: checks first, commits only the setting's files, pushes, links."""
from __future__ import annotations

from pathlib import Path

import pytest

from gitrepos import TODAY, borough_repo, clone, git, shared_remote

TODAY_ARGS = ("--today", TODAY.isoformat())
BRANCH = "offer/oakfield/2026-11-28"


pytestmark = pytest.mark.usefixtures("git_home")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    seed = borough_repo(tmp_path / "la", {"oakfield": ["@oak"], "beacon": ["@bea"]})
    return shared_remote(tmp_path, seed)


@pytest.fixture
def school(tmp_path: Path, remote: Path) -> Path:
    return clone(remote, tmp_path / "school", "Sam School", "sam@oak.example")


def _touch(folder: Path, slug: str, words: str = "We have a new lift.") -> None:
    path = folder / "offers" / slug / "offer.md"
    path.write_text(path.read_text().replace("\n## ", f"\n{words}\n\n## ", 1))


def test_on_main_it_says_to_start_a_branch(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    _touch(school, "oakfield")
    code, _, err = run(school, "submit", *TODAY_ARGS)
    assert code == 2 and "localoffer edit <setting>" in err and "Nothing has been changed" in err
    assert git(school, "status", "--porcelain").strip() == "M offers/oakfield/offer.md"


def test_nothing_changed_is_exit_1(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    code, _, err = run(school, "submit", *TODAY_ARGS)
    assert code == 1 and "nothing to submit for 'oakfield'" in err


def test_github_remote_gets_a_pull_request_link_and_a_clear_message(run, school: Path, remote: Path) -> None:  # type: ignore[no-untyped-def]
    # Fetch from a GitHub-style address, push to the folder (no network in tests).
    git(school, "remote", "set-url", "origin", "git@github.com:calderbrook/local-offer.git")
    git(school, "remote", "set-url", "--push", "origin", str(remote))
    git(school, "switch", "--quiet", "-c", BRANCH)
    _touch(school, "oakfield")
    code, out, err = run(school, "submit", *TODAY_ARGS)
    assert code == 0, out + err
    assert ("https://github.com/calderbrook/local-offer/compare/main..."
            f"{BRANCH}?expand=1") in out
    message = git(school, "log", "-1", "--format=%B")
    assert message.startswith("Update the offer of ")
    assert "What changed: added" not in message and "reworded the introduction" in message
    assert BRANCH in git(remote, "branch", "--list")
    # Again, with nothing new: no second commit, the link again.
    code, out, _ = run(school, "submit", *TODAY_ARGS)
    assert code == 0 and "Nothing new to send" in out and "compare/main..." in out


def test_only_the_settings_files_are_committed(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    _touch(school, "oakfield")
    _touch(school, "beacon", "Someone else's words.")
    (school / "localoffer.yml").write_text((school / "localoffer.yml").read_text() + "# x\n")
    code, out, err = run(school, "submit", "--offer", "oakfield", "-m", "New lift",
                         "--proposed-by", "Mrs Amira Khan <senco@oak.example>", *TODAY_ARGS)
    assert code == 0, out + err
    assert git(school, "show", "--name-only", "--format=", "HEAD").split() == [
        "offers/oakfield/offer.md"]
    assert "Proposed-by: Mrs Amira Khan <senco@oak.example>" in git(school, "log", "-1",
                                                                   "--format=%B")
    assert "Left alone" in out
    assert "localoffer.yml" in out and "offers/beacon/offer.md" in out
    assert sorted(git(school, "status", "--porcelain").split("\n")[:2]) == [
        " M localoffer.yml", " M offers/beacon/offer.md"]


def test_several_offers_changed_on_an_unnamed_branch_must_be_chosen(run, school: Path) -> None:  # type: ignore[no-untyped-def]
    git(school, "switch", "--quiet", "-c", "my-changes")
    _touch(school, "oakfield")
    _touch(school, "beacon")
    code, _, err = run(school, "submit", *TODAY_ARGS)
    assert code == 2 and "more than one offer (beacon, oakfield)" in err
    assert "localoffer submit --offer beacon" in err


def test_failing_checks_stop_everything(run, school: Path, remote: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    offer = school / "offers/oakfield/offer.md"
    offer.write_text(offer.read_text().replace("status: published", "status: published\nurn: x",
                                               1))
    code, out, _ = run(school, "submit", *TODAY_ARGS)
    assert code == 1
    assert "offers/oakfield/offer.md:" in out and "Nothing was committed or sent" in out
    assert git(school, "rev-list", "--count", "origin/main..HEAD").strip() == "0"
    assert BRANCH not in git(remote, "branch", "--list")


def test_without_a_remote_the_change_is_saved_and_next_steps_given(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alone = borough_repo(tmp_path / "alone", {"oakfield": ["@oak"]})
    run(alone, "edit", "oakfield", *TODAY_ARGS)
    _touch(alone, "oakfield")
    code, out, _ = run(alone, "submit", *TODAY_ARGS)
    assert code == 0
    assert f"saved on this computer, on the branch {BRANCH}" in out
    assert git(alone, "status", "--porcelain").strip() == ""
