"""One offer's versions: as it was in any version of the repository, and its published changes
(who proposed and who approved each, from the record in git/history.py) with what each changed,
section by section."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

import git

from localoffer.borough import Borough
from localoffer.git.history import Change, Person, read_history
from localoffer.git.repo import file_at, root_of
from localoffer.model import Offer, parse_offer
from localoffer.model.offer import OFFER_FILE
from localoffer.workflow.compare import OfferComparison, compare_offers

OFFERS_FOLDER = "offers"


@dataclass
class HistoryEntry:
    sha: str
    date: datetime
    summary: str
    proposed_by: tuple[Person, ...]
    approved_by: tuple[Person, ...]
    approved_by_merging: bool  # no Approved-by: or Reviewed-by: line: merging it approved it
    merged_by: Person | None
    pull_request: int | None
    comparison: OfferComparison | None  # None when only other files (images) changed
    other_files: list[str]

    @property
    def sections_changed(self) -> str:
        parts = []
        if self.comparison is not None:
            parts.append(self.comparison.short())
        if self.other_files:
            parts.append("files changed: " + ", ".join(self.other_files))
        return "; ".join(parts) or "no change to the offer's words"

    def as_dict(self) -> dict[str, Any]:
        return {
            "commit": self.sha,
            "date": self.date.isoformat(),
            "summary": self.summary,
            "proposed_by": [str(person) for person in self.proposed_by],
            "approved_by": [str(person) for person in self.approved_by],
            "approved_by_merging": self.approved_by_merging,
            "merged_by": str(self.merged_by) if self.merged_by else None,
            "pull_request": self.pull_request,
            "sections_changed": self.sections_changed,
            "changes": self.comparison.as_dict() if self.comparison else None,
            "other_files": self.other_files,
        }


def offer_folder(slug: str) -> str:
    return f"{OFFERS_FOLDER}/{slug}/"


def offer_history(repo: git.Repo, borough: Borough, slug: str, rev: str) -> list[HistoryEntry]:
    """Every published change to `slug`'s folder, newest first (one log read for all)."""
    changes = read_history(root_of(repo), rev).touching(offer_folder(slug))
    return [_entry(repo, borough, slug, change) for change in changes]


def load_version(repo: git.Repo, borough: Borough, rev: str | None, path: str) -> Offer | None:
    """An offer as it was in version `rev`, parsed by the same model as everything else."""
    if rev is None:
        return None
    content = file_at(repo, rev, path)
    if content is None:
        return None
    posix = PurePosixPath(path)
    offer = Offer(path=borough.root / posix, display_path=path, slug=posix.parent.name)
    return parse_offer(content, borough, offer)


def _entry(repo: git.Repo, borough: Borough, slug: str, change: Change) -> HistoryEntry:
    folder = offer_folder(slug)
    offer_path = folder + OFFER_FILE
    comparison = None
    other = []
    for item in change.files:
        if offer_path in item.paths:
            old_path = item.old_path if item.path == offer_path else offer_path
            before = load_version(repo, borough, change.previous, old_path)
            after = load_version(repo, borough, change.sha, offer_path)
            comparison = compare_offers(before, after)
        elif any(path.startswith(folder) for path in item.paths):
            other.append(item.path.removeprefix(folder) if item.path.startswith(folder)
                         else item.path)
    return HistoryEntry(
        sha=change.sha, date=change.date, summary=change.summary((folder,)),
        proposed_by=change.proposed_by((folder,)), approved_by=change.approved_by,
        approved_by_merging=change.approved_by_merging, merged_by=change.merged_by,
        pull_request=change.pull_request,
        comparison=comparison, other_files=other)
