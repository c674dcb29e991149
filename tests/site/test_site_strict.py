"""`mkdocs build --strict` stops on the checks' errors, but not on an overdue review."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from localoffer.commands.build import BuildFailed
from site_helpers import build, make_borough, set_field


def test_strict_build_fails_with_the_checks_message(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    offers = make_borough(tmp_path, 2)
    text = offers[1].read_text(encoding="utf-8")
    offers[1].write_text(text.replace("town: Calderbrook", "town: [Calderbrook", 1),
                         encoding="utf-8")
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed):
        build(tmp_path, strict=True)
    messages = [record.getMessage() for record in caplog.records
                if record.levelno == logging.WARNING]
    # The checks' own words: path:line: rule message
    assert any("offers/setting-00001/offer.md:8: front-matter/invalid The front-matter could "
               "not be read" in message for message in messages), messages


def test_strict_build_fails_on_a_published_offers_check_error(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    offers = make_borough(tmp_path, 2)
    set_field(offers[0], "website", "http://insecure.example")
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed):
        build(tmp_path, strict=True)
    assert any("offers/setting-00000/offer.md:10: front-matter/bad-value website: The website "
               "must start with https://" in record.getMessage()
               for record in caplog.records if record.levelno == logging.WARNING)


def test_the_same_offer_builds_without_strict(tmp_path: Path) -> None:
    offers = make_borough(tmp_path, 2)
    set_field(offers[0], "website", "http://insecure.example")
    site = build(tmp_path, strict=False)
    assert (site / "settings" / "setting-00000" / "index.html").is_file()


def test_draft_with_errors_does_not_stop_the_build(tmp_path: Path) -> None:
    offers = make_borough(tmp_path, 2)
    set_field(offers[1], "status", "draft")
    set_field(offers[1], "website", "not a website")
    site = build(tmp_path, strict=True)
    assert not (site / "settings" / "setting-00001").exists()


def test_overdue_review_is_a_warning_to_readers_not_a_build_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_borough(tmp_path, 2)
    monkeypatch.setenv("LOCALOFFER_TODAY", "2029-01-01")  # long after every review date
    site = build(tmp_path, strict=True)
    html = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert "Review overdue" in html
    assert "may be out of date" in html
    assert "Next review was due" in html
    listing = (site / "settings" / "index.html").read_text(encoding="utf-8")
    assert "review overdue" in listing
