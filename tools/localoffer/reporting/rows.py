"""One row per setting: what an LA officer needs to know about its offer at a glance."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import fmean

from localoffer.borough import Borough
from localoffer.model import Finding, Offer, Severity
from localoffer.review import ReviewState, review_state

# How each review state is shown to people (the values themselves go into CSV and JSON).
STATE_LABELS = {
    ReviewState.OK: "Up to date",
    ReviewState.DUE_SOON: "Due soon",
    ReviewState.OVERDUE: "Overdue",
    ReviewState.NEVER_PUBLISHED: "Never published",
    ReviewState.UNKNOWN: "No review date",
}
UNKNOWN_TYPE_LABEL = "Type not recognised"


@dataclass(frozen=True)
class Answer:
    """One answered section, as the area totals need it."""

    areas: tuple[str, ...]
    words: int
    reading_ease: float | None  # None when too short to score


@dataclass(frozen=True)
class SettingRow:
    slug: str
    name: str
    path: str
    setting_type: str | None  # None when the offer's type is missing or not the borough's
    type_label: str
    status: str
    readable: bool
    last_reviewed: date | None
    next_review: date | None
    review_state: ReviewState
    areas_required: tuple[str, ...]
    areas_covered: tuple[str, ...]  # every area answered, required or not
    areas_missing: tuple[str, ...]
    statutory_uncovered: tuple[str, ...]
    errors: int
    warnings: int
    reading_ease: float | None  # mean over the sections long enough to score
    answers: tuple[Answer, ...] = ()

    @property
    def required_covered(self) -> int:
        return len(self.areas_required) - len(self.areas_missing)

    @property
    def complete(self) -> bool:
        """Answers every area its type of setting must cover."""
        return self.readable and self.setting_type is not None and not self.areas_missing

    @property
    def published(self) -> bool:
        return self.review_state is not ReviewState.NEVER_PUBLISHED

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.review_state]


def setting_row(offer: Offer, borough: Borough, today: date, findings: list[Finding],
                score: bool = True) -> SettingRow:
    """The row for one parsed offer, given the findings of its checks (run once, by the caller).
    Without `score`, reading ease is not worked out (None)."""
    kind = borough.setting_types.get(offer.setting_type or "")
    setting_type = kind.id if kind is not None else None
    covered = offer.areas_covered if offer.readable else set()
    required = kind.required_areas if kind is not None else ()
    answers = tuple(_answers(offer, borough, score))
    scored = [answer.reading_ease for answer in answers if answer.reading_ease is not None]
    uncovered = (borough.required_statutory_items(setting_type) - borough.statutory_items_for(covered)
                 if setting_type is not None else set())
    return SettingRow(
        slug=offer.slug,
        name=offer.name,
        path=offer.display_path,
        setting_type=setting_type,
        type_label=kind.label if kind is not None else UNKNOWN_TYPE_LABEL,
        status=offer.status,
        readable=offer.readable,
        last_reviewed=offer.last_reviewed,
        next_review=offer.next_review,
        review_state=review_state(offer, borough, today),
        areas_required=tuple(required),
        areas_covered=tuple(area for area in borough.areas if area in covered),
        areas_missing=tuple(area for area in required if area not in covered),
        statutory_uncovered=tuple(item for item in borough.statutory if item in uncovered),
        errors=sum(1 for finding in findings if finding.severity is Severity.ERROR),
        warnings=sum(1 for finding in findings if finding.severity is Severity.WARNING),
        reading_ease=round(fmean(scored), 1) if scored else None,
        answers=answers,
    )


def _answers(offer: Offer, borough: Borough, score: bool) -> list[Answer]:
    if not score:
        return [Answer(areas, words, None) for areas, words in offer.answered]
    answers = []
    for section in offer.sections:
        if not section.areas or not section.text.strip():
            continue
        words = section.word_count
        ease = (section.stats.reading_ease if score and words >= borough.min_words_to_score
                else None)
        answers.append(Answer(section.areas, words, ease))
    return answers
