"""Sections: does the offer answer every question its type of setting must, once each?"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator


from localoffer.borough import Borough, Question, QuestionSet
from localoffer.borough.questions import OTHER_INFORMATION, normalise
from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer, Section
from localoffer.model.markdown import content_lines
from localoffer.model.offer import question_set_of

RULES = {
    "sections/missing": "A question this type of setting must answer has no section "
                        "(`localoffer fix` adds it).",
    "sections/empty": "A question with no answer, or with placeholder text (TODO, TBC, lorem "
                      "ipsum, [insert ...], xxx, the template's prompts) left in.",
    "sections/duplicate": "The same question is answered twice.",
    "sections/unknown": "A heading that matches no question and names no area (a warning).",
}

_PLACEHOLDER = re.compile(
    r"\b(?:TODO|TBC|TBA|lorem\s+ipsum)\b|\[\s*insert\b[^\[\]\n]*\]|(?<![\w-])x{3,}(?![\w-])", re.I)
# Cheap tests first: most lines contain none of these, so the expression above never runs.
_PLACEHOLDER_HINTS = ("todo", "tbc", "tba", "lorem", "insert", "xxx")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*")
_NOT_LETTER = re.compile(r"[\W_]+")


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    borough = context.borough
    question_set = question_set_of(offer, borough)
    yield from _placeholders(offer, offer.intro_text, offer.body_start, None)
    first_line: dict[str, int] = {}
    for section in offer.sections:
        yield from _empty(offer, section)
        if section.question is not None:
            earlier = first_line.setdefault(section.question.id, section.line)
            if earlier != section.line:
                yield error(offer, section.line, "sections/duplicate",
                            f"This question is already answered at line {earlier}. Put both "
                            "answers together under the first heading and delete this one.")
        elif section.area is None and normalise(section.heading) != normalise(OTHER_INFORMATION):
            yield _unknown(offer, section, question_set, borough)
    yield from _missing(offer, borough, question_set)


def _empty(offer: Offer, section: Section) -> Iterator[Finding]:
    if not any(line.strip() and not _HEADING.match(line) for line in section.text.split("\n")):
        yield error(offer, section.line, "sections/empty",
                    "This question has no answer yet. Write the answer under the heading, in "
                    "plain words a parent would use.")
        return
    yield from _placeholders(offer, section.text, section.body_start, section.question)


def _placeholders(offer: Offer, text: str, first_line: int,
                  question: Question | None) -> Iterator[Finding]:
    """Placeholders and template prompts, in text whose first line is file line `first_line`."""
    prompts, longest = _prompt_keys(question) if question is not None else (frozenset(), 0)
    lower = text.lower()
    hinted = any(hint in lower for hint in _PLACEHOLDER_HINTS)
    lines = text.split("\n")
    if not hinted and not any(0 < len(line) <= longest for line in lines):
        return  # no placeholder, and no line short enough to be a prompt
    for number, line in content_lines(lines, first_line):
        if not line.strip():
            continue
        found = (_PLACEHOLDER.search(line)
                 if hinted and any(hint in line.lower() for hint in _PLACEHOLDER_HINTS)
                 else None)
        if found:
            yield error(offer, number, "sections/empty",
                        f"'{found.group(0)}' is placeholder text. Replace it with the real "
                        "answer before the offer is published.")
        elif len(line) <= longest and _key(_LIST_MARKER.sub("", line, count=1)) in prompts:
            yield error(offer, number, "sections/empty",
                        "This line is one of the template's guidance prompts, not an answer. "
                        "Answer it in your own words, then delete the prompt.")


def _key(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower())


@lru_cache(maxsize=None)
def _prompt_keys(question: Question) -> tuple[frozenset[str], int]:
    """The question's prompts, compared without case or punctuation, and the longest line
    that could still be one (allowing for list markers and emphasis)."""
    longest = max((len(prompt) for prompt in question.prompts), default=-20) + 20
    return frozenset(_key(prompt) for prompt in question.prompts), longest


def _unknown(offer: Offer, section: Section, question_set: QuestionSet | None,
             borough: Borough) -> Finding:
    advice = ("add the area it answers at the end of the heading, for example "
              f"'## {section.heading} {{#wellbeing}}'. Areas: {', '.join(borough.areas)}.")
    if section.anchor:
        advice = f"{{#{section.anchor}}} is not an area: {advice}"
    nearest = _nearest_question(section.heading, question_set)
    if nearest is not None:
        advice = f"If it answers '{nearest.text}', use that wording; or {advice}"
    else:
        advice = f"Use the wording of one of the questions, or {advice}"
    where = f"the questions of '{question_set.title}'" if question_set else "any question"
    return warning(offer, section.line, "sections/unknown",
                   f"This heading does not match {where}, so it does not count towards any "
                   f"part of the offer. {advice}")


def _nearest_question(heading: str, question_set: QuestionSet | None) -> Question | None:
    # The same scorer that decides a match (QuestionSet.ranked) makes the suggestion.
    return question_set.suggest(heading) if question_set is not None else None


def _missing(offer: Offer, borough: Borough,
             question_set: QuestionSet | None) -> Iterator[Finding]:
    kind = borough.setting_types.get(offer.setting_type or "")
    if kind is None:
        return  # front-matter/bad-value reports the type
    present = {area for section in offer.sections for area in section.areas}
    line = offer.sections[-1].line if offer.sections else offer.line_of("type")
    for area_id in kind.required_areas:
        if area_id in present:
            continue
        area = borough.areas[area_id]
        question = question_for_area(question_set, kind.id, area_id)
        if question is not None:
            add = f"add the question '## {question.text}' with your answer"
        else:
            add = f"add a section '## {area.title} {{#{area_id}}}' with your answer"
        yield error(offer, line, "sections/missing",
                    f"A {kind.label.lower()} must say '{area.title}', and this offer does not: "
                    f"{add}. Run 'localoffer fix' to add the heading with its prompts.")


def question_for_area(question_set: QuestionSet | None, setting_type: str,
                      area_id: str) -> Question | None:
    """The question of the set that answers an area: the one whose main area it is, if any."""
    if question_set is None:
        return None
    questions = question_set.questions_for(setting_type)
    for question in questions:
        if question.area == area_id:
            return question
    for question in questions:
        if area_id in question.areas:
            return question
    return None
