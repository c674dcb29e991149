"""Who asks a setting for each item of an SEN information report: the law, the SEND Code of
Practice or the borough, and the words that say so.

The law (Children and Families Act 2014, s.69; SEND Regulations 2014, regulation 51 and
Schedule 1) puts the duty on maintained schools, maintained nursery schools and Academy
schools. Schedule 1 paragraphs 2 and 4 apply to mainstream schools and maintained nursery
schools only, and paragraph 8 is about young people (over compulsory school age). A message
says "the law requires" only where the law requires it of that type of setting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from localoffer.borough.config import Borough, SettingType, StatutoryItem

LAW, CODE, BOROUGH = "law", "code", "borough"
# Compulsory school age ends in the school year a pupil turns 16: older pupils are young people.
COMPULSORY_SCHOOL_AGE_ENDS = 16

_SCHEDULE_ITEM = re.compile(r"^sch1-(\d+)([a-z]?)$")
_S69_PARTS = {"s69-admission": "i", "s69-less-favourable": "ii", "s69-facilities": "iii",
              "s69-accessibility-plan": "iv"}


@dataclass(frozen=True)
class Duty:
    """One setting's position in law: who asks it for an SEN information report."""

    asked_by: str           # law, code or borough
    label: str              # the type of setting, for messages ("special school")
    special_school: bool    # Schedule 1 paragraphs 2 and 4 are not asked of it by law
    young_people: bool      # it has pupils over compulsory school age (paragraph 8)
    school: bool            # a school, with an accessibility plan (s.69(3)(b))

    @property
    def is_legal(self) -> bool:
        return self.asked_by == LAW


def duty_for(kind: SettingType, override: object = None,
             ages: tuple[int, int] | None = None) -> Duty:
    """The duty of a setting of this type; `override` is the offer's sen_report_duty, `ages`
    its age range (its own ages decide whether it has young people)."""
    if isinstance(override, bool):
        # A school of a type with the duty that says it has none (a non-maintained or
        # independent special school, a hospital school) must still have regard to the Code.
        asked_by = LAW if override else (kind.asked_by if kind.asked_by != LAW else CODE)
    else:
        asked_by = kind.asked_by
    young = ages[1] > COMPULSORY_SCHOOL_AGE_ENDS if ages is not None else kind.young_people
    label = kind.label.lower() if asked_by == kind.asked_by else "setting like yours"
    return Duty(asked_by, label, kind.special_school, young,
                kind.school or asked_by == LAW)


def items_asked(borough: Borough, kind: SettingType, duty: Duty) -> list[tuple[StatutoryItem, str]]:
    """Each statutory item asked of this setting, with who asks it (law, code or borough), in
    the order of statutory.yml."""
    carried = borough.statutory_items_for(set(kind.required_areas))
    asked = []
    for item_id, item in borough.statutory.items():
        if (item.young_people_only and not duty.young_people) or (
                item.schools_only and not duty.school):
            continue
        if duty.is_legal and not (item.mainstream_and_nursery_only and duty.special_school):
            asked.append((item, LAW))
        elif item_id in carried:
            asked.append((item, BOROUGH if duty.is_legal else duty.asked_by))
    return asked


def reference(item_id: str) -> str:
    """Where the law says it: 'SEND Regulations 2014, Schedule 1, paragraph 3(a)'."""
    match = _SCHEDULE_ITEM.match(item_id)
    if match:
        part = f"({match.group(2)})" if match.group(2) else ""
        return f"SEND Regulations 2014, Schedule 1, paragraph {match.group(1)}{part}"
    if item_id in _S69_PARTS:
        return f"Children and Families Act 2014, s.69(3)(b)({_S69_PARTS[item_id]})"
    return item_id


def why_asked(item: StatutoryItem, asked_by: str, duty: Duty, what: str = "this") -> str:
    """One sentence: who asks for this item (`what`), and on what authority."""
    where = reference(item.id)
    if asked_by == LAW:
        if item.id.startswith("sch1-"):
            where = where.replace("Schedule 1", "regulation 51 and Schedule 1")
        return f"The law requires your SEN information report to include {what} ({where})."
    if duty.is_legal:
        return (f"The law asks {what} of mainstream schools and maintained nursery schools only "
                f"({where}); the borough asks {_a(duty.label)} to include it too.")
    who = ("the SEND Code of Practice and the borough ask for" if asked_by == CODE
           else "the borough asks for")
    return (f"The law does not require {what} of {_a(duty.label)} (the duty to publish an SEN "
            f"information report, Children and Families Act 2014, s.69, is on maintained "
            f"schools, maintained nursery schools and Academy schools); {who} it, as {where} "
            f"describes.")


def _a(label: str) -> str:
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"
