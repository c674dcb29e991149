"""The fast front-matter reader reads every value as ruamel.yaml (used by `fix`) does."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from localoffer.model.frontmatter import FrontMatterError, parse_front_matter, split_front_matter
from localoffer.yaml_reader import AliasError, read_packaged_yaml, read_yaml
from testpaths import REPO_ROOT

SCALARS = [
    "yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "True", "TRUE", "tRue", "false",
    "null", "Null", "NULL", "~", "", "0161 123 4567", "01611234567", "0161", "010", "08",
    "0o17", "0x1F", "0b101", "1_000", "1:20", "3.0", "3.", "1e3", "1.5e3", "+.5", ".5", "-0",
    "+12", ".inf", "-.inf", ".nan", ".NaN", "2026-09-12", "2026-9-12", "2026-09-12 10:30",
    "2026-09-12T10:30:00Z", "2026-09-12 10:30:00 +01:00", "12:30:00", "1,000", "0.5.1",
    "-_1", "'quoted yes'", '"0161"', "Mr O'Neill", "£4.50 a day", "[4, 11]", "{a: 1}",
]


def _plain(value: object) -> object:
    """ruamel's round-trip values (ScalarInt, CommentedMap, ...) as plain Python values."""
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def _ruamel(text: str) -> object:
    return _plain(YAML(typ="rt").load(text))


def _same(ours: object, theirs: object) -> bool:
    if isinstance(ours, float) and math.isnan(ours):
        return isinstance(theirs, float) and math.isnan(theirs)
    if hasattr(theirs, "tzinfo") and hasattr(ours, "tzinfo"):  # ruamel's TimeStamp
        return ours.isoformat() == theirs.isoformat()
    return type(ours) is type(theirs) and ours == theirs


@pytest.mark.parametrize("scalar", SCALARS)
def test_each_kind_of_value_reads_as_the_round_trip_reader_reads_it(scalar: str) -> None:
    text = f"key: {scalar}\n"
    ours, _ = read_yaml(text)
    theirs = _ruamel(text)
    assert _same(ours["key"], theirs["key"]), (ours, theirs)


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "offers").glob("*/offer.md")),
                         ids=lambda path: path.parent.name)
def test_the_demo_offers_read_the_same_as_with_the_round_trip_reader(path: Path) -> None:
    yaml_text = split_front_matter(path.read_text(encoding="utf-8"))[0]
    assert read_yaml(yaml_text)[0] == _ruamel(yaml_text)


def test_a_key_given_twice_names_both_lines() -> None:
    with pytest.raises(FrontMatterError) as raised:
        parse_front_matter("---\nname: x\ntype: primary\nname: y\n---\n")
    assert raised.value.line == 4
    assert "'name' is given twice (first on line 2)" in raised.value.message


@pytest.mark.parametrize("nesting", [
    "key: " + "[" * 100_000 + "]" * 100_000,
    "key: " + "{a: " * 50_000 + "1" + "}" * 50_000,
    "key:\n" + "- " * 50_000 + "x",
])
def test_deep_nesting_is_a_clear_error_not_a_crash(nesting: str) -> None:
    # libyaml's own composer recurses in C and would end the process here.
    with pytest.raises(FrontMatterError) as raised:
        parse_front_matter(f"---\n{nesting}\n---\n")
    assert "inside each other" in raised.value.message


def test_merge_keys_and_anchors_are_read() -> None:
    data, _ = read_yaml("base: &base {town: Calderbrook}\nsite:\n  <<: *base\n  ward: North\n")
    assert data["site"] == {"town": "Calderbrook", "ward": "North"}


def test_aliases_nested_many_times_over_are_refused_without_expanding_them() -> None:
    # Written out, list a_n holds 2**(n+2) - 1 values, and the document 2**43 - 45 + 42 (the
    # mapping and its 41 keys): counting them must not take that many steps, and reading it
    # must not give the commands a structure that large to walk.
    levels = ["a0: &a0 [x, y]"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 41)]
    with pytest.raises(AliasError) as raised:
        read_yaml("\n".join(levels) + "\n")
    assert "the file would hold 8,796,093,022,205 values" in raised.value.problem


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "tools" / "localoffer" / "data").rglob("*.yml")),
                         ids=lambda path: path.name)
def test_packaged_files_read_the_same_with_the_fast_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    value = read_packaged_yaml(text)
    assert value, "each packaged file holds settings"
    assert value == read_yaml(text)[0]


def test_the_fast_reader_resolves_scalars_by_yaml_1_2_as_read_yaml_does() -> None:
    text = "\n".join(f"k{index}: {scalar}" for index, scalar in enumerate(SCALARS))
    assert read_packaged_yaml(text) == read_yaml(text)[0]
    assert read_packaged_yaml("a: no\nb: 0161\n") == {"a": "no", "b": 161}
