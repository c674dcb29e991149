"""Exports never publish a placeholder review date: not a draft's (it may be a template's), not
a last review after today, and not a next review that is not after it."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.exporting import export
from localoffer.synthetic import synthetic_offer, synthetic_setting
from exporting.helpers import SITE, exported
from reporting.defects import TODAY


def _write(borough: Borough, folder: Path, slug: str, **changes: str) -> None:
    setting = synthetic_setting(borough, 5, TODAY)  # a primary school
    text = synthetic_offer(borough, setting, 40)
    for old, new in changes.items():
        text = text.replace(old, new)
    path = folder / "offers" / slug / "offer.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def dated(borough_dir: Path) -> Borough:
    borough = load_borough(borough_dir / "localoffer.yml")
    setting = synthetic_setting(borough, 5, TODAY)
    last, due = setting.last_reviewed.isoformat(), setting.next_review.isoformat()
    _write(borough, borough_dir, "reviewed")
    _write(borough, borough_dir, "draft", **{"status: published": "status: draft"})
    _write(borough, borough_dir, "ahead", **{f"last_reviewed: {last}": "last_reviewed: 2027-01-05",
                                             f"next_review: {due}": "next_review: 2027-12-01"})
    _write(borough, borough_dir, "undated", **{f"last_reviewed: {last}\n": "",
                                               f"next_review: {due}\n": ""})
    return load_borough(borough_dir / "localoffer.yml")


def test_json_publishes_only_real_review_dates(dated: Borough) -> None:
    records = {record["slug"]: record for record in exported(dated, "json")["settings"]}
    assert (records["reviewed"]["last_reviewed"], records["reviewed"]["next_review"]) == (
        "2026-10-24", "2027-09-19")
    for slug in ("draft", "ahead", "undated"):
        assert records[slug]["last_reviewed"] is None and records[slug]["next_review"] is None, slug


def test_csv_leaves_placeholder_dates_empty(dated: Borough) -> None:
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(export(dated, "csv", TODAY,
                                                                          SITE)))}
    assert rows["reviewed"]["last_reviewed"] == "2026-10-24"
    assert [rows[slug]["last_reviewed"] for slug in ("draft", "ahead", "undated")] == ["", "", ""]


def test_open_referral_assures_only_a_real_review(dated: Borough) -> None:
    services = exported(dated, "openreferral")["service"]
    # Drafts are not in Open Referral at all; of the others, only the real review is assured.
    assert sorted((service.get("assured_date") for service in services), key=str) == [
        "2026-10-24", None, None]
