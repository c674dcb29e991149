"""A real MkDocs build of a small borough: pages, lists, booklets, open data, images."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_helpers import build, make_borough, set_field


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("borough")
    import os
    os.environ["LOCALOFFER_TODAY"] = "2026-11-28"
    offers = make_borough(folder, 6)
    set_field(offers[1], "status", "draft")
    set_field(offers[2], "age_range", '"0-5"')
    set_field(offers[3], "age_range", '"11-16"')
    set_field(offers[4], "specialist_provision", "[autism]")
    set_field(offers[4], "ward", "Hollins Brook")
    set_field(offers[4], "postcode", "CK4 2QT")
    (offers[0].parent / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = offers[0].read_text(encoding="utf-8")
    offers[0].write_text(text + "\nSee [the other offer](../setting-00003/offer.md#contacts) "
                         "and ![Our front door](photo.png).\n", encoding="utf-8")
    return build(folder, strict=True)


def names(site: Path) -> dict[str, str]:
    data = json.loads((site / "offers.json").read_text(encoding="utf-8"))
    return {offer["slug"]: offer["name"] for offer in data["offers"]}


def test_published_offers_become_pages_and_drafts_do_not(site: Path) -> None:
    for slug in ("setting-00000", "setting-00002", "setting-00005"):
        assert (site / "settings" / slug / "index.html").is_file()
    assert not (site / "settings" / "setting-00001").exists()
    assert "setting-00001" not in (site / "settings" / "index.html").read_text(encoding="utf-8")
    assert "setting-00001" not in names(site)


def test_offer_page_has_card_review_answers_and_feedback(site: Path) -> None:
    html = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert '<dl class="lo-card"' in html
    assert 'href="tel:01614960000"' in html
    assert 'href="mailto:senco@setting-00000.example"' in html
    assert "Sam Example" in html
    assert "Last reviewed" in html and "Next review due" in html
    assert "Review overdue" not in html
    # The parents' route (localoffer.yml's feedback: email), not the staff's issue forms.
    assert ('href="mailto:localoffer@calderbrook.example?subject=Local%20Offer%20feedback%3A%20'
            'Example%20All-through%20school%200%20%28https%3A%2F%2Flocaloffer.calderbrook.'
            'example%2Fsettings%2Fsetting-00000%2F%29"') in html
    assert "Please do not include your child&#39;s name" in html
    assert "github.com" not in html
    assert '<abbr title="' in html  # the borough's glossary on offer pages
    assert 'id="words-we-use"' in html


def test_links_between_offers_and_images_work(site: Path) -> None:
    html = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert 'href="../setting-00003/#contacts"' in html
    assert 'src="photo.png"' in html
    assert (site / "settings" / "setting-00000" / "photo.png").is_file()


def test_offers_json_lists_published_offers_with_review_state(site: Path) -> None:
    text = (site / "offers.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["count"] == 5 == len(data["offers"])
    # One setting on each line: a change to one setting changes one line of the file.
    lines = [line for line in text.splitlines() if line.startswith('  {"slug": ')]
    assert [json.loads(line.rstrip(","))["slug"] for line in lines] == [
        offer["slug"] for offer in data["offers"]]
    record = next(offer for offer in data["offers"] if offer["slug"] == "setting-00002")
    assert record["url"] == "https://localoffer.calderbrook.example/settings/setting-00002/"
    assert (record["age_from"], record["age_to"]) == (0, 5)
    assert record["review"]["status"] == "ok"
    assert record["review"]["next_review"] == record["front_matter"]["next_review"]
    assert record["front_matter"]["name"] == record["name"]
    assert "contacts" in record["areas_covered"]
    assert record["type_label"]


def test_a_child_of_age_3_sees_only_settings_taking_age_3(site: Path) -> None:
    html = (site / "find" / "age" / "3" / "index.html").read_text(encoding="utf-8")
    listed = {slug for slug in names(site) if f"settings/{slug}/" in html}
    assert listed == {"setting-00002"}  # 0-5; the others take 4-11 or 11-16
    html = (site / "find" / "age" / "12" / "index.html").read_text(encoding="utf-8")
    assert {slug for slug in names(site) if f"settings/{slug}/" in html} == {"setting-00003"}


def test_other_lists(site: Path) -> None:
    a_to_z = (site / "settings" / "index.html").read_text(encoding="utf-8")
    assert all(f"{slug}/" in a_to_z for slug in names(site))
    need = (site / "find" / "need" / "index.html").read_text(encoding="utf-8")
    assert "Autism" in need and "setting-00004/" in need and "setting-00000/" not in need
    area = (site / "find" / "area" / "index.html").read_text(encoding="utf-8")
    assert "Hollins Brook ward" in area and 'id="postcode-ck4"' in area
    by_type = (site / "find" / "type" / "index.html").read_text(encoding="utf-8")
    assert all(f"{slug}/" in by_type for slug in names(site))
    # Each list gives the setting's details line: the same on every list it is on.
    details = re.compile(r'setting-00003/">[^<]*</a><span class="lo-meta">([^<]*)</span>')
    lines = [details.findall(html) for html in (a_to_z, by_type, (
        site / "find" / "age" / "12" / "index.html").read_text(encoding="utf-8"))]
    assert lines[0] == lines[1] == lines[2] and len(lines[0]) == 1
    assert lines[0][0] == ("Further education college · ages 11 to 16 · Calderbrook CK1 · access: "
                           "lift between floors, accessible toilet, quiet room or calm space")


def test_booklet_has_every_published_offer_with_contents(site: Path) -> None:
    html = (site / "booklet" / "index.html").read_text(encoding="utf-8")
    for slug, name in names(site).items():
        assert f'<section class="lo-booklet-offer" id="{slug}"' in html
        assert f'href="#{slug}"' in html
    assert "setting-00001" not in html
    assert 'id="contents"' in html
    assert 'href="../settings/setting-00003/#contacts"' in html  # rebased for the booklet
    kinds = [path.parent.name for path in (site / "booklet").glob("*/index.html")]
    assert kinds, "a booklet per type of setting"


def test_home_page_fills_in_the_borough(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "{{" not in html
    assert "https://www.calderbrook.example/localoffer" in html
    assert "Support for Learners" in html


def test_no_git_means_no_changes_list(site: Path) -> None:
    html = (site / "settings" / "setting-00000" / "index.html").read_text(encoding="utf-8")
    assert 'id="changes"' not in html
