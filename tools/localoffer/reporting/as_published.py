"""The offers as they were published on a past date (`report --as-of`, and the report's
month-by-month counts).

The published branch's changes come from the record (git/history.py, one `git log` call);
trees and blobs are read through GitPython: nothing is checked out and the working folder is
never touched. Each version of each offer is read and parsed once, however many months it
stayed the same.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime

import git

from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.git.history import Record, read_history
from localoffer.git.repo import GitProblem, main_ref, open_repo, root_of
from localoffer.model import Finding, Offer, Severity, parse_offer
from localoffer.model.offer import OFFER_FILE
from localoffer.review import ReviewState, long_date, review_state

_SYMLINK_MODE = 0o120000


@dataclass(frozen=True)
class MainlineCommit:
    sha: str
    committed: datetime

    @property
    def day(self) -> date:
        """The day of the commit, in the committer's own time zone."""
        return self.committed.date()


@dataclass(frozen=True)
class Published:
    """The offers in the main branch's last commit at or before a date."""

    day: date
    branch: str
    commit: MainlineCommit
    offers: list[Offer]

    @property
    def slugs(self) -> frozenset[str]:
        return frozenset(offer.slug for offer in self.offers)

    def describe(self) -> str:
        return (f"as published on {long_date(self.day)}: {self.branch} at commit "
                f"{self.commit.sha[:10]} of {long_date(self.commit.day)}")


@dataclass(frozen=True)
class MonthCount:
    """How many offers were published, and how many overdue, at the end of a month."""

    month: date   # the first day of the month
    day: date     # the day counted: the month's last day, or the report's date in its month
    offers: int
    published: int
    overdue: int
    due_soon: int

    @property
    def label(self) -> str:
        return f"{self.month:%b %Y}"


@dataclass
class History:
    """The main branch of the repository holding a borough's offers, read on demand."""

    borough: Borough
    repo: git.Repo
    branch: str
    offers_path: str  # the offers folder, relative to the repository's top folder
    mainline: list[MainlineCommit]  # newest first
    _blobs_by_tree: dict[bytes, git.Blob | None] = field(default_factory=dict, repr=False)
    _offers_by_blob: dict[tuple[str, str], Offer] = field(default_factory=dict, repr=False)

    def commit_on(self, day: date) -> MainlineCommit | None:
        """The main branch's last commit at or before the end of `day`."""
        for commit in self.mainline:
            if commit.day <= day:
                return commit
        return None

    def offer_blobs(self, commit: MainlineCommit) -> dict[str, git.Blob]:
        """slug: the blob of offers/<slug>/offer.md in that commit."""
        try:
            folder = self.repo.commit(commit.sha).tree / self.offers_path
        except KeyError:
            return {}
        if folder.type != "tree":
            return {}
        blobs = {}
        for setting in folder.trees:
            if setting.binsha not in self._blobs_by_tree:
                self._blobs_by_tree[setting.binsha] = next(
                    (blob for blob in setting.blobs
                     if blob.name == OFFER_FILE and blob.mode != _SYMLINK_MODE), None)
            blob = self._blobs_by_tree[setting.binsha]
            if blob is not None:
                blobs[setting.name] = blob
        return blobs

    def offer(self, slug: str, blob: git.Blob) -> Offer:
        """The parsed offer in a blob (each version parsed once; the same slug and content
        always give the same offer)."""
        key = (slug, blob.hexsha)
        if key not in self._offers_by_blob:
            self._offers_by_blob[key] = _parse_blob(self.borough, self.offers_path, slug, blob)
        return self._offers_by_blob[key]

    @property
    def versions_parsed(self) -> int:
        """How many offer versions have been read and parsed so far."""
        return len(self._offers_by_blob)

    def published_on(self, day: date) -> Published:
        commit = self.commit_on(day)
        if commit is None:
            first = self.mainline[-1].day if self.mainline else None
            raise LocalOfferError(
                f"Nothing had been published on {long_date(day)}: the first commit on "
                f"{self.branch} is from {long_date(first)}." if first else
                f"The branch {self.branch} has no commits yet.")
        blobs = self.offer_blobs(commit)
        offers = [self.offer(slug, blobs[slug]) for slug in sorted(blobs)]
        return Published(day, self.branch, commit, offers)

    def monthly_counts(self, last_day: date, months: int) -> list[MonthCount]:
        """Published and overdue offers at the end of each month, up to `last_day`, from the
        first month with any offer (at most `months` months)."""
        counts = []
        for month, day in _month_ends(last_day, months):
            commit = self.commit_on(day)
            blobs = self.offer_blobs(commit) if commit is not None else {}
            states = [review_state(self.offer(slug, blob), self.borough, day)
                      for slug, blob in blobs.items()]
            counts.append(MonthCount(
                month=month, day=day, offers=len(states),
                published=sum(state is not ReviewState.NEVER_PUBLISHED for state in states),
                overdue=sum(state is ReviewState.OVERDUE for state in states),
                due_soon=sum(state is ReviewState.DUE_SOON for state in states)))
        while counts and counts[0].offers == 0:
            counts.pop(0)
        return counts


def open_history(borough: Borough, record: Record | None = None) -> History:
    """The main branch's history for the borough's offers (or, given the record the site build
    read already, that version's); GitProblem when there is none."""
    repo = open_repo(borough.root)
    ref = main_ref(repo) if record is None else "HEAD"
    try:
        offers_path = borough.offers_dir.resolve().relative_to(root_of(repo)).as_posix()
    except ValueError:
        raise GitProblem("The offers folder is not inside the Git repository, so its history "
                         "cannot be read.", str(borough.offers_dir))
    if record is None:
        record = read_history(borough.offers_dir, ref)
    mainline = [MainlineCommit(change.sha, change.date) for change in record.changes]
    return History(borough, repo, ref, offers_path, mainline)


def monthly_counts_or_none(borough: Borough, last_day: date, months: int,
                           record: Record | None = None) -> list[MonthCount] | None:
    """The month-by-month counts, or None when the offers are not in a Git repository."""
    try:
        return open_history(borough, record).monthly_counts(last_day, months)
    except LocalOfferError:
        return None


def _parse_blob(borough: Borough, offers_path: str, slug: str, blob: git.Blob) -> Offer:
    shown = f"{offers_path}/{slug}/{OFFER_FILE}" if offers_path != "." else f"{slug}/{OFFER_FILE}"
    offer = Offer(path=borough.offers_dir / slug / OFFER_FILE, display_path=shown, slug=slug)
    if blob.size > borough.max_file_bytes:
        offer.problems.append(Finding(
            shown, 1, "file/too-large", Severity.ERROR,
            f"This file was {blob.size // 1024} KB; the limit is "
            f"{borough.max_file_bytes // 1024} KB, so it was not read."))
        return offer
    return parse_offer(blob.data_stream.read(), borough, offer)


def _month_ends(last_day: date, months: int) -> list[tuple[date, date]]:
    """(first day, day counted) for the `months` months ending with last_day's month."""
    result = []
    year, month = last_day.year, last_day.month
    for _ in range(months):
        end = date(year, month, calendar.monthrange(year, month)[1])
        result.append((date(year, month, 1), min(end, last_day)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return result[::-1]
