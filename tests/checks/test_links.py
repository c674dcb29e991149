"""links/insecure, links/broken-internal and links/local-offer."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough

from .helpers import (
    CONTACTS,
    ERROR,
    WARNING,
    WELLBEING,
    add_to_answer,
    drop_section,
    line_of,
    of_rule,
    where,
)

INSECURE, BROKEN, LOCAL_OFFER = "links/insecure", "links/broken-internal", "links/local-offer"


def test_https_links_are_fine(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "Read [our medicines policy](https://oak.example/med).")
    assert not [f for f in check(text) if f.rule.startswith("links/")]


@pytest.mark.parametrize("link", [
    "Read [our medicines policy](http://oak.example/med).",
    "Read [our medicines policy][policy].\n\n[policy]: HTTP://oak.example/med",
    "![Our garden](http://oak.example/garden.jpg)",
])
def test_an_http_link_is_a_warning(check, primary: str, link: str) -> None:
    text = add_to_answer(primary, WELLBEING, link)
    findings = of_rule(check(text), INSECURE)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, link.split("\n")[0]), WARNING)]
    assert "https://" in findings[0].message


def test_a_link_to_a_missing_file_is_broken(check, primary: str, borough_dir: Path) -> None:
    text = add_to_answer(primary, WELLBEING, "Read [our medicines policy](medicines-policy.pdf).")
    findings = of_rule(check(text), BROKEN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "medicines-policy"), ERROR)]
    assert "'medicines-policy.pdf'" in findings[0].message
    # The same link passes once the file is next to the offer.
    (borough_dir / "offers" / "example-school" / "medicines-policy.pdf").write_bytes(b"%PDF")
    assert of_rule(check(text), BROKEN) == []


def test_a_missing_image_is_broken(check, primary: str, borough_dir: Path) -> None:
    text = add_to_answer(primary, WELLBEING, "![The sensory room](images/sensory room.jpg)")
    text = text.replace("images/sensory room.jpg", "images/sensory%20room.jpg")
    assert where(check(text), BROKEN) == [(line_of(text, "sensory%20room"), ERROR)]
    folder = borough_dir / "offers" / "example-school" / "images"
    folder.mkdir()
    (folder / "sensory room.jpg").write_bytes(b"\xff\xd8")
    assert of_rule(check(text), BROKEN) == []


def test_a_link_to_another_offer_must_name_a_real_offer(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "See [Beacon Hill School](../beacon-hill/offer.md).")
    findings = of_rule(check(text, slugs=frozenset({"example-school"})), BROKEN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "Beacon Hill"), ERROR)]
    assert "'beacon-hill'" in findings[0].message
    assert of_rule(check(text, slugs=frozenset({"example-school", "beacon-hill"})), BROKEN) == []


def test_a_link_to_an_offer_written_in_the_borough_is_found(check, primary: str,
                                                           borough_dir: Path) -> None:
    other = borough_dir / "offers" / "beacon-hill" / "offer.md"
    other.parent.mkdir()
    other.write_text(primary, encoding="utf-8")
    text = add_to_answer(primary, WELLBEING, "See [Beacon Hill](../beacon-hill/offer.md#admissions).")
    assert of_rule(check(text), BROKEN) == []  # known_slugs(borough) finds it


@pytest.mark.parametrize("url", ["#admissions", "mailto:senco@oak.example", "tel:01614960000",
                                 "https://oak.example/a.pdf", "offer.md", "./offer.md#top", ""])
def test_links_that_are_not_files_or_that_exist_are_not_broken(check, primary: str,
                                                               url: str) -> None:
    text = add_to_answer(primary, WELLBEING, f"Read [our page]({url}).")
    assert of_rule(check(text), BROKEN) == []


def test_a_web_address_without_https_is_broken_with_advice(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "See [the NHS](www.nhs.uk).")
    findings = of_rule(check(text), BROKEN)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "www.nhs.uk"), ERROR)]
    assert "https://www.nhs.uk" in findings[0].message


def test_no_link_to_the_local_offer_is_an_error_at_the_contacts_answer(
        check, primary: str, borough: Borough) -> None:
    text = primary.replace(f"]({borough.local_offer_url})", "](https://example.org)")
    findings = of_rule(check(text), LOCAL_OFFER)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, f"## {CONTACTS}"), ERROR)]
    assert f"({borough.local_offer_url})" in findings[0].message
    assert "Calderbrook Local Offer" in findings[0].message


def test_without_a_contacts_answer_the_message_names_its_question(check, primary: str) -> None:
    text = drop_section(primary, CONTACTS)
    findings = of_rule(check(text), LOCAL_OFFER)
    assert len(findings) == 1 and f"'{CONTACTS}'" in findings[0].message
    last = max(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("## "))
    assert findings[0].line == last


@pytest.mark.parametrize("url, found", [
    ("https://www.calderbrook.example/localoffer/", True),
    ("https://www.calderbrook.example/localoffer/send-support?x=1", True),
    ("https://www.calderbrook.example/LocalOffer", True),
    ("https://www.calderbrook.example/localofferings", False),
    ("https://www.calderbrook.example/", False),
])
def test_any_link_into_the_local_offer_counts(check, primary: str, borough: Borough,
                                              url: str, found: bool) -> None:
    text = primary.replace(f"]({borough.local_offer_url})", f"]({url})")
    assert bool(of_rule(check(text), LOCAL_OFFER)) is not found


def test_a_bare_local_offer_address_in_the_introduction_counts(check, primary: str,
                                                               borough: Borough) -> None:
    text = primary.replace(f"[Calderbrook Local Offer]({borough.local_offer_url})", "our Local Offer")
    text = text.replace("Welcome to the offer", f"See <{borough.local_offer_url}>. Welcome to the offer")
    assert of_rule(check(text), LOCAL_OFFER) == []


def test_links_inside_html_comments_are_not_read(check, primary: str, borough: Borough) -> None:
    """A reader never sees a comment: its Local Offer link does not count, and its other
    links are not checked."""
    text = primary.replace(f"[Calderbrook Local Offer]({borough.local_offer_url})",
                           f"our Local Offer <!-- [Local Offer]({borough.local_offer_url}) "
                           "[old page](http://old.example) [gone](missing.pdf) -->")
    findings = check(text)
    assert len(of_rule(findings, LOCAL_OFFER)) == 1
    assert of_rule(findings, INSECURE) == of_rule(findings, BROKEN) == []


@pytest.mark.parametrize("url", [
    "http://www.calderbrook.example/localoffer",
    "https://calderbrook.example/localoffer",
    "http://calderbrook.example/localoffer/",
    "https://WWW.Calderbrook.example/localoffer/",
    "https://calderbrook.example/localoffer/education/schools",
])
def test_the_local_offer_written_as_real_reports_write_it_counts(check, primary: str,
                                                                borough: Borough,
                                                                url: str) -> None:
    text = primary.replace(f"]({borough.local_offer_url})", f"]({url})")
    assert of_rule(check(text), LOCAL_OFFER) == []


@pytest.mark.parametrize("url", ["https://calderbrook.example/", "https://evil.example/localoffer",
                                 "https://calderbrook.example.evil.example/localoffer"])
def test_other_addresses_do_not_count(check, primary: str, borough: Borough, url: str) -> None:
    text = primary.replace(f"]({borough.local_offer_url})", f"]({url})")
    assert len(of_rule(check(text), LOCAL_OFFER)) == 1


def test_the_borough_can_list_other_local_offer_addresses(check, primary: str, borough: Borough,
                                                         borough_dir: Path) -> None:
    config = borough_dir / "localoffer.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  sendiass_url:", "  local_offer_urls: [https://send.calderbrook.example/]\n"
        "  sendiass_url:", 1), encoding="utf-8")
    from localoffer.borough import load_borough
    listed = load_borough(config)
    text = primary.replace(f"]({borough.local_offer_url})",
                           "](https://send.calderbrook.example/local-offer-home)")
    from .helpers import run
    assert of_rule(run(listed, borough_dir, text), LOCAL_OFFER) == []
    assert len(of_rule(check(text), LOCAL_OFFER)) == 1  # the demo borough lists no other


@pytest.mark.parametrize("url", ["www.calderbrook.example/localoffer",
                                 "calderbrook.example/localoffer/"])
def test_a_local_offer_link_without_https_gets_its_own_message(check, primary: str,
                                                               borough: Borough,
                                                               url: str) -> None:
    text = primary.replace(f"]({borough.local_offer_url})", f"]({url})")
    findings = check(text)
    local = of_rule(findings, LOCAL_OFFER)
    assert [(f.line, f.severity) for f in local] == [(line_of(text, url), ERROR)]
    assert "has no https:// at the start" in local[0].message
    assert f"write https://{url}" in local[0].message
    assert of_rule(findings, BROKEN) == []
