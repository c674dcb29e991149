"""`localoffer config` prints the merged rules as YAML that reads back to the same values."""
from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from localoffer.borough import load_borough
from localoffer.cli import main


def _printed(capsys: pytest.CaptureFixture[str]) -> dict:
    return YAML(typ="safe").load(capsys.readouterr().out)


def test_prints_defaults_merged_with_the_boroughs_choices(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text().replace("interval_months: 12", "interval_months: 6")
                      + "glossary:\n  CK: Calderbrook\n")
    assert main(["config", "--config", str(config)]) == 0
    printed = _printed(capsys)
    assert printed["borough"]["name"] == "Calderbrook"
    assert printed["review"] == {"interval_months": 6, "due_soon_days": 30}
    # A mapping is merged key by key: the borough's word is added to the packaged glossary.
    assert printed["glossary"]["CK"] == "Calderbrook"
    assert "EHCP" in printed["glossary"]
    # Values shared through YAML anchors in the defaults are printed in full.
    assert printed["setting_types"]["special"]["required_areas"] == \
        printed["setting_types"]["secondary"]["required_areas"]
    assert load_borough(config).setting_types["pru"].required_areas == \
        tuple(printed["setting_types"]["pru"]["required_areas"])


def test_output_has_no_yaml_aliases_and_names_its_sources(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--config", str(borough_dir / "localoffer.yml")]) == 0
    out = capsys.readouterr().out
    assert "&" not in out.split("reviewers")[0] and "*school" not in out
    assert f"the packaged defaults and {borough_dir / 'localoffer.yml'}" in out


def test_one_section(borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--section", "review", "--config", str(borough_dir / "localoffer.yml")]) == 0
    assert _printed(capsys) == {"review": {"interval_months": 12, "due_soon_days": 30}}


def test_unknown_section_is_a_usage_error(borough_dir: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--section", "reveiw", "--config", str(borough_dir / "localoffer.yml")]) == 2
    assert "There is no section 'reveiw'" in capsys.readouterr().err


def test_bad_localoffer_yml_is_reported_with_its_line(borough_dir: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text("review:\n  interval_months: [twelve\n")
    assert main(["config", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{config}:") and "not valid YAML" in err


def test_decimal_numbers_in_localoffer_yml_are_printed(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text() + "plain_english:\n  reading_ease_min: 55.5\n")
    assert main(["config", "--config", str(config)]) == 0
    assert _printed(capsys)["plain_english"]["reading_ease_min"] == 55.5
