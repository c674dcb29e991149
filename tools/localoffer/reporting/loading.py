"""Making a report from the offers in the working folder, or as published on a past date."""
from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from datetime import date
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from localoffer.borough import Borough
from localoffer.checks.translation_state import translation_statuses
from localoffer.model import Offer, load_offer
from localoffer.model.discover import find_offer_files, known_slugs
from localoffer.reporting.as_published import monthly_counts_or_none, open_history
from localoffer.reporting.feedback_waiting import waiting_items
from localoffer.reporting.report import Report, build_report
from localoffer.reporting.settings import report_settings

T = TypeVar("T")
# Wraps the list of offers to read, e.g. in a progress bar: progress(items) -> context manager
# giving an iterable over the same items.
Progress = Callable[[Sequence[T]], AbstractContextManager[Iterable[T]]]


def no_progress(items: Sequence[T]) -> AbstractContextManager[Iterable[T]]:
    return nullcontext(items)


def report_on_folder(borough: Borough, today: date, progress: Progress = no_progress,
                     history: bool = True) -> Report:
    """The offers as they are in the working folder (offers/<slug>/offer.md)."""
    paths = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    with progress(paths) as items:
        offers: Iterator[Offer] = (load_offer(path, borough) for path in items)
        report = build_report(borough, offers, today, known_slugs(borough))
    report.feedback_waiting = waiting_items(borough, today)
    report.translations = translation_statuses(borough)
    if history:
        report.history = monthly_counts_or_none(borough, today,
                                                report_settings(borough).history_months)
    return report


def report_as_of(borough: Borough, day: date, progress: Progress = no_progress,
                 history: bool = True) -> Report:
    """The offers as published on `day`: the main branch's last commit at or before it, with
    review dates counted on that day."""
    past = open_history(borough)
    published = past.published_on(day)
    with progress(published.offers) as items:
        report = build_report(borough, items, day, published.slugs)
    report.as_of = day
    report.source = published.describe()
    if history:
        report.history = past.monthly_counts(day, report_settings(borough).history_months)
    return report
