"""The pull-request check (.github/workflows/pull-request.yml, job `checks`), run from the
workflow file on a real repository: a problem in a changed offer, or in a changed translation
(offer.<lang>.md), becomes a GitHub annotation on its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import demo_repo, git, isolated_git
from pull_request_job import checks_step, run_checks_job

pytestmark = pytest.mark.slow
OFFER = "offers/oakfield-primary-school/offer.md"
POLISH = "offers/oakfield-primary-school/offer.pl.md"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolated_git(monkeypatch, tmp_path / "home")
    return demo_repo(tmp_path / "local-offer", parts=("offers", "docs", "localoffer.yml"))


def change_on_branch(repo: Path, branch: str, path: str, old: str, new: str) -> list[str]:
    git(repo, "checkout", "-q", "-b", branch)
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"Change {path}")
    git(repo, "checkout", "-q", "main")
    return text.replace(old, new, 1).split("\n")


def test_the_step_checks_offers_and_their_translations() -> None:
    assert "-- 'offers/*/offer.md' 'offers/*/offer.*.md')" in str(checks_step()["run"])


def test_a_problem_in_a_translation_is_annotated_on_its_line(repo: Path) -> None:
    lines = change_on_branch(repo, "translate", POLISH, "translated_by:",
                             "phone: 0161 496 0000\ntranslated_by:")
    done = run_checks_job(repo, "translate")
    assert done.returncode == 1, done.stdout + done.stderr
    line = lines.index("phone: 0161 496 0000") + 1
    assert f"::error file={POLISH},line={line},title=translation/fact::" in done.stdout
    assert "This change does not touch any offer." not in done.stdout


def test_a_change_to_no_offer_is_not_checked(repo: Path) -> None:
    change_on_branch(repo, "docs-only", "docs/index.md", "\n", "\n\nA new line.\n")
    done = run_checks_job(repo, "docs-only")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "This change does not touch any offer.\n"
