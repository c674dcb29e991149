"""`localoffer check-ownership` on real commits: each attempt to reach beyond one's own offer."""
from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Callable

import pytest

from gitrepos import borough_repo, git, localoffer

SCHOOL = "oak-senco"  # maintains oakfield only
REVIEWER = "rita"     # member of the LA reviewers' team, through `teams:` in localoffer.yml
TEAMS = '\nteams:\n  "@calderbrook/send-reviewers": ["@rita"]\n'


pytestmark = pytest.mark.usefixtures("git_home")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return borough_repo(tmp_path / "b", {"oakfield": ["@oak-senco"], "beacon": ["@bea"]},
                        extra_config=TEAMS)


@pytest.fixture
def attempt(repo: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """Commit `change(repo)` on a branch and run the check for `author`; (exit code, output)."""
    run = partial(localoffer, monkeypatch, capsys)

    def go(change: Callable[[Path], None], author: str = SCHOOL,
           output: str = "text") -> tuple[int, str]:
        git(repo, "switch", "--quiet", "-C", "proposal", "main")
        change(repo)
        git(repo, "add", "--all")
        git(repo, "commit", "--quiet", "--allow-empty", "-m", "proposal")
        code, out, err = run(repo, "check-ownership", "--base", "main", "--head", "proposal",
                             "--author", author, "--format", output)
        assert "Traceback" not in err
        return code, out
    return go


def append(path: str, words: str = "\nMore.\n") -> Callable[[Path], None]:
    def change(repo: Path) -> None:
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((target.read_text() if target.exists() else "") + words)
    return change


def test_own_offer_and_its_images_are_fine(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(lambda r: (append("offers/oakfield/offer.md")(r),
                                   append("offers/oakfield/images/hall.txt")(r)))
    assert code == 0 and "All 2 changed files are ones oak-senco may change." in out


def test_another_settings_offer_is_refused(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(append("offers/beacon/offer.md"))
    assert code == 1
    assert out.startswith("offers/beacon/offer.md: This file belongs to the offer of 'beacon', "
                          "which is maintained by @bea.")


@pytest.mark.parametrize("path", ["localoffer.yml", "mkdocs.yml", "docs/index.md",
                                  ".github/workflows/evil.yml", "tools/localoffer/cli.py",
                                  ".github/CODEOWNERS", "CODEOWNERS"])
def test_shared_files_are_refused(attempt, path: str) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(append(path))
    assert code == 1 and f"{path}: This is a shared file" in out
    assert attempt(append(path), author=REVIEWER)[0] == 0


def test_moving_another_settings_file_into_ones_own_folder(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(lambda r: git(r, "mv", "offers/beacon/offer.md",
                                      "offers/oakfield/beacon-copy.md"))
    assert code == 1
    assert "offers/beacon/offer.md: This file belongs to the offer of 'beacon'" in out
    assert "offers/oakfield/beacon-copy.md" not in out


def test_deleting_another_settings_offer_or_ones_own(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(lambda r: git(r, "rm", "--quiet", "offers/beacon/offer.md"))
    assert code == 1 and "maintained by @bea" in out
    code, out = attempt(lambda r: git(r, "rm", "--quiet", "offers/oakfield/offer.md"))
    assert code == 1 and "removes the setting's offer" in out
    assert attempt(lambda r: git(r, "rm", "--quiet", "offers/oakfield/offer.md"),
                   author=REVIEWER)[0] == 0


@pytest.mark.parametrize("target", ["../../localoffer.yml", "../beacon/offer.md", "/etc/passwd"])
def test_a_symlink_out_of_the_folder_is_refused_even_for_reviewers(attempt, target: str) -> None:  # type: ignore[no-untyped-def]
    def link(repo: Path) -> None:
        os.symlink(target, repo / "offers/oakfield/photo.jpg")
    for author in (SCHOOL, REVIEWER):
        code, out = attempt(link, author=author)
        assert code == 1 and "offers/oakfield/photo.jpg: This is a symbolic link" in out


def test_a_symlink_inside_the_folder_is_fine(attempt) -> None:  # type: ignore[no-untyped-def]
    def link(repo: Path) -> None:
        (repo / "offers/oakfield/images").mkdir()
        (repo / "offers/oakfield/images/a.txt").write_text("a\n")
        os.symlink("images/a.txt", repo / "offers/oakfield/b.txt")
    assert attempt(link)[0] == 0


def test_a_new_setting_needs_an_la_reviewer(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(append("offers/sunny-days/offer.md"))
    assert code == 1 and "'sunny-days' is a new setting" in out
    assert attempt(append("offers/sunny-days/offer.md"), author=REVIEWER)[0] == 0


def test_a_folder_differing_only_by_capitals_is_refused(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(append("offers/Beacon/offer.md"), author=REVIEWER)
    assert code == 1 and "'Beacon' is not a valid folder name" in out
    code, out = attempt(append("Offers/beacon/offer.md"))
    assert code == 1 and "'offers', all in lower case" in out


def test_adding_oneself_to_another_offers_maintainers_does_not_work(attempt) -> None:  # type: ignore[no-untyped-def]
    def grab(repo: Path) -> None:
        path = repo / "offers/beacon/offer.md"
        path.write_text(path.read_text().replace('["@bea"]', '["@bea", "@oak-senco"]'))
    code, out = attempt(grab)
    assert code == 1 and "maintained by @bea." in out  # maintainers are read before the change


def test_changing_ones_own_maintainers_needs_an_la_reviewer(attempt) -> None:  # type: ignore[no-untyped-def]
    def hand_over(repo: Path) -> None:
        path = repo / "offers/oakfield/offer.md"
        path.write_text(path.read_text().replace('["@oak-senco"]', '["@someone-else"]'))
    code, out = attempt(hand_over)
    assert code == 1 and "who maintains the offer" in out
    assert attempt(hand_over, author=REVIEWER)[0] == 0


def test_making_oneself_a_reviewer_in_the_same_change_does_not_work(attempt) -> None:  # type: ignore[no-untyped-def]
    def promote(repo: Path) -> None:
        path = repo / "localoffer.yml"
        path.write_text(path.read_text().replace('["@rita"]', '["@rita", "@oak-senco"]'))
        append("offers/beacon/offer.md")(repo)
    code, out = attempt(promote)
    assert code == 1
    assert "localoffer.yml: This is a shared file" in out and "offers/beacon/offer.md" in out


def test_github_annotations(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(append("offers/beacon/offer.md"), output="github")
    assert code == 1
    assert out.startswith("::error file=offers/beacon/offer.md,title=ownership::This file")
