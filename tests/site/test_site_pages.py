"""The pieces of a page, without a build."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from localoffer.borough import Borough
from localoffer.model import load_offer
from localoffer.site.facts import phone_href, setting_facts, website_href
from localoffer.site.pages import feedback_link
from localoffer.site.render import MarkdownRenderer
from localoffer.site.review_notice import review_notice
from localoffer.site.structure import relative_url
from localoffer.synthetic import synthetic_offer, synthetic_setting


def offer_with(borough: Borough, tmp_path: Path, **fields: str):  # type: ignore[no-untyped-def]
    setting = synthetic_setting(borough, 0, date(2026, 11, 28))
    text = synthetic_offer(borough, setting, 20)
    for key, value in fields.items():
        text = "\n".join(f"{key}: {value}" if line.startswith(f"{key}:") else line
                         for line in text.split("\n"))
    path = tmp_path / "offers" / setting.slug / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_offer(path, borough)


def test_review_sentence_as_a_parent_reads_it(borough: Borough, tmp_path: Path) -> None:
    offer = offer_with(borough, tmp_path, last_reviewed="2026-09-12", next_review="2027-09-01",
                       approved_by="Governing Body, 12 Sep 2026")
    notice = review_notice(offer, borough, date(2026, 11, 28))
    assert notice.sentence == ("Last reviewed 12 September 2026 by the Governing Body. "
                               "Next review due September 2027.")
    assert not notice.overdue
    late = review_notice(offer, borough, date(2027, 10, 1))
    assert late.overdue and "Next review was due September 2027." in late.sentence


def test_people_approve_without_the(borough: Borough, tmp_path: Path) -> None:
    offer = offer_with(borough, tmp_path, approved_by="Mrs Amira Khan, 12 Sep 2026")
    assert "by Mrs Amira Khan." in review_notice(offer, borough, date(2026, 11, 28)).sentence


def test_facts_ages_and_postcode_district(borough: Borough, tmp_path: Path) -> None:
    offer = offer_with(borough, tmp_path, age_range='"2-19"', postcode="CK10 4AB")
    facts = setting_facts(offer, borough)
    assert facts.ages == (2, 19) and facts.covers_age(2) and not facts.covers_age(20)
    assert facts.postcode_district == "CK10"


def test_links_from_the_header_card_are_only_safe_ones() -> None:
    assert phone_href("0161 496 0540") == "tel:01614960540"
    assert phone_href("call us") is None
    assert website_href("https://oak.example/send") == "https://oak.example/send"
    assert website_href("javascript:alert(1)") is None


def test_feedback_link_names_the_setting_where_it_can() -> None:
    assert feedback_link("https://forms.example/?s={setting}", "Oak & Ash", "") == \
        "https://forms.example/?s=Oak%20%26%20Ash"
    link = feedback_link("https://github.com/lo/site/issues/new", "Oak", "https://x.example/s/")
    assert link.startswith("https://github.com/lo/site/issues/new?title=Oak%3A%20&body=")
    assert feedback_link("https://council.example/contact", "Oak", "") == \
        "https://council.example/contact"
    assert feedback_link("", "Oak", "") == ""


def test_relative_urls() -> None:
    assert relative_url("find/age/3/", "settings/oak/") == "../../../settings/oak/"
    assert relative_url("", "settings/oak/") == "settings/oak/"
    assert relative_url("booklet/", "settings/oak/#admissions") == "../settings/oak/#admissions"


def test_markdown_keeps_area_anchors_and_explains_abbreviations() -> None:
    renderer = MarkdownRenderer({"SENCO": "special educational needs co-ordinator"})
    rendered = renderer.render("## Who is the SENCO? {#contacts}\n\nAsk the SENCO. `SENCO`\n\n"
                               "## Who is the SENCO? {#contacts}\n")
    assert '<h2 id="contacts">' in rendered.html and '<h2 id="contacts-1">' in rendered.html
    assert rendered.html.count("<abbr") == 3  # two headings and the text, not the code
    assert [item["id"] for item in rendered.toc] == ["contacts", "contacts-1"]
    assert rendered.abbreviations == {"SENCO": "special educational needs co-ordinator"}


@pytest.mark.parametrize("text, wrapped", [
    ("Ask the SEN team.", ["SEN"]),
    ("Ask the SENCO.", ["SENCO"]),  # the longest term, not SEN inside it
    ("SEND and SEN", ["SEND", "SEN"]),
    ("(SEN)", ["SEN"]),
    ("SENs, non-SEN, xSEN, SEN-related, SEN2", []),  # parts of other words
    ("Q&A: P.E. in Year 7", ["P.E."]),  # a term with a full stop in it
])
def test_glossary_terms_are_explained_only_as_whole_words(text: str, wrapped: list[str]) -> None:
    renderer = MarkdownRenderer({"SEN": "special educational needs", "SENCO": "co-ordinator",
                                 "SEND": "SEN and disabilities", "P.E.": "physical education"})
    html = renderer.render(text).html
    assert re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', html) == wrapped


def test_loading_in_workers_gives_the_same_site(borough: Borough, tmp_path: Path) -> None:
    from localoffer.site import parallel
    from localoffer.synthetic import write_borough

    write_borough(borough, tmp_path, 5, date(2026, 11, 28), words_per_answer=20)
    local = Borough(**{**borough.__dict__, "root": tmp_path})
    serial, serial_bodies = parallel.load_and_render(local, date(2026, 11, 28), True, workers=0)
    shared, shared_bodies = parallel.load_and_render(local, date(2026, 11, 28), True, workers=2)
    assert [item.slug for item in shared.offers] == [item.slug for item in serial.offers]
    assert len(shared.offers) == 5 and shared.errors == serial.errors
    assert shared_bodies == serial_bodies and len(shared_bodies) == 5
    assert shared.offers[2].offer.areas_covered == serial.offers[2].offer.areas_covered


def test_workers_write_the_search_copies_of_published_offers(borough: Borough,
                                                             tmp_path: Path) -> None:
    from localoffer.site import parallel
    from localoffer.site.builder import SiteOptions, offer_page_context
    from localoffer.site.search import SearchCopies
    from localoffer.synthetic import write_borough

    offers = write_borough(borough, tmp_path, 5, date(2026, 11, 28), words_per_answer=20)
    draft = offers[1].read_text(encoding="utf-8").replace("status: published", "status: draft")
    offers[1].write_text(draft, encoding="utf-8")
    local = Borough(**{**borough.__dict__, "root": tmp_path})
    context = offer_page_context(local, SiteOptions())
    copies = {}
    for workers in (0, 2):
        folder = tmp_path / f"copies-{workers}"
        parallel.load_and_render(local, date(2026, 11, 28), False, workers=workers,
                                 search_copies=SearchCopies(folder, context))
        # Each in the unsorted folder (sorted into shards once every town is known, in
        # search_shards.py): setting-00001 is the draft.
        copies[workers] = {path.parent.name: path.read_text(encoding="utf-8")
                           for path in folder.glob("unsorted/settings/*/index.html")}
    assert copies[2] == copies[0]
    assert sorted(copies[2]) == sorted(path.parent.name for path in offers
                                       if path != offers[1])
    assert all("data-pagefind-body" in html and "<nav" not in html
               for html in copies[2].values())


def test_search_copies_go_to_shared_memory_only_when_it_has_room() -> None:
    from localoffer.site.search import SHARED_MEMORY, scratch_folder

    assert scratch_folder(10 ** 18) is None
    assert scratch_folder(0) == (str(SHARED_MEMORY) if SHARED_MEMORY.is_dir() else None)


def test_a_large_boroughs_booklet_page_lists_the_type_booklets(borough: Borough,
                                                                 tmp_path: Path) -> None:
    from localoffer.site.booklet import booklet_pages
    from localoffer.site.parallel import load_and_render
    from localoffer.synthetic import write_borough

    write_borough(borough, tmp_path, 12, date(2026, 11, 28), words_per_answer=10)
    local = Borough(**{**borough.__dict__, "root": tmp_path})
    catalogue, bodies = load_and_render(local, date(2026, 11, 28), False, workers=0)
    small = {page.url: page for page in booklet_pages(catalogue, bodies, size=100)}
    assert all(f'id="{item.slug}"' in small["booklet/"].html for item in catalogue.offers)
    large = {page.url: page for page in booklet_pages(catalogue, bodies, size=1)}
    assert "lo-booklet-offer" not in large["booklet/"].html
    types = {item.facts.type_id for item in catalogue.offers}
    assert all(f'href="{kind}/"' in large["booklet/"].html for kind in types)
    in_parts = [page for url, page in large.items() if url != "booklet/"]
    assert sum(page.html.count('class="lo-booklet-offer"') for page in in_parts) == 12


_PAGES = ["", "settings/", "settings/oak/", "find/age/3/", "find/age/", "booklet/part-2/"]


@pytest.mark.parametrize("from_url", _PAGES)
def test_relative_links_agree_with_posixpath(from_url: str) -> None:
    import posixpath

    for to_url in [*_PAGES, "settings/oak/#admissions", "offers.json", "assets/a/b.css"]:
        target = to_url.partition("#")[0]
        expected = posixpath.relpath(target or ".", from_url or ".")
        expected = "./" if expected == "." else expected + ("/" if target.endswith("/") or not target else "")
        assert relative_url(from_url, to_url).partition("#")[0] == expected, to_url


def test_links_between_offers_reach_their_pages_from_a_page_a_folder_deeper() -> None:
    # A translation's page (settings/<slug>/<lang>/) is one folder below the English page.
    text = "[Beacon Hill](../beacon-hill-school/offer.md#contact) and [us][own]\n\n[own]: offer.md\n"
    english = MarkdownRenderer({}).render(text).html
    translated = MarkdownRenderer({}).render(text, depth=1).html
    assert 'href="../beacon-hill-school/#contact"' in english and 'href="./"' in english
    assert 'href="../../beacon-hill-school/#contact"' in translated
    assert 'href=".././"' in translated
