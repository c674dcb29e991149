"""`localoffer check-ownership`: renaming your own offer.md away removes the setting's offer,
so it needs an LA reviewer, as deleting it does. (Kept apart from test_check_ownership.py.)"""
from __future__ import annotations

from functools import partial
from pathlib import Path

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
