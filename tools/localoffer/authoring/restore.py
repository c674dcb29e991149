"""Put back what the web editor drops when it saves an offer, from an earlier version of it.

Decap CMS (localoffer cms) reads the front-matter into plain values and writes it out again:
comments are lost, one-line lists become one item to a line, quotes change, keys it does not
know move to the end. Given the version before the edit (the one on main), every value the
editor did not change is written back exactly as it was, with its comments; changed and new
values are kept as the editor saved them, and removed keys stay removed. The body is not
touched (the editor writes it as typed).

Nothing is restored unless the result reads back as the same values the editor saved.
"""
from __future__ import annotations

import io
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from localoffer.authoring.fixes import _guess_indent, _round_trip
from localoffer.model.frontmatter import FrontMatterError, split_front_matter


def restore_front_matter(saved: str, earlier: str) -> str | None:
    """`saved` with the comments and layout of `earlier` restored for every unchanged value;
    None when there is nothing to restore or it cannot be done safely."""
    try:
        saved_yaml, _close, body_start = split_front_matter(saved)
        earlier_yaml, _close, _start = split_front_matter(earlier)
        new = _round_trip().load(saved_yaml)
        old = _round_trip().load(earlier_yaml)
    except (FrontMatterError, YAMLError, ValueError, OverflowError, RecursionError):
        return None
    if not isinstance(new, CommentedMap) or not isinstance(old, CommentedMap):
        return None
    wanted = plain(new)
    merged = _merge(old, new)
    out = io.StringIO()
    # The author's indentation, and the editor's for lists the author wrote on one line.
    yaml = _round_trip(_guess_indent(earlier_yaml.split("\n") + saved_yaml.split("\n")))
    yaml.dump(merged, out)
    restored_yaml = out.getvalue()
    try:
        if plain(_round_trip().load(restored_yaml)) != wanted:
            return None
    except YAMLError:
        return None
    lines = saved.split("\n")
    text = "\n".join(["---", *restored_yaml.rstrip("\n").split("\n"), lines[body_start - 2],
                      *lines[body_start - 1:]])
    return None if text == saved else text


def _merge(old: CommentedMap, new: CommentedMap) -> CommentedMap:
    for key in [key for key in old if key not in new]:
        del old[key]
    for key, value in new.items():
        if key in old and isinstance(old[key], CommentedMap) and isinstance(value, CommentedMap):
            _merge(old[key], value)
        elif key not in old or plain(old[key]) != plain(value):
            old[key] = value
    return old


def plain(value: Any) -> Any:
    """A front-matter value as plain data: mappings compared without their order."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
