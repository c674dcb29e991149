"""Review dates: is the offer kept up to date?"""
from __future__ import annotations

from typing import Iterator

from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer
from localoffer.review import ReviewState, add_months, date_state, long_date

RULES = {
    "review/overdue": "next_review has passed: the offer must be reviewed and re-approved.",
    "review/due-soon": "next_review falls within the borough's warning window (a warning).",
    "review/interval": "next_review is not after last_reviewed, or further from it than allowed.",
    "review/future": "last_reviewed is after today.",
}


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    # A draft is not published yet, so review dates only warn.
    problem = warning if offer.is_draft else error
    last, due, today = offer.last_reviewed, offer.next_review, context.today
    interval = context.borough.review_interval_months
    if due is not None:
        line = offer.line_of("next_review")
        state = date_state(due, today, context.borough.due_soon_days)
        if state is ReviewState.OVERDUE:
            yield problem(offer, line, "review/overdue",
                          f"The review was due on {long_date(due)}. Review the offer with your "
                          "SENCO and governors, then update last_reviewed and next_review.")
        elif state is ReviewState.DUE_SOON:
            yield warning(offer, line, "review/due-soon",
                          f"The review is due on {long_date(due)}, in {(due - today).days} days. "
                          "Plan the review now so the offer does not go out of date.")
    if last is not None and last > today:
        yield problem(offer, offer.line_of("last_reviewed"), "review/future",
                      f"last_reviewed is {long_date(last)}, which is after today. Use the date "
                      "the offer was actually reviewed.")
    if last is not None and due is not None:
        line = offer.line_of("next_review")
        if due <= last:
            yield problem(offer, line, "review/interval",
                          "next_review must be after last_reviewed. Set it to when you will "
                          f"next review the offer, at most {interval} months after last_reviewed.")
        elif due > add_months(last, interval):
            yield problem(offer, line, "review/interval",
                          f"next_review is more than {interval} months after last_reviewed. "
                          f"Set it to {long_date(add_months(last, interval))} or earlier.")


