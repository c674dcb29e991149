"""Question sets, and matching an offer's headings to their questions and areas."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


# How alike (0-100, after normalising) a heading must be to a question to count as it.
MATCH_THRESHOLD = 85

_ALTERNATIVES = [
    # "setting / school / college" and friends become one word, so a school may write "school".
    (re.compile(r"\b(?:early years setting|setting|school|college|nursery)"
                r"(?:\s*/\s*(?:early years setting|setting|school|college|nursery))+"), "setting"),
    (re.compile(r"\b(?:child(?:ren)?|young (?:person|people))(?:'s|’s)?"
                r"(?:\s*/\s*(?:child(?:ren)?|young (?:person|people))(?:'s|’s)?)+"), "child"),
    (re.compile(r"\b(?:school|college|nursery|pre-school|academy|centre)\b"), "setting"),
]
_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, one spelling of 'setting'/'child', no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    for pattern, replacement in _ALTERNATIVES:
        text = pattern.sub(replacement, text)
    text = _NOT_WORD.sub(" ", text.replace("'s", "s"))
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    area: str
    also: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    borough: bool = False
    setting_types: tuple[str, ...] = ()  # empty: every type the set is for

    @property
    def areas(self) -> tuple[str, ...]:
        return (self.area, *self.also)

    def applies_to(self, setting_type: str) -> bool:
        return not self.setting_types or setting_type in self.setting_types


@dataclass
class QuestionSet:
    id: str
    title: str
    audience: str
    setting_types: tuple[str, ...]
    questions: list[Question]
    _by_text: dict[str, Question] = field(default_factory=dict, repr=False)
    # Headings already matched: thousands of offers repeat the same few dozen headings.
    _matched: dict[str, Question | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_text = {normalise(question.text): question for question in self.questions}

    def questions_for(self, setting_type: str) -> list[Question]:
        return [question for question in self.questions if question.applies_to(setting_type)]

    def match(self, heading: str) -> Question | None:
        """The question a heading asks, tolerant of case, punctuation and small rewording."""
        if heading in self._matched:
            return self._matched[heading]
        if len(self._matched) >= 4096:
            self._matched.clear()
        question = self._matched[heading] = self._match(heading)
        return question

    def _match(self, heading: str) -> Question | None:
        key = normalise(heading)
        if not key:
            return None
        exact = self._by_text.get(key)
        if exact is not None:
            return exact
        # Imported here: most headings match exactly, and rapidfuzz's import is a tenth of the
        # pre-commit hook's start.
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, self._by_text.keys(), scorer=fuzz.ratio,
                                  score_cutoff=MATCH_THRESHOLD)
        return self._by_text[best[0]] if best else None

    def areas_covered(self, setting_type: str) -> set[str]:
        return {area for question in self.questions_for(setting_type) for area in question.areas}
