"""Statutory items: does the offer give what the SEN information report must contain?

The items are those of the SEND Regulations 2014, Schedule 1, and the four parts of the
Children and Families Act 2014, s.69(3)(b); borough/law.py says which are asked of this type
of setting and by whom. One finding per gap, on the line of the answer it belongs in:
- an answered section without the evidence an item needs: a warning naming what is missing;
- an item whose sections are missing or empty is left to sections/missing and sections/empty,
  which say what the law asks; only an item that no required section carries is reported here.
"""
from __future__ import annotations

from typing import Iterator

from localoffer.borough.law import LAW, duty_for, items_asked, reference, why_asked
from localoffer.checks.base import error, warning
from localoffer.checks.evidence import missing_evidence
from localoffer.checks.local_offer_address import local_offer_addresses
from localoffer.checks.runner import CheckContext
from localoffer.checks.sections import has_answer
from localoffer.model import Finding, Offer
from localoffer.model.schema import age_range

RULES = {
    "statutory/uncovered": "A Schedule 1 / s.69(3)(b) item that no section of the offer carries "
                           "(an error where the law requires it of this type of setting, a "
                           "warning where the Code of Practice or the borough asks).",
    "statutory/evidence": "An answer under the right heading that does not give what the item "
                          "needs: the SENCO's name and contact, a contact for SENDIASS, a "
                          "complaints route, each of the four s.69(3)(b) parts (a warning).",
}

# The Local Offer link is reported by links/local-offer, once.
_REPORTED_BY_LINKS = "sch1-13"


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    borough = context.borough
    kind = borough.setting_types.get(offer.setting_type or "")
    if kind is None:
        return
    duty = duty_for(kind, offer.get("sen_report_duty"), age_range(offer.get("age_range")))
    required = set(kind.required_areas)
    for item, asked_by in items_asked(borough, kind, duty):
        carriers = [section for section in offer.sections
                    if item.id in borough.statutory_items_for(set(section.areas))]
        answered = [section for section in carriers if has_answer(section)]
        if answered:
            # Real reports put things where they choose: the evidence may be anywhere.
            missing = missing_evidence(item.id, _whole_text(offer), offer, borough)
            if missing is None or (item.id == _REPORTED_BY_LINKS
                                   and local_offer_addresses(borough)):
                continue
            home = next((section for section in answered if section.area == item.home_area),
                        answered[0])
            yield warning(offer, home.line, "statutory/evidence",
                          f"This answer does not give {missing}: add it, for "
                          f"'{item.short}'. {why_asked(item, asked_by, duty)}")
            continue
        areas = [area for area, value in borough.areas.items() if item.id in value.statutory]
        if carriers or required.intersection(areas):
            continue  # sections/empty or sections/missing reports it, with what the law asks
        report = error if asked_by == LAW else warning
        title = borough.areas[areas[0]].title if areas else None
        where = (f"Add a section on '{title}' to cover it." if title
                 else "Add an answer that covers it.")
        yield report(offer, offer.line_of("type"), "statutory/uncovered",
                     f"Nothing in this offer covers '{item.short}' ({reference(item.id)}): "
                     f"{item.text} {why_asked(item, asked_by, duty)} {where}")


def _whole_text(offer: Offer) -> str:
    return "\n\n".join([offer.intro_text, *(section.text for section in offer.sections)])
