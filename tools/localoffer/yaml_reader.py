"""Read front-matter YAML fast, the way `localoffer fix` (ruamel.yaml, YAML 1.2) reads it.

The one YAML reader of offers (model/) and of localoffer.yml (borough/): it sits below both,
so that neither needs the other to read a file.

ruamel.yaml's round-trip loader keeps comments for rewriting files, but it is pure Python and
was half the time of a check. Reading only needs values and lines, so this reader takes
events from libyaml's C parser and builds nodes with PyYAML's Python composer. The composer
is Python on purpose: libyaml's own composer recurses in C, and a line of 100,000 brackets
crashes the process, where Python's recursion limit gives an error we can report.

Scalars resolve by the YAML 1.2 core schema, as ruamel.yaml does: "no", "on" and "yes" stay
text, 0161 is the number 161, and 1:20 is text.
"""
from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

_MERGE_TAG = "tag:yaml.org,2002:merge"
# PyYAML's wheels include libyaml; a build without it still works, only slower.
_EventSource = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(ConstructorError):
    """A key given twice in one mapping; `first_line` is the 0-based line of the first."""

    def __init__(self, key: str, node: Node, first: Node) -> None:
        super().__init__("while reading a mapping", node.start_mark,
                         f'found duplicate key "{key}"', node.start_mark)
        self.key = key
        self.first_line = first.start_mark.line


class _CoreSchemaResolver(Resolver):
    pass


_CoreSchemaResolver.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("float", r"""[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                 |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
                 |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
                 |[-+]?\.(?:inf|Inf|INF)
                 |\.(?:nan|NaN|NAN)""", "-+0123456789."),
    ("int", r"""[-+]?0b[0-1_]+
               |[-+]?0o[0-7_]+
               |[-+]?[0-9_]+
               |[-+]?0x[0-9a-fA-F_]+""", "-+0123456789"),
    ("merge", r"<<", "<"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("timestamp", r"""[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                     |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
                      (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
                      (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?""", "0123456789"),
):
    _CoreSchemaResolver.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$", re.X), list(_first))


class _Constructor(SafeConstructor):
    def construct_yaml_int(self, node: ScalarNode) -> int:
        """YAML 1.2 integers: a leading 0 is decimal (0161 is 161), never octal."""
        text = str(self.construct_scalar(node)).replace("_", "")
        sign = -1 if text.startswith("-") else 1
        text = text.lstrip("+-")
        for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
            if text.startswith(prefix):
                return sign * int(text[2:], base)
        return sign * int(text)

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        """A date that does not exist (2027-02-30) stays text, for the checks to report at its
        line, instead of stopping the whole front-matter."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        first_of: dict[tuple[str, str], Node] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE_TAG:
                identity = (key_node.tag, key_node.value)
                if identity in first_of:
                    raise DuplicateKeyError(key_node.value, key_node, first_of[identity])
                first_of[identity] = key_node
        return super().construct_mapping(node, deep=deep)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp",
                             _Constructor.construct_yaml_timestamp)


class _Reader(Composer, _Constructor, _CoreSchemaResolver):
    def __init__(self, text: str) -> None:
        self._events = _EventSource(text)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _CoreSchemaResolver.__init__(self)

    def check_event(self, *choices: Any) -> bool:
        return self._events.check_event(*choices)

    def peek_event(self) -> Any:
        return self._events.peek_event()

    def get_event(self) -> Any:
        return self._events.get_event()

    def dispose(self) -> None:
        self._events.dispose()


# Where each key (or list item) of a mapping (or list) is: its 0-based line, and the same for
# what it holds (None for a plain value).
KeyLines = dict[Any, tuple[int, "KeyLines | None"]]


def read_yaml(text: str) -> tuple[Any, KeyLines]:
    """The document's value (None when it is empty) and the line of every key in it.
    Raises yaml.MarkedYAMLError (or DuplicateKeyError) when it is not valid."""
    reader = _Reader(text)
    try:
        node = reader.get_single_node()
        if node is None:
            return None, {}
        return reader.construct_document(node), _key_lines(node, {}) or {}
    finally:
        reader.dispose()


def _key_lines(node: Node, done: dict[int, KeyLines | None]) -> KeyLines | None:
    # `done` shares the index of a node reached twice (through an anchor and alias), so
    # aliases nested many times over cannot make this walk long.
    if id(node) in done:
        return done[id(node)]
    lines: KeyLines | None = None
    if isinstance(node, MappingNode):
        done[id(node)] = lines = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value not in lines:
                lines[key_node.value] = (key_node.start_mark.line, _key_lines(value_node, done))
    elif isinstance(node, SequenceNode):
        done[id(node)] = lines = {}
        for position, item in enumerate(node.value):
            lines[position] = (item.start_mark.line, _key_lines(item, done))
    return lines


def line_of_key(lines: KeyLines, keys: tuple[str | int, ...]) -> int | None:
    """The 0-based line of the deepest of `keys` (a path of mapping keys and list positions)
    that is there, or None when not even the first is."""
    line = None
    level: KeyLines | None = lines
    for key in keys:
        # A list's items are found by position; a mapping's keys by their text.
        found = level.get(key) or level.get(str(key)) if level is not None else None
        if found is None:
            break
        line, level = found
    return line
