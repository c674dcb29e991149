"""`localoffer diff`: a reviewer's section-by-section summary between two versions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gitrepos import borough_repo, git


pytestmark = pytest.mark.usefixtures("git_home")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return borough_repo(tmp_path / "b", {"oakfield": ["@oak"]})


def _offer(repo: Path) -> Path:
    return repo / "offers/oakfield/offer.md"


def test_working_copy_against_the_published_version(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    git(repo, "switch", "--quiet", "-c", "offer/oakfield/2026-11-28")
    text = _offer(repo).read_text()
    heading = text.split("\n## ", 2)[1].split("\n", 1)[0]
    _offer(repo).write_text(text.replace("  name: Sam Example", "  name: Mr Imran Shah")
                            .replace(f"## {heading}\n", "## Our sensory room\n"))
    code, out, _ = run(repo, "diff", "oakfield")
    assert code == 0
    assert "from the published version (main, as this branch started from it)" in out
    # Who proposed and approved the published version's last change, from the record.
    assert (" Start the Local Offer; proposed by LA Admin <admin@la.example>; no approval "
            "recorded in Git (made directly).\n") in out
    assert "to your working copy" in out
    assert "  senco.name: Sam Example → Mr Imran Shah" in out
    assert "Sections added (1):\n  + Our sensory room" in out
    assert f"Sections removed (1):\n  - {heading}" in out
    assert "Reading ease of the whole offer:" in out
    # Not a line diff.
    assert "@@" not in out and "\n+name" not in out


def test_two_versions_and_json(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    first = git(repo, "rev-parse", "HEAD").strip()
    _offer(repo).write_text(_offer(repo).read_text().replace("\n## ", "\nA new first line.\n\n## ",
                                                             1))
    git(repo, "commit", "--quiet", "-am", "intro")
    code, out, _ = run(repo, "diff", "oakfield", first, "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["from"] == first and data["to"] == "HEAD"
    assert data["introduction_reworded"] is True
    assert data["sections_reworded"] == [] and data["sections_added"] == []
    code, out, _ = run(repo, "diff", "oakfield", "HEAD", "HEAD")
    assert "No changes: the two versions say the same." in out


def test_a_removed_offer_and_mistakes(run, repo: Path) -> None:  # type: ignore[no-untyped-def]
    _offer(repo).unlink()
    code, out, _ = run(repo, "diff", "oakfield", "main")
    assert code == 0 and "This offer has been removed." in out
    code, _, err = run(repo, "diff", "oakfield", "not-a-branch")
    assert code == 2 and "There is no version called 'not-a-branch'" in err
    code, _, err = run(repo, "diff", "nowhere", "main")
    assert code == 2 and "There is no offer at offers/nowhere/offer.md" in err
