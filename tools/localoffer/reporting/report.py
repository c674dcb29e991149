"""The whole report: one row per setting, totals by type, coverage by area, and history.

Engine-neutral data: the renderers (render/) turn it into text, CSV, JSON, Markdown or HTML,
and the site's dashboard page is made from it too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.checks.translation_state import TranslationStatus
from localoffer.collector import collector_paused
from localoffer.model import Offer
from localoffer.reporting.coverage import AreaSummary, Cell, area_summaries, cell
from localoffer.reporting.as_published import MonthCount
from localoffer.reporting.feedback_waiting import WaitingItem
from localoffer.reporting.rows import SettingRow, setting_row
from localoffer.reporting.settings import ReportSettings, report_settings
from localoffer.reporting.totals import Totals, totals_by_type


@dataclass
class Report:
    borough: Borough
    today: date
    rows: list[SettingRow]
    totals: list[Totals]
    areas: list[AreaSummary]
    settings: ReportSettings
    # Where the offers came from: "" for the working folder, else the commit described.
    source: str = ""
    as_of: date | None = None
    history: list[MonthCount] | None = None  # None when there is no Git history to read
    area_titles: dict[str, str] = field(default_factory=dict)
    # "You said, we did" items not done yet; None when the borough keeps no feedback/ folder.
    feedback_waiting: list[WaitingItem] | None = None
    # The translations and whether each is up to date (working folder only).
    translations: list[TranslationStatus] = field(default_factory=list)

    @property
    def stale_translations(self) -> list[TranslationStatus]:
        return [item for item in self.translations if item.state.is_stale]

    def cell(self, row: SettingRow, area: str) -> Cell:
        return cell(row, area)

    @property
    def overall(self) -> Totals:
        return self.totals[-1]

    def area_title(self, area: str) -> str:
        return self.area_titles.get(area, area)

    def statutory_short(self, item: str) -> str:
        found = self.borough.statutory.get(item)
        return found.short if found is not None else item


def build_report(borough: Borough, offers: Iterable[Offer], today: date,
                 offer_slugs: frozenset[str] | None = None, check: bool = True,
                 score: bool = True) -> Report:
    """Check each offer once and make its row; then the totals and the area summaries.

    `offers` may be a lazy iterable (a progress bar wrapped around loading): each offer is
    dropped once its row is made, so memory stays small on large boroughs. With `check` off
    the checks are not run and every row has 0 errors and warnings (for the public dashboard,
    which does not show them, in a site build that has already checked every offer). With
    `score` off, reading ease is not worked out (the dashboard does not show it either).
    """
    settings = report_settings(borough)
    context = CheckContext(borough, today, offer_slugs or frozenset())
    rows = []
    with collector_paused():
        for offer in offers:
            findings = check_offer(offer, context) if check else []
            rows.append(setting_row(offer, borough, today, findings, score))
    rows.sort(key=lambda row: (row.name.casefold(), row.slug))
    return Report(
        borough=borough,
        today=today,
        rows=rows,
        totals=totals_by_type(rows, borough),
        areas=area_summaries(rows, borough, settings),
        settings=settings,
        area_titles={area_id: area.title for area_id, area in borough.areas.items()},
    )
