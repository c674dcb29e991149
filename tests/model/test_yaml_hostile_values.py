"""Values that once stopped every command with a traceback are errors at their line.

Explicit tags on values that are not of their type, tags that name no plain type, nesting
too deep to read, and aliases that refer to themselves or repeat into a huge document.
"""
from __future__ import annotations

import pytest

from localoffer.model.frontmatter import FrontMatterError, parse_front_matter
from localoffer.yaml_reader import read_yaml


def _error(yaml_lines: str) -> FrontMatterError:
    with pytest.raises(FrontMatterError) as raised:
        parse_front_matter(f"---\nname: Oakfield Primary School\n{yaml_lines}\n---\n")
    return raised.value


@pytest.mark.parametrize("value, words", [
    ("!!float 'x'", "'x' cannot be read as a number"),
    ("!!int 'x'", "'x' cannot be read as a whole number"),
    ("!!int " + "9" * 5000, "cannot be read as a whole number"),
    ("!!bool 'x'", "'x' cannot be read as true or false"),
    ("!!timestamp 'x'", "'x' cannot be read as a date"),
    ("!!map [1]", "a value tagged '!!map' must be a set of 'key: value' lines"),
    ("!!seq {a: 1}", "a value tagged '!!seq' must be a list"),
    ("!!str [a]", "a value tagged '!!str' must be text"),
    ("!!set [a]", "the tag '!!set' cannot be used here"),
    ("!!omap [a]", "the tag '!!omap' cannot be used here"),
    ("!!binary aGk=", "the tag '!!binary' cannot be used here"),
    ("!foo bar", "the tag '!foo' cannot be used here"),
    ("!!python/object:os.system x", "the tag '!!python/object:os.system' cannot be used here"),
])
def test_a_tagged_value_is_an_error_at_its_line(value: str, words: str) -> None:
    error = _error(f"town: Hollins\nward: {value}")
    assert error.line == 4
    assert words in error.message, error.message


def test_a_tagged_key_is_an_error_at_its_line() -> None:
    error = _error("town: Hollins\n!!float x: 1")
    assert (error.line, "'x' cannot be read as a number" in error.message) == (4, True)


def test_plain_tags_on_values_of_their_type_are_read() -> None:
    data, _ = read_yaml("a: !!str 5\nb: !!int '7'\nc: !!float 1\nd: !!bool true\n"
                        "e: !!timestamp 2027-01-02\nf: !!seq [x]\ng: !!map {x: 1}\nh: <<\n")
    assert data == {"a": "5", "b": 7, "c": 1.0, "d": True, "e": __import__("datetime").date(
        2027, 1, 2), "f": ["x"], "g": {"x": 1}, "h": "<<"}


@pytest.mark.parametrize("value", ["&a [*a]", "&a {b: *a}", "&a [x, [y, *a]]"])
def test_an_alias_inside_its_own_value_is_an_error(value: str) -> None:
    error = _error(f"ward: {value}")
    assert error.line == 3
    assert "an alias (*name) refers to the value it is in" in error.message


def test_aliases_that_repeat_into_a_huge_document_are_refused() -> None:
    # "Billion laughs": nine levels of nine aliases each. Written out, list i holds 134,521,003
    # values (1 + 9 × h, down to a: 3), and the whole mapping 151,336,139.
    levels = ['a: &a ["lol", "lol"]'] + [
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]"
        for previous, name in zip("abcdefgh", "bcdefghi")]
    error = _error("\n".join(levels))
    assert "the aliases (*name) repeat so much that the file would hold 151,336,139 values" \
        in error.message


def test_aliases_that_repeat_a_little_are_read() -> None:
    data, _ = read_yaml("a: &a [x, y]\nb: [*a, *a, *a]\n<<: {c: 1}\n")
    assert data == {"a": ["x", "y"], "b": [["x", "y"]] * 3, "c": 1}


@pytest.mark.parametrize("depth", [65, 500, 999, 1001, 5000])
@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_nesting_too_deep_has_our_message_at_every_depth(depth: int, opening: str) -> None:
    # PyYAML 6.0.4's libyaml stops at 1,000 levels with its own words; 6.0.3 and below let
    # Python's recursion limit stop it. Either way the school reads the same advice.
    error = _error("ward: " + opening * depth)
    assert error.message.startswith("The front-matter has too many brackets or dashes inside "
                                    "each other to be read."), error.message
    assert error.line == 3


def test_nesting_as_deep_as_anyone_writes_is_read() -> None:
    data, _ = read_yaml("a: " + "[" * 60 + "]" * 60 + "\n")
    depth, value = 0, data["a"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == 59  # the innermost list is empty
