"""What the law, the Code of Practice or the borough asks through an area: a sentence added to
the sections/missing and sections/empty messages, so that statutory/uncovered need not repeat
them."""
from __future__ import annotations

from localoffer.borough.law import LAW, duty_for, items_asked, reference, why_asked
from localoffer.checks.runner import CheckContext
from localoffer.model import Offer
from localoffer.model.schema import age_range


def law_note(offer: Offer, context: CheckContext, area_ids: tuple[str, ...]) -> str:
    """What the law (or the Code, or the borough) asks through these areas, for the messages of
    sections/missing and sections/empty: '' when no statutory item hangs on them."""
    borough = context.borough
    kind = borough.setting_types.get(offer.setting_type or "")
    if kind is None:
        return ""
    duty = duty_for(kind, offer.get("sen_report_duty"), age_range(offer.get("age_range")))
    carried = borough.statutory_items_for(set(area_ids))
    asked = [(item, who) for item, who in items_asked(borough, kind, duty) if item.id in carried]
    if not asked:
        return ""
    by_law = [item for item, who in asked if who == LAW]
    if by_law:
        return (" The law requires it of your SEN information report: "
                + "; ".join(f"'{item.short}' ({reference(item.id)})" for item in by_law) + ".")
    named = "', '".join(item.short for item, _ in asked)
    return " " + why_asked(asked[0][0], asked[0][1], duty, what=f"'{named}'")
