"""load_offer: reading a file, splitting it into answers and mapping them to areas."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from localoffer.borough import Borough

FRONT = """---
name: Oakfield Primary School
type: primary
status: published
last_reviewed: 2026-09-17
next_review: "2027-09-01"
maintainers: "@calderbrook/oakfield"
---
"""
STAFF = "How will staff support my child?"


def write(tmp_path: Path, text: str | bytes, slug: str = "oakfield") -> Path:
    path = tmp_path / "offers" / slug / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


@pytest.fixture
def load(tmp_path: Path, demo_borough: Borough):
    from localoffer.model import load_offer

    def load(text: str | bytes, **kwargs):
        return load_offer(write(tmp_path, text, **kwargs), demo_borough)
    return load


def test_front_matter_is_read_the_same_way_everywhere(load) -> None:
    offer = load(FRONT + "Hello.\n")
    assert offer.readable and offer.problems == []
    assert (offer.name, offer.setting_type, offer.status, offer.is_draft) == (
        "Oakfield Primary School", "primary", "published", False)
    assert offer.last_reviewed == date(2026, 9, 17) and offer.next_review == date(2027, 9, 1)
    assert offer.maintainers == ["@calderbrook/oakfield"]
    assert offer.slug == "oakfield" and offer.line_of("status") == 4


def test_missing_details_fall_back_safely(load) -> None:
    offer = load("---\nname: '  '\ntype: [primary]\n---\n")
    assert offer.name == "oakfield"  # the folder name
    assert offer.setting_type is None and offer.status == "draft" and offer.is_draft
    assert offer.maintainers == [] and offer.next_review is None


def test_the_body_is_split_into_an_introduction_and_answers(load) -> None:
    text = FRONT + f"Welcome.\n\n# Our offer\n\n## {STAFF}\n\nWe help.\n\n## Who can I contact for further information?\n\nThe office.\n"
    offer = load(text)
    assert offer.intro == ["Welcome.", "", "# Our offer", ""]
    assert [(s.heading, s.line) for s in offer.sections] == [
        (STAFF, 13), ("Who can I contact for further information?", 17)]
    assert offer.sections[0].text.strip() == "We help." and offer.sections[0].word_count == 2
    assert offer.sections[1].numbered_lines()[:2] == [(18, ""), (19, "The office.")]


def test_headings_in_code_are_not_answers(load) -> None:
    offer = load(FRONT + f"```\n## {STAFF}\n```\n\n    ## {STAFF}\n")
    assert offer.sections == []


@pytest.mark.parametrize("heading, question_id", [
    (STAFF, "se7p-02"),
    ("how will staff support my child", "se7p-02"),
    ("How will the staff support my child?", "se7p-02"),
    ("HOW ACCESSIBLE IS THE SCHOOL ENVIRONMENT?", "se7p-09"),
    ("How accessible is the school/college environment?", "se7p-09"),
    ("How will my child's school prepare and support my child to join the school, transfer to "
     "a new school or the next stage of education and life?", "se7p-10"),
])
def test_headings_match_their_question_loosely(load, heading: str, question_id: str) -> None:
    offer = load(FRONT + f"## {heading}\n\nAn answer.\n")
    section = offer.sections[0]
    assert section.question is not None and section.question.id == question_id
    assert section.area == section.question.area


def test_an_unrelated_heading_matches_no_question(load) -> None:
    section = load(FRONT + "## Our Lighthouse base\n\nEight places.\n").sections[0]
    assert (section.question, section.area, section.areas) == (None, None, ())


def test_an_area_attribute_maps_a_heading_to_an_area(load) -> None:
    section = load(FRONT + "## Our nurture group {#wellbeing}\n\nSmall groups.\n").sections[0]
    assert (section.heading, section.anchor, section.area, section.areas) == (
        "Our nurture group", "wellbeing", "wellbeing", ("wellbeing",))


def test_an_area_attribute_overrides_the_question(load) -> None:
    section = load(FRONT + f"## {STAFF} {{#staff-expertise}}\n\nTraining.\n").sections[0]
    assert section.question is not None and section.question.id == "se7p-02"
    assert section.areas == ("staff-expertise",)


def test_an_attribute_that_is_not_an_area_is_only_an_anchor(load) -> None:
    section = load(FRONT + "## Our base {#our-base}\n\nEight places.\n").sections[0]
    assert section.anchor == "our-base" and section.area is None


def test_a_question_covers_its_also_areas(load) -> None:
    text = FRONT + "## What support will there be for my child's overall wellbeing?\n\nLots.\n"
    offer = load(text)
    assert offer.sections[0].areas == ("wellbeing", "behaviour-and-semh", "child-voice")
    assert offer.areas_covered == {"wellbeing", "behaviour-and-semh", "child-voice"}


def test_an_empty_answer_covers_nothing(load) -> None:
    offer = load(FRONT + f"## {STAFF}\n\n<!-- Say who will support the child. -->\n")
    assert offer.sections[0].text.strip() == "" and offer.areas_covered == set()


def test_without_question_set_headings_follow_the_types_usual_set(load) -> None:
    college = FRONT.replace("type: primary", "type: fe-college")
    question = "How will the college know if I need extra help?"
    section = load(college + f"## {question}\n\nAsk us.\n").sections[0]
    assert section.question is not None and section.question.id.startswith("se7y")
    # ... and a question_set that names another set wins: its question on the same thing.
    chosen = college.replace("status:", "question_set: se7-parent\nstatus:")
    assert load(chosen + f"## {question}\n\nAsk us.\n").sections[0].question.id == "se7p-01"


def test_links_and_readable_lines_carry_file_lines(load) -> None:
    text = FRONT + "Intro with [a link](https://oak.example).\n\n```\n[code](x)\n```\n## A\n\n![pic](p.png)\n"
    offer = load(text)
    assert [(link.line, link.url) for link in offer.links] == [(9, "https://oak.example"),
                                                               (16, "p.png")]
    assert [number for number, _ in offer.readable_lines] == [9, 10, 14, 15, 16, 17]


@pytest.mark.parametrize("content, rule, line", [
    (b"---\nname: x\n---\nbinary\x00data", "file/encoding", 1),
    (b"---\nname: x\n---\nline four\ncaf\xe9\n", "file/encoding", 5),
    (b"", "front-matter/invalid", 1),
    (b"  \n\n", "front-matter/invalid", 1),
    (b"No front-matter here.\n", "front-matter/invalid", 1),
    (b"---\nname: [x\n---\n", "front-matter/invalid", 3),
])
def test_unreadable_files_become_problems_not_exceptions(load, content: bytes, rule: str,
                                                         line: int) -> None:
    offer = load(content)
    assert not offer.readable
    assert [(p.rule, p.line) for p in offer.problems] == [(rule, line)]


def test_a_file_over_the_limit_is_not_read(tmp_path: Path, demo_borough: Borough) -> None:
    from localoffer.model import load_offer
    path = write(tmp_path, FRONT + "x" * demo_borough.max_file_bytes)
    offer = load_offer(path, demo_borough)
    assert [(p.rule, p.line) for p in offer.problems] == [("file/too-large", 1)]
    assert offer.text == ""


def test_windows_line_endings_and_a_byte_order_mark_are_read(load) -> None:
    text = "\ufeff" + (FRONT + f"## {STAFF}\r\n\r\nWe help.\r\n").replace("\n", "\r\n").replace("\r\r", "\r")
    offer = load(text)
    assert offer.problems == [] and offer.name == "Oakfield Primary School"
    assert [(s.heading, s.line) for s in offer.sections] == [(STAFF, 9)]


def test_the_display_path_is_relative_to_the_borough(demo_borough: Borough, tmp_path: Path) -> None:
    from localoffer.model import load_offer
    inside = load_offer(demo_borough.offers_dir / "oakfield-primary-school" / "offer.md",
                        demo_borough)
    assert inside.display_path == "offers/oakfield-primary-school/offer.md"
    outside = load_offer(write(tmp_path, FRONT), demo_borough)
    assert outside.display_path == (tmp_path / "offers" / "oakfield" / "offer.md").as_posix()
