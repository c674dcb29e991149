"""What a reader is told about how up to date an offer is."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from localoffer.borough import Borough
from localoffer.model import Offer
from localoffer.review import ReviewState, long_date, review_state

# Approvers written as a group read "by the Governing Body"; people read "by Mrs Khan".
_GROUP_WORDS = ("body", "board", "committee", "trust", "trustees", "governors", "corporation",
                "directors", "proprietor", "team", "panel", "group", "council")


@dataclass(frozen=True)
class ReviewNotice:
    state: ReviewState
    last_reviewed: date | None
    next_review: date | None
    approved_by: str

    @property
    def overdue(self) -> bool:
        return self.state is ReviewState.OVERDUE

    @property
    def sentence(self) -> str:
        """'Last reviewed 12 September 2026 by the Governing Body. Next review due September 2027.'"""
        parts = []
        if self.last_reviewed:
            by = f" by {self.approved_by}" if self.approved_by else ""
            parts.append(f"Last reviewed {long_date(self.last_reviewed)}{by}.")
        if self.next_review:
            due = f"{self.next_review:%B %Y}"
            parts.append(f"Next review was due {due}." if self.overdue
                         else f"Next review due {due}.")
        return " ".join(parts) or "This page does not say when it was last reviewed."

    @property
    def warning(self) -> str:
        """What an overdue review means for a parent, and what to do."""
        return ("This information may be out of date: its yearly review is overdue. Please "
                "check anything important with the setting before you rely on it.")


def review_notice(offer: Offer, borough: Borough, today: date) -> ReviewNotice:
    return ReviewNotice(review_state(offer, borough, today), offer.last_reviewed,
                        offer.next_review, _approver(offer.get("approved_by")))


def _approver(value: object) -> str:
    """'Governing Body, 12 Sep 2026' -> 'the Governing Body'."""
    if not isinstance(value, str) or not value.strip():
        return ""
    who = value.split(",")[0].strip()
    if who.lower().startswith("the ") or not who:
        return who
    last_word = who.split()[-1].lower()
    return f"the {who}" if last_word in _GROUP_WORDS else who
