"""`localoffer submit`: checks first, commits only the setting's files, pushes, links."""
from __future__ import annotations

import os
import subprocess
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


def _merge_conflict(tmp_path: Path, school: Path) -> bytes:
    """The school's branch and main both change the same line; the school merges main and
    Git stops with a conflict. Returns the conflicted offer's bytes."""
    git(school, "switch", "--quiet", "-c", BRANCH)
    _touch(school, "oakfield", "The school's words.")
    git(school, "commit", "--quiet", "-am", "school")
    la = tmp_path / "la"
    _touch(la, "oakfield", "The council's words.")
    git(la, "commit", "--quiet", "-am", "council")
    git(la, "push", "--quiet", "origin", "main")
    git(school, "fetch", "--quiet")
    merged = subprocess.run(["git", "merge", "origin/main"], cwd=school, capture_output=True)
    assert merged.returncode == 1
    offer = (school / "offers/oakfield/offer.md").read_bytes()
    assert b"<<<<<<< HEAD" in offer
    return offer


def test_it_lists_what_it_commits_and_sends_only_the_offer_and_its_pictures(run, school: Path, remote: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    _touch(school, "oakfield")
    folder = school / "offers/oakfield"
    (folder / "images").mkdir()
    (folder / "images/hall.jpg").write_bytes(b"\xff\xd8\xff picture")
    left = {"pupil-list.xlsx": b"Name,Year\nA pupil,6\n", ".offer.md.swp": b"swap",
            "logo.svg": b"<svg onload='alert(1)'/>", "beacon/offer.md": b"---\nname: x\n---\n",
            "notes.docx": b"PK"}
    for name, content in left.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(content)
    os.symlink("../../localoffer.yml", folder / "link.png")

    code, out, err = run(school, "submit", *TODAY_ARGS)

    assert code == 0, out + err
    committing = out.split("Committing:\n", 1)[1].split("\nCommitted ", 1)[0]
    assert sorted(committing.split("\n")) == ["  offers/oakfield/images/hall.jpg",
                                              "  offers/oakfield/offer.md"]
    assert out.index("Committing:") < out.index("Committed your changes")
    assert sorted(git(school, "show", "--name-only", "--format=", "HEAD").split()) == [
        "offers/oakfield/images/hall.jpg", "offers/oakfield/offer.md"]
    assert "Not sent (left on this computer exactly as they are):" in out
    assert ("  offers/oakfield/pupil-list.xlsx: Documents and spreadsheets are not part of an "
            "offer") in out
    assert "  offers/oakfield/.offer.md.swp: This is a temporary file made by an editor" in out
    assert "  offers/oakfield/logo.svg: SVG pictures are not published" in out
    assert "  offers/oakfield/beacon/offer.md: An offer.md inside a folder" in out
    assert "  offers/oakfield/notes.docx: Documents and spreadsheets" in out
    assert "  offers/oakfield/link.png: This is a shortcut (symbolic link)" in out
    for name, content in left.items():
        assert (folder / name).read_bytes() == content
    assert os.readlink(folder / "link.png") == "../../localoffer.yml"
    assert git(remote, "ls-tree", "-r", "--name-only", BRANCH, "offers/oakfield").split() == [
        "offers/oakfield/images/hall.jpg", "offers/oakfield/offer.md"]


def test_only_files_that_cannot_be_sent_means_nothing_is_sent(run, school: Path, remote: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    (school / "offers/oakfield/pupil-list.xlsx").write_bytes(b"names")
    code, out, _ = run(school, "submit", *TODAY_ARGS)
    assert code == 1
    assert "offers/oakfield/pupil-list.xlsx: Documents and spreadsheets" in out
    assert "Nothing was committed or sent" in out
    assert git(school, "rev-list", "--count", "origin/main..HEAD").strip() == "0"
    assert BRANCH not in git(remote, "branch", "--list")
    assert (school / "offers/oakfield/pupil-list.xlsx").read_bytes() == b"names"


def test_a_branch_with_a_committed_pupil_list_is_not_sent(run, school: Path, remote: Path) -> None:  # type: ignore[no-untyped-def]
    run(school, "edit", "oakfield", *TODAY_ARGS)
    (school / "offers/oakfield/pupil-list.csv").write_text("A pupil,6\n")
    git(school, "add", "offers/oakfield/pupil-list.csv")
    git(school, "commit", "--quiet", "-m", "oops")
    _touch(school, "oakfield")
    code, out, _ = run(school, "submit", *TODAY_ARGS)
    assert code == 1
    assert "already has commits that add files which must not be sent" in out
    assert "offers/oakfield/pupil-list.csv: Documents and spreadsheets" in out
    assert BRANCH not in git(remote, "branch", "--list")
    assert git(school, "status", "--porcelain").strip() == "M offers/oakfield/offer.md"


def test_during_a_merge_nothing_is_committed_and_the_conflict_stays_unresolved(run, school: Path, remote: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    conflicted = _merge_conflict(tmp_path, school)
    before = git(school, "rev-parse", "HEAD")

    code, out, err = run(school, "submit", *TODAY_ARGS)

    assert code == 2, out + err
    assert "Git is in the middle of a merge" in err and "Nothing has been changed" in err
    assert "git merge --abort" in err
    assert git(school, "diff", "--name-only", "--diff-filter=U").split() == [
        "offers/oakfield/offer.md"]
    assert (school / "offers/oakfield/offer.md").read_bytes() == conflicted
    assert git(school, "rev-parse", "HEAD") == before
    assert (school / ".git/MERGE_HEAD").exists()
    assert BRANCH not in git(remote, "branch", "--list")


def test_during_a_rebase_nothing_is_committed(run, school: Path, remote: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _merge_conflict(tmp_path, school)
    git(school, "merge", "--abort")
    rebased = subprocess.run(["git", "rebase", "origin/main"], cwd=school, capture_output=True)
    assert rebased.returncode != 0
    conflicted = (school / "offers/oakfield/offer.md").read_bytes()
    code, _, err = run(school, "submit", *TODAY_ARGS)
    assert code == 2 and "Git is in the middle of a rebase" in err
    assert "git rebase --abort" in err
    assert (school / "offers/oakfield/offer.md").read_bytes() == conflicted
    assert git(school, "diff", "--name-only", "--diff-filter=U").split() == [
        "offers/oakfield/offer.md"]
    assert BRANCH not in git(remote, "branch", "--list")
