"""What each chart shows, as plain data: categories, series, a text alternative and a table.

Engine-neutral: svg.py draws these with pygal; the text and Markdown reports print the tables.
"""
from __future__ import annotations

from dataclasses import dataclass

from localoffer.review import ReviewState
from localoffer.reporting.as_published import MonthCount
from localoffer.reporting.report import Report
from localoffer.reporting.rows import STATE_LABELS

# Reading ease bands (Flesch): lower bound, label.
EASE_BANDS = ((None, "Under 30 (very hard)"), (30, "30 to 49 (hard)"),
              (50, "50 to 59 (fairly hard)"), (60, "60 to 69 (plain English)"),
              (70, "70 to 79 (fairly easy)"), (80, "80 or more (easy)"))
NOT_SCORED = "Too short to score"
STATE_PHRASES = {
    ReviewState.OK: "up to date",
    ReviewState.DUE_SOON: "due for review soon",
    ReviewState.OVERDUE: "overdue for review",
    ReviewState.NEVER_PUBLISHED: "never published",
    ReviewState.UNKNOWN: "without a review date",
}


@dataclass(frozen=True)
class Chart:
    id: str
    heading: str       # a plain-English question, for the page
    title: str         # what the chart shows, for its <title>
    description: str   # the text alternative: what a reader should take from it
    kind: str          # stacked-bar, horizontal-bar, bar or line
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    category_header: str
    unit: str = ""     # appended to values in tables ("%")

    @property
    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """(headers, rows) of the data behind the chart."""
        headers = (self.category_header, *(name for name, _ in self.series))
        rows = [(category, *(_number(values[index]) + self.unit for _, values in self.series))
                for index, category in enumerate(self.categories)]
        return headers, rows


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def review_states_chart(report: Report) -> Chart:
    totals = [total for total in report.totals[:-1] if total.settings]
    states = [state for state in ReviewState
              if state is not ReviewState.UNKNOWN or report.overall.state(state)]
    overall = report.overall
    parts = [f"{overall.state(state)} {STATE_PHRASES[state]}" for state in states]
    description = (f"Of {_plural(overall.settings, 'setting')}: {', '.join(parts)}."
                   if overall.settings else "There are no offers yet.")
    worst = max(totals, key=lambda t: (t.state(ReviewState.OVERDUE), t.settings), default=None)
    if worst is not None and worst.state(ReviewState.OVERDUE):
        description += (f" The most overdue reviews are among {worst.label.lower()}s "
                        f"({worst.state(ReviewState.OVERDUE)} of {worst.settings}).")
    return Chart(
        id="review-states",
        heading="How up to date are these offers?",
        title="Review state of each offer, by type of setting",
        description=description,
        kind="stacked-bar",
        categories=tuple(total.label for total in totals),
        series=tuple((STATE_LABELS[state], tuple(float(t.state(state)) for t in totals))
                     for state in states),
        category_header="Type of setting",
    )


def coverage_chart(report: Report) -> Chart:
    # Least answered first, so the gaps are at the top of the chart and the table.
    areas = sorted((area for area in report.areas if area.required_by),
                   key=lambda area: area.share)
    weakest = [area for area in areas if area.share < 1][:3]
    if weakest:
        listed = "; ".join(f"{area.title} ({area.covered_required} of {area.required_by})"
                           for area in weakest)
        description = ("Share of the settings that must answer each area that do. The least "
                       f"answered areas are: {listed}.")
    elif areas:
        description = "Every area is answered by all the settings that must answer it."
    else:
        description = "No offer has a type of setting that must answer any area yet."
    return Chart(
        id="coverage",
        heading="Which questions do the offers answer?",
        title="Settings that answer each area, as a share of those that must",
        description=description,
        kind="horizontal-bar",
        categories=tuple(area.title for area in areas),
        series=(("Answered", tuple(round(100 * area.share, 1) for area in areas)),),
        category_header="Area",
        unit="%",
    )


def reading_ease_chart(report: Report) -> Chart:
    counts = dict.fromkeys([label for _, label in EASE_BANDS] + [NOT_SCORED], 0)
    for row in report.rows:
        counts[ease_band(row.reading_ease)] += 1
    minimum = report.borough.reading_ease_min
    below = sum(1 for row in report.rows
                if row.reading_ease is not None and row.reading_ease < minimum)
    mean = report.overall.reading_ease
    description = (f"The mean reading ease of the offers is {mean:.0f} (60 to 70 is plain "
                   f"English). {_plural(below, 'offer')} score below the borough's minimum of "
                   f"{minimum:g}." if mean is not None else
                   "No offer has answers long enough to score for reading ease.")
    return Chart(
        id="reading-ease",
        heading="How easy are the offers to read?",
        title="Number of offers in each band of reading ease (Flesch)",
        description=description,
        kind="bar",
        categories=tuple(counts),
        series=(("Offers", tuple(float(count) for count in counts.values())),),
        category_header="Reading ease",
    )


def history_chart(counts: list[MonthCount]) -> Chart:
    first, last = counts[0], counts[-1]
    description = (f"At the end of {last.label}, {_plural(last.published, 'offer')} "
                   f"{'was' if last.published == 1 else 'were'} published and "
                   f"{last.overdue} overdue for review.")
    if len(counts) > 1:
        description += (f" At the end of {first.label}: {first.published} published, "
                        f"{first.overdue} overdue.")
    return Chart(
        id="history",
        heading="How has this changed month by month?",
        title="Published offers and overdue reviews at the end of each month",
        description=description,
        kind="line",
        categories=tuple(count.label for count in counts),
        series=(("Published", tuple(float(count.published) for count in counts)),
                ("Overdue", tuple(float(count.overdue) for count in counts))),
        category_header="Month",
    )


def ease_band(score: float | None) -> str:
    if score is None:
        return NOT_SCORED
    label = EASE_BANDS[0][1]
    for lower, band in EASE_BANDS[1:]:
        if score >= lower:
            label = band
    return label


def report_charts(report: Report) -> list[Chart]:
    charts = [review_states_chart(report), coverage_chart(report), reading_ease_chart(report)]
    if report.history:
        charts.append(history_chart(report.history))
    return charts
