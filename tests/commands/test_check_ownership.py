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
                                   append("offers/oakfield/images/hall.png")(r)))
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
                                      "offers/oakfield/beacon-copy.png"))
    assert code == 1
    assert "offers/beacon/offer.md: This file belongs to the offer of 'beacon'" in out
    assert "offers/oakfield/beacon-copy.png" not in out


def test_deleting_another_settings_offer_or_ones_own(attempt) -> None:  # type: ignore[no-untyped-def]
    code, out = attempt(lambda r: git(r, "rm", "--quiet", "offers/beacon/offer.md"))
    assert code == 1 and "maintained by @bea" in out
    code, out = attempt(lambda r: git(r, "rm", "--quiet", "offers/oakfield/offer.md"))
    assert code == 1 and "removes the setting's offer" in out
    assert attempt(lambda r: git(r, "rm", "--quiet", "offers/oakfield/offer.md"),
                   author=REVIEWER)[0] == 0


@pytest.mark.parametrize("target", ["../../localoffer.yml", "../beacon/offer.md", "/etc/passwd",
                                    "images/a.png"])
def test_any_symlink_is_refused_even_for_reviewers(attempt, target: str) -> None:  # type: ignore[no-untyped-def]
    def link(repo: Path) -> None:
        (repo / "offers/oakfield/images").mkdir()
        (repo / "offers/oakfield/images/a.png").write_bytes(b"\x89PNG\r\n")
        os.symlink(target, repo / "offers/oakfield/photo.jpg")
    for author in (SCHOOL, REVIEWER):
        code, out = attempt(link, author=author)
        assert code == 1 and "offers/oakfield/photo.jpg: This is a symbolic link" in out
        assert "offers/oakfield/images/a.png" not in out


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


# Every attack the security review tried (issue 10), and more, each on a real commit. Each must
# be refused; the counts go in the review's note.
DEEP = "/".join(f"d{n}" for n in range(1, 41))  # offers/oakfield/d1/.../d40


def chain(final: str) -> Callable[[Path], None]:
    """Two links that each stay in the folder on paper: `up`, deep down, points back up to the
    shallow folder d1; `hall.jpg` runs through `up` and climbs from there, out of the folder
    on disk (to /etc/passwd, or to the repository's .git/config)."""
    def change(repo: Path) -> None:
        deep = repo / "offers/oakfield" / DEEP
        deep.mkdir(parents=True)
        (deep / "keep.png").write_bytes(b"\x89PNG\r\n")
        os.symlink("../" * 39, deep / "up")
        os.symlink(f"{DEEP}/up/{final}", repo / "offers/oakfield/hall.jpg")
    return change


def symlink(path: str, target: str) -> Callable[[Path], None]:
    def change(repo: Path) -> None:
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, repo / path)
    return change


def submodule(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD").strip()
    (repo / "offers/oakfield/vendor").mkdir()  # as a submodule not checked out; kept by add
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},offers/oakfield/vendor")


def image_to_link(repo: Path) -> None:
    (repo / "offers/oakfield/hall.png").write_bytes(b"\x89PNG\r\n")
    git(repo, "add", "offers/oakfield/hall.png")
    git(repo, "commit", "--quiet", "-m", "a picture")
    (repo / "offers/oakfield/hall.png").unlink()
    os.symlink("../beacon/offer.md", repo / "offers/oakfield/hall.png")


def maintainers(path: str, before: str, after: str) -> Callable[[Path], None]:
    def change(repo: Path) -> None:
        offer = repo / path
        offer.write_text(offer.read_text().replace(before, after))
    return change


def promote_and_edit(repo: Path) -> None:
    maintainers("localoffer.yml", '["@rita"]', '["@rita", "@oak-senco"]')(repo)
    append("offers/beacon/offer.md")(repo)


ATTACKS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # name: (change, author, the path that must be refused)
    "edit another setting's offer": (append("offers/beacon/offer.md"), SCHOOL,
                                     "offers/beacon/offer.md"),
    "add a picture to another setting": (append("offers/beacon/hall.png"), SCHOOL,
                                         "offers/beacon/hall.png"),
    "delete another setting's offer": (lambda r: git(r, "rm", "-q", "offers/beacon/offer.md"),
                                       SCHOOL, "offers/beacon/offer.md"),
    "delete one's own offer": (lambda r: git(r, "rm", "-q", "offers/oakfield/offer.md"),
                               SCHOOL, "offers/oakfield/offer.md"),
    "move another's offer into one's folder": (
        lambda r: git(r, "mv", "offers/beacon/offer.md", "offers/oakfield/copy.png"), SCHOOL,
        "offers/beacon/offer.md"),
    "move one's offer out to docs/": (
        lambda r: (r.joinpath("docs").mkdir(),
                   git(r, "mv", "offers/oakfield/offer.md", "docs/stolen.md")), SCHOOL,
        "docs/stolen.md"),
    **{f"change the shared file {path}": (append(path), SCHOOL, path) for path in (
        "localoffer.yml", "mkdocs.yml", "docs/index.md", ".github/workflows/evil.yml",
        "tools/localoffer/workflow/ownership.py", ".github/CODEOWNERS", "CODEOWNERS",
        "README.md", "offers/README.md", "pyproject.toml")},
    "start a new setting": (append("offers/sunny-days/offer.md"), SCHOOL,
                            "offers/sunny-days/offer.md"),
    "'Offers' in capitals": (append("Offers/beacon/offer.md"), SCHOOL, "Offers/beacon/offer.md"),
    "a setting folder in capitals (reviewer)": (append("offers/Beacon/offer.md"), REVIEWER,
                                                "offers/Beacon/offer.md"),
    "a look-alike setting folder (reviewer)": (append("offers/oakfıeld/offer.md"), REVIEWER,
                                               "offers/oakfıeld/offer.md"),
    "a backslash path": (append("offers\\beacon\\offer.md"), SCHOOL, "offers\\beacon\\offer.md"),
    "add oneself to another's maintainers": (
        maintainers("offers/beacon/offer.md", '["@bea"]', '["@bea", "@oak-senco"]'), SCHOOL,
        "offers/beacon/offer.md"),
    "hand one's own offer to someone else": (
        maintainers("offers/oakfield/offer.md", '["@oak-senco"]', '["@someone-else"]'), SCHOOL,
        "offers/oakfield/offer.md"),
    "make oneself a reviewer in the same change": (promote_and_edit, SCHOOL,
                                                   "offers/beacon/offer.md"),
    "a link to localoffer.yml": (symlink("offers/oakfield/a.jpg", "../../localoffer.yml"),
                                 SCHOOL, "offers/oakfield/a.jpg"),
    "a link to another setting's offer": (symlink("offers/oakfield/a.jpg", "../beacon/offer.md"),
                                          SCHOOL, "offers/oakfield/a.jpg"),
    "a link to /etc/passwd": (symlink("offers/oakfield/a.jpg", "/etc/passwd"), SCHOOL,
                              "offers/oakfield/a.jpg"),
    "a link to /etc/passwd (reviewer)": (symlink("offers/oakfield/a.jpg", "/etc/passwd"),
                                         REVIEWER, "offers/oakfield/a.jpg"),
    "a link that stays inside the folder": (symlink("offers/oakfield/a.jpg", "offer.md"),
                                            SCHOOL, "offers/oakfield/a.jpg"),
    "a chain of links to /etc/passwd": (chain("../" * 40 + "etc/passwd"), SCHOOL,
                                        "offers/oakfield/hall.jpg"),
    "a chain of links to /etc/passwd (reviewer)": (chain("../" * 40 + "etc/passwd"), REVIEWER,
                                                   "offers/oakfield/hall.jpg"),
    "a chain of links to .git/config": (chain("../../../.git/config"), SCHOOL,
                                        "offers/oakfield/hall.jpg"),
    "a link as a setting's folder (reviewer)": (symlink("offers/oakfield-2", "oakfield"),
                                                REVIEWER, "offers/oakfield-2"),
    "a picture turned into a link": (image_to_link, SCHOOL, "offers/oakfield/hall.png"),
    "a submodule in one's folder": (submodule, SCHOOL, "offers/oakfield/vendor"),
    "a nested offer under another setting's name": (append("offers/oakfield/beacon/offer.md"),
                                                    SCHOOL, "offers/oakfield/beacon/offer.md"),
    "a nested offer under a new name (reviewer)": (append("offers/oakfield/new-place/offer.md"),
                                                   REVIEWER, "offers/oakfield/new-place/offer.md"),
    "a pupil list in one's folder": (append("offers/oakfield/pupil-list.xlsx"), SCHOOL,
                                     "offers/oakfield/pupil-list.xlsx"),
    "an editor's swap file": (append("offers/oakfield/.offer.md.swp"), SCHOOL,
                              "offers/oakfield/.offer.md.swp"),
    "an SVG picture": (append("offers/oakfield/logo.svg", "<svg onload='alert(1)'/>"), SCHOOL,
                       "offers/oakfield/logo.svg"),
    "a script in one's folder": (append("offers/oakfield/run.sh", "#!/bin/sh\n"), SCHOOL,
                                 "offers/oakfield/run.sh"),
}


@pytest.mark.parametrize("name", ATTACKS)
def test_each_attack_is_refused(attempt, name: str) -> None:  # type: ignore[no-untyped-def]
    change, author, path = ATTACKS[name]
    code, out = attempt(change, author=author)
    assert code == 1, out
    assert f"\n{path}: " in f"\n{out}", out


def test_the_chains_really_lead_out_of_the_folder(repo: Path) -> None:
    chain("../" * 40 + "etc/passwd")(repo)
    assert os.path.realpath(repo / "offers/oakfield/hall.jpg") == "/etc/passwd"
    (repo / "offers/oakfield/hall.jpg").unlink()
    os.symlink(f"{DEEP}/up/../../../.git/config", repo / "offers/oakfield/hall.jpg")
    assert Path(os.path.realpath(repo / "offers/oakfield/hall.jpg")) == (
        repo / ".git/config").resolve()


def test_the_count_of_attacks() -> None:
    assert len(ATTACKS) == 41


# Renaming your own offer.md away removes the setting's offer, so it needs an LA reviewer, as
# deleting it does.

def rename_own_offer(repo: Path, new_name: str) -> None:
    git(repo, "switch", "--quiet", "-C", "proposal", "main")
    (repo / "offers" / "oakfield" / new_name).parent.mkdir(parents=True, exist_ok=True)
    git(repo, "mv", "offers/oakfield/offer.md", f"offers/oakfield/{new_name}")
    git(repo, "commit", "--quiet", "-m", "Rename the offer")
    status = git(repo, "diff", "--name-status", "-M", "main", "proposal")
    assert status.startswith("R100\toffers/oakfield/offer.md\toffers/")  # a rename


@pytest.mark.parametrize("new_name", ["old-offer.md", "images/offer.md", "../oak-new/offer.md"])
def test_renaming_ones_own_offer_away_needs_an_la_reviewer(
        repo: Path, new_name: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    rename_own_offer(repo, new_name)
    run = partial(localoffer, monkeypatch, capsys)
    code, out, err = run(repo, "check-ownership", "--base", "main", "--head", "proposal",
                         "--author", SCHOOL)
    assert code == 1 and "Traceback" not in err
    assert out.startswith("offers/oakfield/offer.md: This removes the setting's offer from the "
                          "Local Offer. Only an LA reviewer (@calderbrook/send-reviewers) can "
                          "do that; ask your LA contact.")
    code, out, err = run(repo, "check-ownership", "--base", "main", "--head", "proposal",
                         "--author", REVIEWER)
    # A reviewer may remove an offer; only a setting's new folder is a place an offer.md may
    # go (a stray old-offer.md or a nested offer.md is refused to everyone).
    assert "This removes the setting's offer" not in out
    assert (code, new_name.startswith("../")) in ((0, True), (1, False)), out
