"""Totals by type of setting, and for the whole borough."""
from __future__ import annotations

from dataclasses import dataclass, field
from statistics import fmean
from typing import Iterable

from localoffer.borough import Borough
from localoffer.review import ReviewState
from localoffer.reporting.rows import UNKNOWN_TYPE_LABEL, SettingRow

ALL_SETTINGS = "All settings"


@dataclass
class Totals:
    setting_type: str | None  # None for the borough-wide total and for unrecognised types
    label: str
    settings: int = 0
    published: int = 0
    states: dict[ReviewState, int] = field(
        default_factory=lambda: dict.fromkeys(ReviewState, 0))
    complete: int = 0
    with_errors: int = 0
    errors: int = 0
    warnings: int = 0
    _scores: list[float] = field(default_factory=list, repr=False)

    def add(self, row: SettingRow) -> None:
        self.settings += 1
        self.published += row.published
        self.states[row.review_state] += 1
        self.complete += row.complete
        self.with_errors += bool(row.errors)
        self.errors += row.errors
        self.warnings += row.warnings
        if row.reading_ease is not None:
            self._scores.append(row.reading_ease)

    @property
    def reading_ease(self) -> float | None:
        """Mean of the settings' reading ease, over the settings that have one."""
        return round(fmean(self._scores), 1) if self._scores else None

    def state(self, state: ReviewState) -> int:
        return self.states[state]


def totals_by_type(rows: Iterable[SettingRow], borough: Borough) -> list[Totals]:
    """One Totals per setting type in the borough's order (types with no settings included, so
    the table always has the same rows), then unrecognised types, then all settings."""
    by_type = {type_id: Totals(type_id, kind.label)
               for type_id, kind in borough.setting_types.items()}
    unknown = Totals(None, UNKNOWN_TYPE_LABEL)
    overall = Totals(None, ALL_SETTINGS)
    for row in rows:
        (by_type[row.setting_type] if row.setting_type in by_type else unknown).add(row)
        overall.add(row)
    result = list(by_type.values())
    if unknown.settings:
        result.append(unknown)
    result.append(overall)
    return result
