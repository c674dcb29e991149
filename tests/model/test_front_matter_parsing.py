"""Splitting and parsing the front-matter, with the file line of every key."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from localoffer.model.frontmatter import (
    FrontMatterError,
    as_date,
    parse_front_matter,
    split_front_matter,
)

TEXT = """---
name: Oakfield Primary School
type: primary
senco:
  name: Mr Imran Shah
  email: senco@oakfield.example
maintainers:
  - "@calderbrook/oakfield"
  - "@calderbrook/send-team"
last_reviewed: 2026-09-17
---
Welcome.
"""


def test_every_key_knows_its_file_line() -> None:
    front_matter, body_start = parse_front_matter(TEXT)
    assert front_matter.line_of("name") == 2
    assert front_matter.line_of("type") == 3
    assert front_matter.line_of("senco") == 4
    assert front_matter.line_of("senco", "email") == 6
    assert front_matter.line_of("maintainers", 1) == 9
    assert front_matter.close_line == 11 and body_start == 12


def test_an_absent_key_points_at_the_nearest_line_that_exists() -> None:
    front_matter, _ = parse_front_matter(TEXT)
    assert front_matter.line_of("postcode") == 1
    assert front_matter.line_of("senco", "phone") == 4
    assert front_matter.line_of("name", "first") == 2  # name is text, not a mapping


def test_dates_are_dates_and_impossible_dates_stay_text() -> None:
    front_matter, _ = parse_front_matter("---\na: 2026-09-17\nb: 2027-02-30\nc: '2026-09-17'\n---\n")
    assert front_matter.get("a") == date(2026, 9, 17)
    assert front_matter.get("b") == "2027-02-30"
    assert as_date(front_matter.get("b")) is None
    assert as_date(front_matter.get("c")) == date(2026, 9, 17)
    assert as_date(datetime(2026, 9, 17, 10, 30)) == date(2026, 9, 17)
    assert as_date(20260917) is None


@pytest.mark.parametrize("text, line, words", [
    ("name: x\n---\n", 1, "must start with a front-matter block"),
    ("--- \nname: x\n", 1, "not closed"),
    ("----\nname: x\n---\n", 1, "exactly '---'"),
    ("---\nname: x\nbody", 1, "not closed"),
])
def test_a_missing_or_unclosed_block_is_an_error(text: str, line: int, words: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        split_front_matter(text)
    assert raised.value.line == line and words in raised.value.message


def test_the_block_may_close_with_three_dots() -> None:
    assert split_front_matter("---\nname: x\n...\nbody\n") == ("name: x\n", 3, 4)


@pytest.mark.parametrize("text, line, words", [
    ("---\nname: x\ntype: primary\n  bad: indent\n---\n", 4, "could not be read"),
    ("---\nname: 'unclosed\n---\n", 3, "could not be read"),
    ("---\nname: x\nname: y\n---\n", 3, "could not be read"),  # duplicate key
    ("---\n\n---\n", 1, "empty"),
    ("---\n- a\n- b\n---\n", 2, "'key: value'"),
    ("---\njust text\n---\n", 2, "'key: value'"),
    ("---\n" + "[" * 3000 + "\n---\n", 2, "brackets"),
])
def test_yaml_that_is_not_a_mapping_is_an_error_at_its_line(text: str, line: int,
                                                            words: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        parse_front_matter(text)
    assert raised.value.line == line, raised.value.message
    assert words in raised.value.message
