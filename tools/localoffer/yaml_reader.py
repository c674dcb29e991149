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

Every file read here may be hostile, so what could crash or stall a command is refused as a
YAML error at its line: a tag other than the plain types (`!!set`, `!foo`, `!!python/...`), a
tagged value that is not of its type (`!!float 'x'`, `!!map [1]`), nesting deeper than anyone
writes by hand, and aliases that refer to themselves or repeat into a huge document ("billion
laughs").
"""
from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

_MERGE_TAG = "tag:yaml.org,2002:merge"
_CORE = "tag:yaml.org,2002:"
# The only tags a value may have, written or resolved, with the kind of node each needs and
# what to call its values in a message.
_TAGS: dict[str, tuple[type[Node], str]] = {
    _CORE + "str": (ScalarNode, "text"),
    _CORE + "int": (ScalarNode, "a whole number"),
    _CORE + "float": (ScalarNode, "a number"),
    _CORE + "bool": (ScalarNode, "true or false"),
    _CORE + "null": (ScalarNode, "an empty value"),
    _CORE + "timestamp": (ScalarNode, "a date"),
    _CORE + "seq": (SequenceNode, "a list"),
    _CORE + "map": (MappingNode, "a set of 'key: value' lines"),
}
# Deeper than any front-matter or localoffer.yml written by hand; well inside both Python's
# recursion limit and libyaml's own limit (PyYAML 6.0.4 stops at 1,000 levels).
MAX_NESTING = 64
# How many more values aliases may add to a document by repeating parts of it.
MAX_ALIAS_EXPANSION = 10_000
# PyYAML's wheels include libyaml; a build without it still works, only slower.
_EventSource = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(ConstructorError):
    """A key given twice in one mapping; `first_line` is the 0-based line of the first."""

    def __init__(self, key: str, node: Node, first: Node) -> None:
        super().__init__("while reading a mapping", node.start_mark,
                         f'found duplicate key "{key}"', node.start_mark)
        self.key = key
        self.first_line = first.start_mark.line


class NestingError(ComposerError):
    """Lists or mappings inside each other deeper than MAX_NESTING."""

    def __init__(self, mark: Mark | None) -> None:
        super().__init__(None, None, "too many brackets or dashes inside each other", mark)


class AliasError(ComposerError):
    """An alias that refers to the value it is in, or aliases that repeat too much."""


class UnusableCharacterError(yaml.MarkedYAMLError):
    """A character YAML does not allow (a control character, U+FFFE): PyYAML's ReaderError
    gives only an offset and a two-line message, this gives its line."""

    def __init__(self, text: str, error: yaml.reader.ReaderError) -> None:
        position = min(max(error.position, 0), len(text))
        line = text.count("\n", 0, position)
        column = position - (text.rfind("\n", 0, position) + 1)
        character = error.character
        code = character if isinstance(character, int) else ord(character[:1] or "\0")
        super().__init__(None, None, f"a character that cannot be used in it, U+{code:04X}: "
                         "delete it", Mark("<file>", position, line, column, None, None))


def is_nesting_error(error: yaml.YAMLError) -> bool:
    """Our NestingError, or the same limit met first inside libyaml (PyYAML 6.0.4 and later)."""
    return isinstance(error, NestingError) or "nesting depth" in str(error)


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
    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node.tag == _MERGE_TAG and isinstance(node, ScalarNode):
            return self.construct_scalar(node)  # a value "<<" outside a merge is text
        expected = _TAGS.get(node.tag)
        if expected is None:
            raise ConstructorError(None, None, f"the tag '{_short(node.tag)}' cannot be used "
                                   "here: remove it", node.start_mark)
        kind, name = expected
        if not isinstance(node, kind):
            raise ConstructorError(None, None, f"a value tagged '{_short(node.tag)}' must be "
                                   f"{name}: remove the tag", node.start_mark)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            shown = str(node.value)[:40] if isinstance(node, ScalarNode) else ""
            raise ConstructorError(None, None, f"'{shown}' cannot be read as {name}",
                                   node.start_mark) from error

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


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


class _Reader(Composer, _Constructor, _CoreSchemaResolver):
    def __init__(self, text: str) -> None:
        self._events = _EventSource(text)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _CoreSchemaResolver.__init__(self)
        self._depth = 0
        self.has_aliases = False

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            self.has_aliases = True
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise NestingError(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

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
    try:
        reader = _Reader(text)
        try:
            node = reader.get_single_node()
            if node is None:
                return None, {}
            if reader.has_aliases:
                _check_alias_expansion(node)
            return reader.construct_document(node), _key_lines(node, {}) or {}
        finally:
            reader.dispose()
    except yaml.reader.ReaderError as error:
        raise UnusableCharacterError(text, error) from None


class _PackagedReader(_EventSource, _Constructor, _CoreSchemaResolver):  # type: ignore[misc, valid-type]
    """libyaml's parser and composer with our constructor and resolver: the same values as
    `read_yaml`, about three times faster, for our own files only (it trusts the nesting)."""

    def __init__(self, text: str) -> None:
        _EventSource.__init__(self, text)
        _Constructor.__init__(self)
        _CoreSchemaResolver.__init__(self)


def read_packaged_yaml(text: str) -> Any:
    """The value of a YAML file that ships inside localoffer (data/), read as `read_yaml`
    reads it but without its line numbers or its guards against hostile files: every command
    reads these files first, and the pre-commit hook pays for it on every commit."""
    reader = _PackagedReader(text)
    try:
        return reader.get_single_data()
    finally:
        reader.dispose()


def key_lines(text: str) -> KeyLines:
    """The line of every key in a document whose values are not read (so any tag will do,
    as in mkdocs.yml). Raises yaml.YAMLError when it is not valid YAML."""
    reader = _Reader(text)
    try:
        node = reader.get_single_node()
        return (_key_lines(node, {}) or {}) if node is not None else {}
    finally:
        reader.dispose()


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, SequenceNode) else []


def _check_alias_expansion(root: Node) -> None:
    """Refuse a document whose aliases refer to the value they are in, or that would grow by
    more than MAX_ALIAS_EXPANSION values if every alias were written out."""
    size: dict[int, int] = {}  # of each node written out, aliases and all
    in_progress: set[int] = set()  # the nodes whose children are being counted: the path
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, counted = stack.pop()
        if counted:
            in_progress.discard(id(node))
            size[id(node)] = 1 + sum(size[id(child)] for child in _children(node))
            continue
        if id(node) in size:
            continue
        if id(node) in in_progress:
            raise AliasError(None, None, "an alias (*name) refers to the value it is in",
                             node.start_mark)
        in_progress.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    if size[id(root)] - len(size) > MAX_ALIAS_EXPANSION:
        raise AliasError(None, None, "the aliases (*name) repeat so much that the file would "
                         f"hold {size[id(root)]:,} values: write the values out instead",
                         root.start_mark)


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
