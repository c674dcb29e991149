"""Statutory items: does the offer cover what the SEN information report must contain?

SEND Regulations 2014, Schedule 1, and the accessibility information of the Children and
Families Act 2014, s.69(3)(b). Only the items carried by the areas this type of setting must
cover count; an area counts as covered when a section on it has an answer.
"""
from __future__ import annotations

import re
from typing import Iterator

from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.checks.sections import question_for_area
from localoffer.model import Finding, Offer
from localoffer.model.offer import question_set_of

RULES = {
    "statutory/uncovered": "A Schedule 1 / s.69(3)(b) item that no answer covers (an error for "
                           "settings with the duty to publish an SEN information report, a "
                           "warning for the others).",
}

_SCHEDULE_ITEM = re.compile(r"^sch1-(\d+)([a-z]?)$")


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    borough = context.borough
    kind = borough.setting_types.get(offer.setting_type or "")
    if kind is None:
        return
    override = offer.get("sen_report_duty")
    duty = override if isinstance(override, bool) else kind.duty
    required = borough.required_statutory_items(kind.id)
    covered = borough.statutory_items_for(offer.areas_covered)
    missing = [item for item_id, item in borough.statutory.items()
               if item_id in required and item_id not in covered]
    if not missing:
        return
    line = offer.sections[-1].line if offer.sections else offer.line_of("type")
    question_set = question_set_of(offer, borough)
    report = error if duty else warning
    for item in missing:
        areas = [area for area in kind.required_areas if item.id in borough.areas[area].statutory]
        question = question_for_area(question_set, kind.id, areas[0]) if areas else None
        where = (f"Answer the question '{question.text}'" if question is not None
                 else f"Add a section on '{borough.areas[areas[0]].title}'" if areas
                 else "Add an answer")
        because = ("The law requires your SEN information report to include this."
                   if duty else "Settings like yours are encouraged to include this.")
        yield report(offer, line, "statutory/uncovered",
                     f"Nothing in this offer covers '{item.short}' ({_reference(item.id)}): "
                     f"{item.text} {because} {where} to cover it.")


def _reference(item_id: str) -> str:
    match = _SCHEDULE_ITEM.match(item_id)
    if match:
        part = f"({match.group(2)})" if match.group(2) else ""
        return f"SEND Regulations 2014, Schedule 1, paragraph {match.group(1)}{part}"
    if item_id.startswith("s69"):
        return "Children and Families Act 2014, s.69(3)(b)"
    return item_id
