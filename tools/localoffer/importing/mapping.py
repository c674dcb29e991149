"""Which question each of the setting's sections answers, and how sure that is."""
from __future__ import annotations

from dataclasses import dataclass

from localoffer.borough import Question, QuestionSet
from localoffer.borough.questions import SUGGEST_THRESHOLD, HeadingScore, normalise
from localoffer.importing.sections import SourceSection

INTRO = "intro"
OTHER = "other"


@dataclass(frozen=True)
class Placement:
    """Where one section goes: under a question, in the welcome at the top (INTRO), or under
    'Other information' (OTHER)."""

    section: SourceSection
    question: Question | None
    score: HeadingScore | None
    where: str = ""

    @property
    def keeps_heading(self) -> bool:
        """Whether the setting's heading stays as a sub-heading (it says more than the question)."""
        if self.section.heading is None:
            return False
        return self.question is None or normalise(self.section.heading) != normalise(
            self.question.text)


def place_sections(sections: list[SourceSection], question_set: QuestionSet,
                   setting_type: str) -> list[Placement]:
    """Each section under its best question if the scorer is at least fairly sure; the text
    before any heading, and sections before the first that answers a question (or with nothing
    under their heading), in the welcome;
    the rest under 'Other information'."""
    placements: list[Placement] = []
    answered_yet = False
    for section in sections:
        # A heading with nothing under it (a page's title lines) answers nothing.
        best = question_set.best(section.heading, setting_type) \
            if section.heading and section.body.strip() else None
        if best is not None and best.score >= SUGGEST_THRESHOLD:
            placements.append(Placement(section, best.question, best, best.question.id))
            answered_yet = True
        else:
            placements.append(Placement(section, None, best, OTHER if answered_yet else INTRO))
    return placements
