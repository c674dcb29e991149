"""Checks of "You said, we did" items (feedback/<name>.md): their details, their two answers,
and the same safety rules as offers (no HTML that runs code, no child's details)."""
from __future__ import annotations

from typing import Iterator

from localoffer.checks import safety
from localoffer.checks.base import error, warning
from localoffer.checks.context import CheckContext
from localoffer.model import Finding
from localoffer.model.feedback import WE_DID, YOU_SAID, FeedbackItem
from localoffer.model.feedback_schema import FEEDBACK_FIELDS, feedback_value_problem
from localoffer.model.schema import is_blank

RULES = {
    "feedback/details": "A 'You said, we did' item's detail (title, received, theme, about, "
                        "status, done_on) is missing or not valid.",
    "feedback/dates": "A 'You said, we did' item received after today, or done before it was "
                      "received.",
    "feedback/answers": "A 'You said, we did' item without its '## You said' or '## We did' "
                        "answer, or with other headings.",
    "feedback/links": "A link in a 'You said, we did' item that is not a web address "
                      "(https://) or an email address.",
}

_WEB_OR_MAIL = ("https://", "http://", "mailto:", "#")


def check_feedback_item(item: FeedbackItem, context: CheckContext) -> list[Finding]:
    """All findings for one item, in file order."""
    if not item.readable:
        return sorted(item.problems, key=_order)
    findings = [*item.problems, *_details(item, context), *_dates(item, context),
                *_answers(item), *_links(item), *safety.check(item, context)]
    return sorted(set(findings), key=_order)


def _details(item: FeedbackItem, context: CheckContext) -> Iterator[Finding]:
    for key, field in FEEDBACK_FIELDS.items():
        value = item.get(key)
        if is_blank(value):
            if field.required:
                yield error(item, item.line_of(), "feedback/details",
                            f"Add '{key}:' to the details at the top. {field.description} "
                            f"For example: {key}: {field.example}")
            continue
        problem = feedback_value_problem(field, value, context.borough, context.offer_slugs)
        if problem is not None:
            yield error(item, item.line_of(key), "feedback/details", problem)
    if item.is_done and is_blank(item.get("done_on")):
        yield error(item, item.line_of("status"), "feedback/details",
                    "This item is done: add 'done_on:' with the date it was done "
                    "(YYYY-MM-DD), so readers see when.")


def _dates(item: FeedbackItem, context: CheckContext) -> Iterator[Finding]:
    received, done_on = item.received, item.done_on
    if received is not None and received > context.today:
        yield error(item, item.line_of("received"), "feedback/dates",
                    f"received is {received.isoformat()}, which is after today "
                    f"({context.today.isoformat()}). Write the date the comments came in.")
    if received is not None and done_on is not None and done_on < received:
        yield error(item, item.line_of("done_on"), "feedback/dates",
                    f"done_on ({done_on.isoformat()}) is before received "
                    f"({received.isoformat()}). Check both dates.")


def _answers(item: FeedbackItem) -> Iterator[Finding]:
    end = item.body_start
    said = item.answer(YOU_SAID)
    if said is None:
        yield error(item, end, "feedback/answers",
                    "Add a heading '## You said' and, under it, what people told you, in their "
                    "words where you can (never a child's name or details).")
    elif said.is_empty:
        yield error(item, said.line, "feedback/answers",
                    "Write what people said under '## You said'.")
    did = item.answer(WE_DID)
    if did is None:
        yield error(item, end, "feedback/answers",
                    "Add a heading '## We did' and, under it, what you did or are doing about "
                    "it (for an item still open, what you will do, and by when).")
    elif did.is_empty and item.status != "open":
        yield error(item, did.line, "feedback/answers",
                    "Write what you did, or are doing, under '## We did'.")
    for line, heading in item.other_headings:
        yield error(item, line, "feedback/answers",
                    f"An item has two answers only, '## You said' and '## We did': '{heading}' "
                    "is neither. Make it a paragraph, or a smaller heading (###) inside one.")


def _links(item: FeedbackItem) -> Iterator[Finding]:
    for link in item.links:
        url = link.url.strip()
        lowered = url.lower()
        if lowered.startswith("http://"):
            yield warning(item, link.line, "links/insecure",
                          f"This link starts http://, which is not secure: {url}. Check that "
                          "the page opens with https://, then change the link to https://.")
        elif not lowered.startswith(_WEB_OR_MAIL) and ":" not in lowered.split("/", 1)[0]:
            yield error(item, link.line, "feedback/links",
                        f"Link to a web page with its full address, starting https:// (or an "
                        f"email address as mailto:), not '{url}'.")


def _order(finding: Finding) -> tuple[str, int, str]:
    return finding.path, finding.line, finding.rule
