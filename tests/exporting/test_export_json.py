"""`localoffer export --format json`: valid against its published JSON Schema, and right."""
from __future__ import annotations

import json

import jsonschema
import pytest

from localoffer.borough import Borough
from localoffer.exporting import schema
from localoffer.exporting.as_json import SCHEMA_FILE
from exporting.helpers import SITE, exported
from reporting.defects import Planted


def validate(data: dict) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(SCHEMA_FILE), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema(SCHEMA_FILE))


def test_demo_export_is_valid(demo_borough: Borough) -> None:
    data = exported(demo_borough, "json")
    validate(data)
    assert data["count"] == len(data["settings"]) == 12
    oakfield = next(s for s in data["settings"] if s["slug"] == "oakfield-primary-school")
    assert oakfield["url"] == f"{SITE}/settings/oakfield-primary-school/"
    assert (oakfield["urn"], oakfield["age_from"], oakfield["age_to"]) == ("113562", 4, 11)
    assert oakfield["senco"] == {"name": "Mr Imran Shah",
                                 "email": "senco@oakfield-primary.calderbrook.example",
                                 "phone": "0161 496 0541"}
    assert (oakfield["last_reviewed"], oakfield["next_review"]) == ("2026-09-17", "2027-09-01")
    assert oakfield["review_state"] == "ok" and oakfield["complete"] is True
    assert oakfield["answers"][0]["question"] == "se7p-01"
    assert oakfield["answers"][0]["words"] > 50


def test_defects_are_exported_and_valid(defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    data = exported(borough, "json")
    validate(data)
    settings = {s["slug"]: s for s in data["settings"]}
    assert set(settings) == set(planted)
    for slug, item in planted.items():
        assert settings[slug]["review_state"] == item.state.value, slug
        assert settings[slug]["status"] == item.status, slug
        assert settings[slug]["type"] == item.setting_type, slug
    broken = settings["setting-00005"]
    assert broken["readable"] is False and broken["answers"] == [] and broken["errors"] >= 1
    assert settings["setting-00001"]["areas_missing"] == ["complaints", "contacts"]


@pytest.mark.parametrize("change", [
    ("format_version", 2), ("count", "12"), ("site_url", "localoffer.example")])
def test_the_schema_rejects_what_the_docs_rule_out(demo_borough: Borough, change) -> None:
    data = exported(demo_borough, "json")
    data[change[0]] = change[1]
    with pytest.raises(AssertionError):
        validate(data)


def test_the_schema_rejects_an_unknown_review_state(demo_borough: Borough) -> None:
    data = exported(demo_borough, "json")
    data["settings"][0]["review_state"] = "stale"
    with pytest.raises(AssertionError, match="review_state"):
        validate(data)


def test_one_line_per_setting_and_an_empty_borough(demo_borough: Borough,
                                                   borough: Borough) -> None:
    from localoffer.exporting import export
    from reporting.defects import TODAY

    text = export(demo_borough, "json", TODAY, SITE)
    lines = [line.strip().removesuffix(",") for line in text.splitlines()
             if line.startswith('    {"slug": ')]
    assert [json.loads(line) for line in lines] == json.loads(text)["settings"]
    empty = json.loads(export(borough, "json", TODAY, SITE))
    assert empty["settings"] == [] and empty["count"] == 0
    validate(empty)
