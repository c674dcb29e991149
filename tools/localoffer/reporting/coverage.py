"""Coverage: which areas each setting answers, and which areas the borough answers poorly."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from statistics import fmean
from typing import Iterable

from localoffer.borough import Borough
from localoffer.reporting.rows import SettingRow
from localoffer.reporting.settings import ReportSettings


class Cell(str, Enum):
    """One cell of the coverage matrix (settings x areas)."""

    COVERED = "covered"
    MISSING = "missing"
    NOT_REQUIRED = "not required"


CELL_SYMBOLS = {Cell.COVERED: "Y", Cell.MISSING: "N", Cell.NOT_REQUIRED: "."}


def cell(row: SettingRow, area: str) -> Cell:
    """Covered when the offer answers the area (required or not); missing when its type must
    answer it and it does not; otherwise not required."""
    if area in row.areas_covered:
        return Cell.COVERED
    if area in row.areas_required:
        return Cell.MISSING
    return Cell.NOT_REQUIRED


@dataclass(frozen=True)
class AreaSummary:
    id: str
    title: str
    statutory: tuple[str, ...]
    required_by: int        # settings whose type must answer this area
    covered_required: int   # ... of which answer it
    covered_by: int         # settings that answer it, whether they must or not
    missing_in: tuple[str, ...]  # slugs of settings that must answer it and do not
    answers: int
    mean_words: float | None
    short_answers: int
    reading_ease: float | None  # mean over the answers long enough to score
    concerns: tuple[str, ...]

    @property
    def share(self) -> float | None:
        """Share (0 to 1) of the settings that must answer this area that do."""
        return self.covered_required / self.required_by if self.required_by else None


def area_summaries(rows: Iterable[SettingRow], borough: Borough,
                   settings: ReportSettings) -> list[AreaSummary]:
    # One pass over the rows (there may be thousands), collecting per area.
    required: dict[str, int] = dict.fromkeys(borough.areas, 0)
    covered_required: dict[str, int] = dict.fromkeys(borough.areas, 0)
    covered_by: dict[str, int] = dict.fromkeys(borough.areas, 0)
    missing_in: dict[str, list[str]] = {area: [] for area in borough.areas}
    words: dict[str, list[int]] = {area: [] for area in borough.areas}
    scores: dict[str, list[float]] = {area: [] for area in borough.areas}
    for row in rows:
        covered = set(row.areas_covered)
        for area in row.areas_required:
            if area not in required:
                continue
            required[area] += 1
            if area in covered:
                covered_required[area] += 1
            else:
                missing_in[area].append(row.slug)
        for area in covered:
            if area in covered_by:
                covered_by[area] += 1
        for answer in row.answers:
            for area in answer.areas:
                if area in words:
                    words[area].append(answer.words)
                    if answer.reading_ease is not None:
                        scores[area].append(answer.reading_ease)
    summaries = []
    for area_id, area in borough.areas.items():
        counts = words[area_id]
        summary = AreaSummary(
            id=area_id,
            title=area.title,
            statutory=area.statutory,
            required_by=required[area_id],
            covered_required=covered_required[area_id],
            covered_by=covered_by[area_id],
            missing_in=tuple(missing_in[area_id]),
            answers=len(counts),
            mean_words=round(fmean(counts), 1) if counts else None,
            short_answers=sum(1 for count in counts if count < settings.short_answer_words),
            reading_ease=round(fmean(scores[area_id]), 1) if scores[area_id] else None,
            concerns=(),
        )
        summaries.append(_with_concerns(summary, borough, settings))
    return summaries


def _with_concerns(summary: AreaSummary, borough: Borough,
                   settings: ReportSettings) -> AreaSummary:
    """Plain-English reasons an area is answered poorly or not at all."""
    concerns = []
    if summary.required_by and summary.covered_required == 0:
        concerns.append(f"Not answered by any of the {summary.required_by} settings that "
                        "must answer it.")
    elif summary.share is not None and summary.share < settings.coverage_min:
        concerns.append(f"Answered by only {summary.covered_required} of the "
                        f"{summary.required_by} settings that must answer it.")
    if summary.reading_ease is not None and summary.reading_ease < borough.reading_ease_min:
        concerns.append(f"Hard to read: mean reading ease {summary.reading_ease:.0f} (the "
                        f"borough asks for {borough.reading_ease_min:g} or more).")
    if summary.answers and summary.short_answers / summary.answers > settings.short_answers_max:
        concerns.append(f"Very short answers: {summary.short_answers} of {summary.answers} have "
                        f"fewer than {settings.short_answer_words} words.")
    return AreaSummary(**{**summary.__dict__, "concerns": tuple(concerns)})
