"""A mistake in localoffer.yml is reported at its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import load_borough
from localoffer.errors import ConfigError


def _error(tmp_path: Path, text: str) -> ConfigError:
    config = tmp_path / "localoffer.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_borough(config)
    return raised.value


def test_a_bad_setting_is_reported_at_its_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "borough:\n  name: Calderbrook\nreview:\n  due_soon_days: 30\n"
                             "  interval_months: twelve\n")
    assert (error.path, error.line) == (str(tmp_path / "localoffer.yml"), 5)
    assert "'review.interval_months' must be a number" in error.message


def test_a_setting_given_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    error = _error(tmp_path, "review:\n  interval_months: 12\n  interval_months: 6\n")
    assert error.line == 3 and "duplicate key" in error.message


def test_yes_and_no_stay_words_as_in_the_offers(tmp_path: Path) -> None:
    config = tmp_path / "localoffer.yml"
    config.write_text("glossary:\n  NO: Nursery Officer\n  EHCP: yes\n", encoding="utf-8")
    assert load_borough(config).glossary["NO"] == "Nursery Officer"
    assert load_borough(config).glossary["EHCP"] == "yes"


def test_a_section_with_nothing_below_it_keeps_the_defaults(tmp_path: Path) -> None:
    """`borough:` whose lines are all commented out is the same as leaving it out: it must not
    wipe the borough's name and addresses without a word."""
    config = tmp_path / "localoffer.yml"
    config.write_text("borough:\n  # name: Calderbrook\nreview:\n  interval_months: 6\n",
                      encoding="utf-8")
    borough = load_borough(config)
    assert borough.name == "Our borough"
    assert borough.local_offer_url == "https://www.example.gov.uk/localoffer"
    assert borough.review_interval_months == 6
