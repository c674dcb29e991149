"""Review state of an offer (ok, due soon, overdue, never published) and date wording."""
from __future__ import annotations

import calendar
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from localoffer.borough import Borough
    from localoffer.model import Offer


class ReviewState(str, Enum):
    OK = "ok"
    DUE_SOON = "due soon"
    OVERDUE = "overdue"
    NEVER_PUBLISHED = "never published"
    UNKNOWN = "no review date"


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def long_date(value: date) -> str:
    """'12 September 2026': the way a parent reads a date."""
    return f"{value.day} {value:%B %Y}"


def date_state(due: date, today: date, due_soon_days: int) -> ReviewState:
    """The one rule for a review date. On the due date itself the review is due (due soon),
    not overdue; it is overdue from the day after. It is due soon from `due_soon_days` days
    before the due date (the borough's review.due_soon_days), that day included."""
    if due < today:
        return ReviewState.OVERDUE
    if (due - today).days <= due_soon_days:
        return ReviewState.DUE_SOON
    return ReviewState.OK


def review_state(offer: Offer, borough: Borough, today: date) -> ReviewState:
    if offer.is_draft:
        return ReviewState.NEVER_PUBLISHED
    due = offer.next_review
    if due is None:
        return ReviewState.UNKNOWN
    return date_state(due, today, borough.due_soon_days)
