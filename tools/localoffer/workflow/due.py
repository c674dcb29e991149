"""Which settings' reviews are overdue or due soon, and who maintains them."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from localoffer.borough import Borough
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files
from localoffer.review import ReviewState, long_date, review_state

LISTED = (ReviewState.OVERDUE, ReviewState.DUE_SOON, ReviewState.UNKNOWN)


@dataclass
class DueSetting:
    slug: str
    name: str
    path: str
    state: ReviewState
    next_review: date | None
    days: int | None  # days until the review; negative when overdue
    maintainers: list[str]

    def describe(self) -> str:
        """'overdue since 1 September 2026 (88 days ago)', in words for a school office."""
        if self.next_review is None or self.days is None:
            return "published with no review date: add next_review"
        when = long_date(self.next_review)
        if self.days < 0:
            days = -self.days
            return f"overdue since {when} ({days} day{'s' if days != 1 else ''} ago)"
        if self.days == 0:
            return f"due today ({when})"
        return f"due on {when} (in {self.days} day{'s' if self.days != 1 else ''})"

    def as_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "path": self.path,
                "state": self.state.value,
                "next_review": self.next_review.isoformat() if self.next_review else None,
                "days": self.days, "maintainers": self.maintainers}


def due_settings(borough: Borough, today: date, within_days: int | None = None) -> list[DueSetting]:
    """Published offers whose review has passed, falls within `within_days` (default: the
    borough's due_soon_days) or has no date; most overdue first."""
    window = replace(borough, due_soon_days=borough.due_soon_days if within_days is None
                     else within_days)
    found = []
    if not borough.offers_dir.is_dir():
        return found
    for path in find_offer_files([borough.offers_dir]):
        offer = load_offer(path, borough)
        state = review_state(offer, window, today)
        if state not in LISTED:
            continue
        due = offer.next_review
        found.append(DueSetting(
            slug=offer.slug, name=offer.name, path=offer.display_path, state=state,
            next_review=due, days=(due - today).days if due else None,
            maintainers=offer.maintainers))
    return sorted(found, key=lambda item: (item.days is not None, item.days or 0, item.slug))


def parse_window(text: str) -> int:
    """'30d', '6w', '30' as days; a ValueError with a plain message otherwise."""
    value = text.strip().lower()
    factor = 1
    if value.endswith("w"):
        factor, value = 7, value[:-1]
    elif value.endswith("d"):
        value = value[:-1]
    if not value.isdigit():
        raise ValueError(f"'{text}' is not a number of days: write it like 30d (30 days) "
                         "or 6w (6 weeks).")
    return int(value) * factor
