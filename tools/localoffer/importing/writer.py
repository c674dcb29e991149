"""The offer's text: the template's front-matter with what the report states filled in, the
setting's sections under the questions they answer, and the rest under 'Other information'."""
from __future__ import annotations

import re

from localoffer.authoring.guidance import section_lines
from localoffer.authoring.template import TemplateRequest, front_matter_lines, yaml_value
from localoffer.borough import Borough
from localoffer.borough.questions import OTHER_INFORMATION
from localoffer.importing.details import Details
from localoffer.importing.mapping import INTRO, OTHER, Placement
from localoffer.model.schema import FRONT_MATTER_FIELDS

OTHER_HEADING = OTHER_INFORMATION
_DATED = re.compile(r"^(last_reviewed|next_review):\s*\d{4}-\d{2}-\d{2}")
_HEADING = re.compile(r"^(#{1,6})([ \t]+.*)$")


def offer_text(borough: Borough, request: TemplateRequest, details: Details,
               title: str | None, placements: list[Placement]) -> str:
    lines = ["---", *_front_matter(borough, request, details), "---", ""]
    intro = [f"**{title}**"] if title else []
    for placement in placements:
        if placement.where == INTRO:
            if placement.section.heading:
                intro.append(f"**{placement.section.heading}**")
            intro.append(_bold_headings(placement.section.body))
    welcome = "\n\n".join(part for part in intro if part.strip())
    if welcome:
        lines += [welcome, ""]
    for question in request.question_set.questions_for(request.setting_type.id):
        answers = [p for p in placements if p.question is not None and p.question.id == question.id]
        if not answers:
            lines += section_lines(question, borough, request.question_set.audience)
            continue
        lines += [f"## {question.text}", ""]
        # The question's own heading stands for one section worded as it; a second section
        # worded the same keeps its heading, so none of its words is lost.
        heading_used = False
        for placement in answers:
            keep = placement.keeps_heading or heading_used
            heading_used = heading_used or not keep
            lines += _section(placement, keep)
    others = [p for p in placements if p.where == OTHER]
    if others:
        lines += [f"## {OTHER_HEADING}", ""]
        for placement in others:
            lines += _section(placement, True)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(placement: Placement, keep_heading: bool) -> list[str]:
    section = placement.section
    out = [f"### {section.heading}", ""] if keep_heading and section.heading else []
    base = 3 if keep_heading else 2
    body = _relevel(section.body, section.level, base)
    return out + ([body, ""] if body.strip() else [])


def _relevel(body: str, section_level: int, base: int) -> str:
    """Headings inside a section, set below the section's own heading in the offer."""
    def one(line: str) -> str:
        match = _HEADING.match(line)
        if not match:
            return line
        level = min(6, base + max(1, len(match.group(1)) - section_level))
        return "#" * level + match.group(2)
    return "\n".join(one(line) for line in body.split("\n"))


def _bold_headings(body: str) -> str:
    # The welcome comes before the first question, where a sub-heading would be out of order.
    return "\n".join(f"**{m.group(2).strip()}**" if (m := _HEADING.match(line)) else line
                     for line in body.split("\n"))


def _front_matter(borough: Borough, request: TemplateRequest, details: Details) -> list[str]:
    known = {"urn": details.urn, "address": details.address, "postcode": details.postcode,
             "phone": details.phone}
    senco = {"name": details.senco_name, "email": details.senco_email,
             "phone": details.senco_phone}
    lines = []
    in_senco = False
    for line in front_matter_lines(borough, request):
        key = line.split(":", 1)[0]
        if not line.startswith(" "):
            in_senco = key == "senco"
        if line.startswith("  ") and in_senco and senco.get(key.strip()):
            lines.append(f"  {key.strip()}: {yaml_value(senco[key.strip()])}")
        elif not line.startswith(" ") and known.get(key):
            lines.append(f"{key}: {yaml_value(known[key])}")
        elif key == "last_reviewed":
            lines.append(_last_reviewed(details))
        elif _DATED.match(line):
            # Never a date the report does not give: today's date would pass a review check.
            lines.append(f"{key}:  # {FRONT_MATTER_FIELDS[key].description}")
        else:
            lines.append(line)
    return lines


def _last_reviewed(details: Details) -> str:
    if details.last_reviewed is not None:
        day = "" if details.last_reviewed.day != 1 else " Check the day."
        return (f"last_reviewed: {details.last_reviewed.isoformat()}  # The report says "
                f"\"{details.reviewed_said}\".{day}")
    return ("last_reviewed:  # When the offer was last reviewed (YYYY-MM-DD). The report does "
            "not say: write the date it was last checked and approved.")
