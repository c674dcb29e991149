"""`localoffer export --format csv`: one line per setting, stable columns."""
from __future__ import annotations

import csv
import io

from localoffer.borough import Borough
from localoffer.exporting import export
from localoffer.exporting.as_csv import COLUMNS
from exporting.helpers import SITE
from reporting.defects import TODAY, Planted

# The published column order: new columns may only be added at the end.
STABLE = (
    "slug", "name", "url", "type", "type_label", "status", "urn", "ukprn", "age_from",
    "age_to", "address", "town", "ward", "postcode", "website", "phone", "senco_name",
    "senco_email", "senco_phone", "question_set", "last_reviewed", "next_review",
    "approved_by", "review_state", "complete", "areas_required", "areas_covered",
    "areas_missing", "statutory_uncovered", "errors", "warnings", "reading_ease", "languages",
    "specialist_provision", "maintainers",
)


def test_columns_are_stable() -> None:
    assert COLUMNS[: len(STABLE)] == STABLE


def test_demo_csv(demo_borough: Borough) -> None:
    text = export(demo_borough, "csv", TODAY, SITE)
    lines = list(csv.DictReader(io.StringIO(text)))
    assert len(lines) == 12 and text.count("\r\n") == 13
    assert list(lines[0]) == list(COLUMNS)
    oakfield = next(line for line in lines if line["slug"] == "oakfield-primary-school")
    assert oakfield["url"] == f"{SITE}/settings/oakfield-primary-school/"
    assert oakfield["languages"] == "English;Urdu;Arabic;Polish"
    assert oakfield["phone"] == "0161 496 0540"
    assert oakfield["complete"] == "yes" and oakfield["areas_missing"] == ""
    # A value a spreadsheet would run as a formula is shown as text.
    assert oakfield["maintainers"] == "'@calderbrook/oakfield-primary"


def test_defect_csv(defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    lines = {line["slug"]: line for line in csv.DictReader(io.StringIO(
        export(borough, "csv", TODAY, SITE)))}
    assert set(lines) == set(planted)
    assert lines["setting-00006"]["areas_missing"] == "child-voice;wellbeing;behaviour-and-semh"
    assert lines["setting-00006"]["complete"] == "no"
    assert lines["setting-00004"]["status"] == "draft"
    assert lines["setting-00005"]["type"] == "" and lines["setting-00005"]["name"] == "setting-00005"
