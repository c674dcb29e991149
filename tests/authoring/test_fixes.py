"""Safe fixes, one kind at a time, on real offer text."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from localoffer.authoring.fixes import _keeps_everything, _round_trip, fix_text, uk_date
from localoffer.borough import Borough
from localoffer.model import Offer, parse_offer
from localoffer.synthetic import synthetic_offer, synthetic_setting

FRONT = """---
name: Oakfield Primary
type: primary
urn: "123456"
question_set: se7-parent
---
"""


def _body_sections(borough: Borough) -> str:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    return "".join(f"\n## {q.text}\n\nOur answer.\n" for q in questions)


def _parse(text: str, borough: Borough) -> Offer:
    return parse_offer(text.encode(), borough, Offer(Path("offer.md"), "offer.md", "x"))


@pytest.mark.parametrize("written, meant", [
    ("12/09/2026", date(2026, 9, 12)),
    ("1/9/2026", date(2026, 9, 1)),
    ("12-09-2026", date(2026, 9, 12)),
    ("12.09.2026", date(2026, 9, 12)),
    ("12 September 2026", date(2026, 9, 12)),
    ("12 Sept 2026", date(2026, 9, 12)),
    ("12th Sep 2026", date(2026, 9, 12)),
    ("1st september, 2027", date(2027, 9, 1)),
    ("Saturday 12 September 2026", date(2026, 9, 12)),
    ("Sat, 12 Sep 2026", date(2026, 9, 12)),
    (" 2026-09-12 ", date(2026, 9, 12)),
])
def test_uk_dates_are_read_day_first(written: str, meant: date) -> None:
    assert uk_date(written) == meant


@pytest.mark.parametrize("written", [
    "12/09/26",                    # a two-digit year could be 1926
    "31/02/2026",                  # not a real date
    "September 12, 2026",          # not the UK way round
    "2026/09/12",
    "Monday 12 September 2026",    # 12 September 2026 is a Saturday: which is meant?
    "12 Septembre 2026",
    "next September",
    "",
])
def test_anything_that_needs_a_guess_is_not_a_date(written: str) -> None:
    assert uk_date(written) is None


def test_dates_keys_and_quotes_are_fixed_keeping_comments(borough: Borough) -> None:
    text = """---
# Checked by the SENCO
type: primary   # a maintained school
name: Oakfield Primary
senco:
  email: senco@oakfield.example
  name: Mrs Asha Patel  # since 2024
urn: 012345
phone: 01614960000
last_reviewed: 12/09/2026
next_review: "1st September 2027"  # agreed by governors
---
""" + _body_sections(borough)
    result = fix_text(text, borough)
    front = result.text.split("\n---\n")[0]
    assert front == """---
# Checked by the SENCO
name: Oakfield Primary
type: primary   # a maintained school
urn: "012345"
phone: "01614960000"
senco:
  name: Mrs Asha Patel  # since 2024
  email: senco@oakfield.example
last_reviewed: 2026-09-12
next_review: 2027-09-01            # agreed by governors"""  # the comment keeps its column
    assert result.changes == [
        "wrote last_reviewed as 2026-09-12 (it was '12/09/2026')",
        "wrote next_review as 2027-09-01 (it was '1st September 2027')",
        'put urn in quotes, so it is read as text: "012345"',
        'put phone in quotes, so it is read as text: "01614960000"',
        "put the front-matter keys in the usual order",
        "put the keys under senco in the usual order",
    ]
    offer = _parse(result.text, borough)
    assert offer.get("urn") == "012345" and offer.last_reviewed == date(2026, 9, 12)


def test_a_comment_line_stays_above_the_key_it_is_about(borough: Borough) -> None:
    text = ("---\nward: Central  # the council ward\n# Our SENCO since 2024\n\nsenco:\n"
            "  email: a@b.example  # shared inbox\n  # the person to ask for\n  name: Mrs A\n"
            "name: X\n# the kind of setting\ntype: primary\n---\n" + _body_sections(borough))
    front = fix_text(text, borough).text.split("\n---\n")[0]
    assert front == ("---\nname: X\n# the kind of setting\ntype: primary\n"
                     "ward: Central  # the council ward\n# Our SENCO since 2024\n\nsenco:\n"
                     "  # the person to ask for\n  name: Mrs A\n  email: a@b.example  # shared inbox")


def test_unknown_keys_follow_the_known_ones_in_their_own_order(borough: Borough) -> None:
    text = "---\nzebra: 1\nname: X\nalpha: 2\ntype: primary\n---\n" + _body_sections(borough)
    front = fix_text(text, borough).text.split("\n---\n")[0]
    assert front == "---\nname: X\ntype: primary\nzebra: 1\nalpha: 2"


def test_the_authors_indentation_is_kept(borough: Borough) -> None:
    text = ("---\ntype: primary\nname: X\nsenco:\n    email: a@b.example\n    name: Y\n"
            "maintainers:\n  - \"@a/b\"\n  - '@c/d'\n---\n" + _body_sections(borough))
    front = fix_text(text, borough).text.split("\n---\n")[0]
    assert front == ("---\nname: X\ntype: primary\nsenco:\n    name: Y\n    email: a@b.example\n"
                     "maintainers:\n  - \"@a/b\"\n  - '@c/d'")


def test_a_clean_offer_is_left_byte_for_byte(borough: Borough) -> None:
    setting = synthetic_setting(borough, 3, date(2026, 11, 28))
    text = synthetic_offer(borough, setting, words_per_answer=40)
    result = fix_text(text, borough)
    assert not result.changed and result.text == text


def test_trailing_whitespace_goes_but_a_markdown_line_break_stays(borough: Borough) -> None:
    text = FRONT + _body_sections(borough) + ("\nFirst line  \nsecond line   \n\n"
                                              "Last words.\t \n\n\n")
    result = fix_text(text, borough)
    assert result.text.endswith("\nFirst line  \nsecond line\n\nLast words.\n")
    assert result.changes == ["removed spaces at the ends of lines and blank lines at the end"]


def test_spaces_before_a_heading_break_no_line_and_go(borough: Borough) -> None:
    # Found by fuzzing: kept as a line break, they stayed until `fix` put a missing section
    # after them, and a second `fix` then removed them.
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    text = (FRONT + f"\n## {questions[0].text}\n\nOur answer.\n[a](b)    \n"
            f"## {questions[2].text}\n\nMore.\n")
    once = fix_text(text, borough)
    assert "\n[a](b)\n" in once.text
    assert not fix_text(once.text, borough).changed


def test_windows_line_endings_and_a_byte_order_mark_are_kept(borough: Borough) -> None:
    text = "\ufeff" + (FRONT + "\nHello.  \n" + _body_sections(borough)).replace("\n", "\r\n")
    result = fix_text(text, borough)
    assert result.text.startswith("\ufeff---\r\nname:")
    assert "\nHello.\r\n" in result.text and "\n" not in result.text.replace("\r\n", "")


def test_missing_sections_are_added_in_question_set_order(borough: Borough) -> None:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    kept = [q for index, q in enumerate(questions) if index not in (0, 5, len(questions) - 1)]
    body = "".join(f"\n## {q.text}\n\nOur answer to {q.id}.\n" for q in kept)
    result = fix_text(FRONT + body, borough)
    offer = _parse(result.text, borough)
    assert [section.question for section in offer.sections] == questions
    added = [section for section in offer.sections if not section.text.strip()]
    assert [section.question for section in added] == [questions[0], questions[5], questions[-1]]
    # The answers are untouched, and each new section carries its prompts as a comment.
    for question in kept:
        assert f"## {question.text}\n\nOur answer to {question.id}.\n" in result.text
    assert all(f"- {prompt}" in "\n".join(added[0].lines) for prompt in questions[0].prompts)
    assert sum("added an empty section" in change for change in result.changes) == 3
    assert fix_text(result.text, borough).text == result.text


def test_an_area_given_by_attribute_counts_as_present(borough: Borough) -> None:
    questions = borough.question_sets["se7-parent"].questions_for("primary")
    body = "".join(f"\n## {q.text}\n\nAnswer.\n" for q in questions if q.area != "complaints")
    body += "\n## If you are unhappy {#complaints}\n\nTalk to us.\n"
    assert not fix_text(FRONT + body, borough).changed


def test_without_a_known_type_no_sections_are_guessed(borough: Borough) -> None:
    text = "---\nname: X\ntype: nursery-ish\n---\n\n## Hello\n\nWords.\n"
    assert not fix_text(text, borough).changed
    text = "---\nname: X\ntype: primary\nquestion_set: made-up\n---\n\n## Hello\n\nWords.\n"
    assert not fix_text(text, borough).changed


def test_broken_front_matter_is_left_alone_but_spaces_are_fixed(borough: Borough) -> None:
    text = "---\nname: [unclosed\ntype: primary\n---\n\nWords.   \n"
    result = fix_text(text, borough)
    assert result.text == "---\nname: [unclosed\ntype: primary\n---\n\nWords.\n"


def test_a_rewrite_that_loses_a_comment_is_refused() -> None:
    """The guard every front-matter rewrite passes before it is used."""
    before = "type: primary  # kept?\nname: X\n"
    yaml = _round_trip()
    assert _keeps_everything(before, "name: X\ntype: primary  # kept?\n", yaml)
    assert not _keeps_everything(before, "name: X\ntype: primary\n", yaml)
    assert not _keeps_everything(before, "name: X\ntype: secondary  # kept?\n", yaml)
    assert not _keeps_everything(before, "name: X\n", yaml)


def test_values_and_comments_read_back_the_same(borough: Borough) -> None:
    text = ("---\ntype: primary\nname: 'Oak: Field'  # quoted\nlanguages: [English, Urdu]\n"
            "age_range: {from: 2, to: 11}\nward: &w Central\ntown: *w\n---\n"
            + _body_sections(borough))
    result = fix_text(text, borough)
    safe = YAML(typ="safe")
    before, after = (safe.load(t.split("---\n")[1]) for t in (text, result.text))
    assert before == after and "'Oak: Field'  # quoted" in result.text
