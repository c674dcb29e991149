"""The borough's choices for the report: when an area counts as poorly answered, and how many
months of history the chart shows. Read from the `report:` section of localoffer.yml."""
from __future__ import annotations

from dataclasses import dataclass

from localoffer.borough import Borough
from localoffer.errors import ConfigError


@dataclass(frozen=True)
class ReportSettings:
    # An area is flagged when fewer than this share (0 to 1) of the settings that must
    # answer it do.
    coverage_min: float = 0.9
    # Answers with fewer words than this are counted as very short.
    short_answer_words: int = 40
    # An area is flagged when more than this share of its answers are very short.
    short_answers_max: float = 0.25
    # Months of Git history in the chart of published and overdue offers.
    history_months: int = 24


def report_settings(borough: Borough) -> ReportSettings:
    section = borough.section("report")
    where = str(borough.config_path or "localoffer.yml")
    defaults = ReportSettings()

    def number(key: str, default: float, low: float, high: float | None, whole: bool) -> float:
        value = section.get(key, default)
        if (isinstance(value, bool) or not isinstance(value, (int, float)) or value < low
                or (high is not None and value > high) or (whole and not float(value).is_integer())):
            limit = f"between {low:g} and {high:g}" if high is not None else f"{low:g} or more"
            kind = "a whole number" if whole else "a number"
            raise ConfigError(f"'report.{key}' must be {kind} {limit}.", where)
        return value

    return ReportSettings(
        coverage_min=number("coverage_min_percent", round(100 * defaults.coverage_min), 0, 100,
                            False) / 100,
        short_answer_words=int(number("short_answer_words", defaults.short_answer_words, 0,
                                      None, True)),
        short_answers_max=number("short_answers_max_percent", round(100 * defaults.short_answers_max),
                                 0, 100, False) / 100,
        history_months=int(number("history_months", defaults.history_months, 1, 240, True)),
    )
