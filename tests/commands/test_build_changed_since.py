"""`localoffer build --changed-since REF`: a preview of only the offers a pull request changes,
in a real clone of a bare remote."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gitrepos import REPO_ROOT, borough_repo, clone, git, shared_remote

SLUGS = ["alder-school", "birch-school", "cedar-school", "damson-school"]
TODAY = "2026-11-28"


def _clone_with_site(tmp_path: Path) -> Path:
    seed = borough_repo(tmp_path / "seed", {slug: ["@example/team"] for slug in SLUGS})
    shutil.copy(REPO_ROOT / "mkdocs.yml", seed / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", seed / "docs")
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "-m", "The website")
    remote = shared_remote(tmp_path, seed)
    work = clone(remote, tmp_path / "work", "Sam Senco", "sam@school.example")
    git(work, "switch", "--quiet", "-c", "offers/birch-school/update")
    return work


def _name(work: Path, slug: str) -> str:
    text = (work / "offers" / slug / "offer.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("name:"))[5:].strip().strip('"')


def test_the_preview_holds_only_the_changed_offers(git_home: None, run, tmp_path: Path) -> None:
    work = _clone_with_site(tmp_path)
    offer = work / "offers" / "birch-school" / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace(
        "\n## ", "\nWe have a new sensory garden.\n\n## ", 1), encoding="utf-8")
    git(work, "rm", "--quiet", "-r", "offers/cedar-school")
    git(work, "commit", "--quiet", "-am", "Birch: sensory garden; Cedar closed")
    (work / "offers" / "alder-school" / "offer.md").write_text("not committed", encoding="utf-8")
    git(work, "checkout", "--quiet", "offers/alder-school/offer.md")

    site = tmp_path / "preview"
    code, out, err = run(work, "build", "--changed-since", "origin/main", "--site-dir",
                         str(site), "--today", TODAY)

    assert code == 0, out + err
    assert ("This preview holds only the 1 offer(s) changed since origin/main: birch-school."
            in out)
    assert "the other 2 offer(s) are left out. Removed by the change: cedar-school." in out
    settings = sorted(path.name for path in (site / "settings").iterdir() if path.is_dir())
    assert settings == ["birch-school"]
    assert "We have a new sensory garden." in (
        site / "settings" / "birch-school" / "index.html").read_text(encoding="utf-8")
    a_to_z = (site / "settings" / "index.html").read_text(encoding="utf-8")
    assert _name(work, "birch-school") in a_to_z
    assert _name(work, "alder-school") not in a_to_z
    assert _name(work, "damson-school") not in a_to_z


def test_the_preview_runs_the_checks_of_the_changed_offers(
        git_home: None, run, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    work = _clone_with_site(tmp_path)
    offer = work / "offers" / "damson-school" / "offer.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace(
        "\n## ", "\nSee [our form](javascript:alert(1)).\n\n## ", 1), encoding="utf-8")
    git(work, "commit", "--quiet", "-am", "Damson: a form")

    code, out, err = run(work, "build", "--changed-since", "origin/main", "--strict",
                         "--site-dir", str(tmp_path / "preview"), "--today", TODAY)

    assert code == 1
    # On stderr, or in the log alone when an earlier build in this process set the handler.
    assert "offers/damson-school/offer.md:" in err + caplog.text
    assert "The website was not built" in err + out


def test_an_unknown_base_is_a_plain_message(git_home: None, run, tmp_path: Path) -> None:
    work = _clone_with_site(tmp_path)

    code, out, err = run(work, "build", "--changed-since", "origin/nowhere", "--site-dir",
                         str(tmp_path / "preview"), "--today", TODAY)

    assert code == 2
    assert "There is no version called 'origin/nowhere' in this repository." in out + err
    assert "Traceback" not in out + err
