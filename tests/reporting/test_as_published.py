"""--as-of and the month-by-month counts, from a real Git history made in a temporary folder.

Commits carry GIT_AUTHOR_DATE and GIT_COMMITTER_DATE, so the history spans 2025 and 2026.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from testpaths import REPO_ROOT
from gitrepos import isolated_git
from localoffer.borough import Borough, load_borough
from localoffer.errors import LocalOfferError
from localoffer.reporting import report_as_of
from localoffer.reporting.as_published import open_history
from localoffer.review import ReviewState
from localoffer.synthetic import synthetic_offer, synthetic_setting
from reporting.defects import replace_answer


def git(folder: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ)
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+00:00"
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def write(borough: Borough, folder: Path, slug: str, index: int, last: str, due: str,
          status: str = "published") -> None:
    setting = synthetic_setting(borough, index, date(2025, 1, 1))
    text = synthetic_offer(borough, setting, words_per_answer=40)
    text = (text.replace(f"last_reviewed: {setting.last_reviewed}", f"last_reviewed: {last}")
            .replace(f"next_review: {setting.next_review}", f"next_review: {due}")
            .replace("status: published", f"status: {status}"))
    path = folder / "offers" / slug / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(folder: Path, message: str, when: str) -> str:
    git(folder, "add", "--all")
    git(folder, "commit", "--quiet", "-m", message, when=when)
    return git(folder, "rev-parse", "HEAD").strip()


@pytest.fixture
def history_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """main: 15 Jan 2025 alpha (published) and beta (draft); 10 Jun 2025 merge of a branch
    that published beta (its commit dated 1 Apr 2025); 1 Feb 2026 gamma added. A branch
    never merged (dated 1 Mar 2025) changes alpha."""
    isolated_git(monkeypatch, tmp_path / "home")
    folder = tmp_path / "borough"
    folder.mkdir()
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    git(folder, "init", "--quiet", "--initial-branch=main")
    git(folder, "config", "user.name", "LA Admin")
    git(folder, "config", "user.email", "admin@la.example")
    borough = load_borough(folder / "localoffer.yml")
    shas = {}
    write(borough, folder, "alpha", 4, "2025-01-10", "2025-12-01")
    write(borough, folder, "beta", 2, "2025-01-10", "2025-12-20", status="draft")
    shas["first"] = commit(folder, "Alpha and a draft of beta", "2025-01-15")
    git(folder, "switch", "--quiet", "-c", "offer/beta/2025-04-01")
    write(borough, folder, "beta", 2, "2025-04-01", "2026-03-01")
    shas["branch"] = commit(folder, "Publish beta", "2025-04-01")
    git(folder, "switch", "--quiet", "main")
    git(folder, "merge", "--no-ff", "--quiet", "-m", "Merge beta", "offer/beta/2025-04-01",
        when="2025-06-10")
    shas["merge"] = git(folder, "rev-parse", "HEAD").strip()
    git(folder, "switch", "--quiet", "-c", "offer/alpha/2025-03-01", shas["first"])
    write(borough, folder, "alpha", 4, "2025-03-01", "2026-02-01")
    commit(folder, "Never merged", "2025-03-01")
    git(folder, "switch", "--quiet", "main")
    write(borough, folder, "gamma", 6, "2026-01-20", "2027-01-01")
    shas["gamma"] = commit(folder, "Add gamma", "2026-02-01")
    return folder, shas


def test_as_of_reads_the_main_branch_version_on_that_date(history_repo) -> None:
    folder, shas = history_repo
    borough = load_borough(folder / "localoffer.yml")
    report = report_as_of(borough, date(2025, 5, 1), history=False)
    rows = {row.slug: row for row in report.rows}
    assert sorted(rows) == ["alpha", "beta"]
    # The branch that published beta on 1 April was merged on 10 June: not yet published.
    assert rows["beta"].review_state is ReviewState.NEVER_PUBLISHED
    # The branch that changed alpha was never merged: alpha is as committed in January.
    assert rows["alpha"].last_reviewed == date(2025, 1, 10)
    assert rows["alpha"].review_state is ReviewState.OK
    assert report.today == report.as_of == date(2025, 5, 1)
    assert shas["first"][:10] in report.source


def test_a_commit_on_the_date_itself_counts(history_repo) -> None:
    folder, shas = history_repo
    report = report_as_of(load_borough(folder / "localoffer.yml"), date(2025, 6, 10),
                          history=False)
    assert {row.slug: row.review_state for row in report.rows} == {
        "alpha": ReviewState.OK, "beta": ReviewState.OK}
    assert shas["merge"][:10] in report.source


def test_review_dates_are_counted_on_the_past_date(history_repo) -> None:
    folder, _ = history_repo
    report = report_as_of(load_borough(folder / "localoffer.yml"), date(2025, 12, 15),
                          history=False)
    states = {row.slug: row.review_state for row in report.rows}
    assert states == {"alpha": ReviewState.OVERDUE, "beta": ReviewState.OK}
    report = report_as_of(load_borough(folder / "localoffer.yml"), date(2026, 2, 20),
                          history=False)
    assert {row.slug: row.review_state for row in report.rows} == {
        "alpha": ReviewState.OVERDUE, "beta": ReviewState.DUE_SOON, "gamma": ReviewState.OK}


def test_before_the_first_commit_is_an_error(history_repo) -> None:
    folder, _ = history_repo
    with pytest.raises(LocalOfferError, match="first commit on main is from 15 January 2025"):
        report_as_of(load_borough(folder / "localoffer.yml"), date(2024, 12, 31))


def test_the_working_folder_is_never_touched(history_repo) -> None:
    folder, _ = history_repo
    alpha = folder / "offers" / "alpha" / "offer.md"
    changed = replace_answer(alpha.read_text(encoding="utf-8"),
                             "How does the setting know if children need extra help and what "
                             "should I do if I think my child may have special educational "
                             "needs?", "Uncommitted work in progress.")
    alpha.write_text(changed, encoding="utf-8")
    (folder / "offers" / "delta").mkdir()
    (folder / "offers" / "delta" / "offer.md").write_text("not committed", encoding="utf-8")
    status = git(folder, "status", "--porcelain")
    head = git(folder, "rev-parse", "HEAD")
    report = report_as_of(load_borough(folder / "localoffer.yml"), date(2026, 3, 1))
    assert sorted(row.slug for row in report.rows) == ["alpha", "beta", "gamma"]
    assert alpha.read_text(encoding="utf-8") == changed
    assert git(folder, "status", "--porcelain") == status
    assert git(folder, "rev-parse", "HEAD") == head
    assert git(folder, "branch", "--show-current").strip() == "main"


def test_month_by_month_counts(history_repo) -> None:
    folder, _ = history_repo
    borough = load_borough(folder / "localoffer.yml")
    counts = open_history(borough).monthly_counts(date(2026, 2, 14), months=24)
    table = {count.label: (count.offers, count.published, count.overdue) for count in counts}
    # Nothing before the first commit's month; the last month is counted on 14 February.
    assert list(table)[0] == "Jan 2025" and list(table)[-1] == "Feb 2026"
    assert len(table) == 14
    assert table["Jan 2025"] == (2, 1, 0)
    assert table["May 2025"] == (2, 1, 0)
    assert table["Jun 2025"] == (2, 2, 0)
    assert table["Nov 2025"] == (2, 2, 0)
    assert table["Dec 2025"] == (2, 2, 1)   # alpha's review was due on 1 December
    assert table["Jan 2026"] == (2, 2, 1)   # gamma was committed on 1 February
    assert table["Feb 2026"] == (3, 3, 1)
    assert counts[-1].day == date(2026, 2, 14)
    assert counts[-1].due_soon == 1         # beta, due on 1 March


def test_each_version_is_parsed_once(history_repo) -> None:
    folder, _ = history_repo
    history = open_history(load_borough(folder / "localoffer.yml"))
    history.monthly_counts(date(2026, 2, 14), months=24)
    # alpha 1, beta 2 (draft, published), gamma 1: four versions over fourteen months.
    assert history.versions_parsed == 4


def test_history_needs_a_git_repository(borough_dir: Path) -> None:
    from localoffer.git.repo import GitProblem
    from localoffer.reporting.as_published import monthly_counts_or_none

    borough = load_borough(borough_dir / "localoffer.yml")
    assert monthly_counts_or_none(borough, date(2026, 1, 1), 12) is None
    with pytest.raises(GitProblem):
        report_as_of(borough, date(2026, 1, 1))
