"""The lines Git writes into a file when two changes to the same lines meet (a merge conflict).

    <<<<<<< HEAD            where the conflict starts (with the name of one side)
    ||||||| base            the original lines, when Git is set to show them
    =======                 between the two sides
    >>>>>>> origin/main     where it ends (with the name of the other side)

A `=======` line on its own is also Markdown's underline for a heading, so it counts only
between a start and an end.
"""
from __future__ import annotations

_START, _ORIGINAL, _MIDDLE, _END = "<" * 7, "|" * 7, "=" * 7, ">" * 7


def _is_marker(line: str, marker: str) -> bool:
    return line == marker or line.startswith(marker + " ")


def conflict_marker_lines(text: str) -> list[int]:
    """The numbers (from 1) of the lines of `text` that are conflict markers."""
    found: list[int] = []
    if _START not in text and _END not in text:  # most files: no line need be looked at
        return found
    inside = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line[:1] not in "<|=>" or not line:
            continue
        line = line.rstrip("\r")
        if _is_marker(line, _START):
            inside = True
        elif _is_marker(line, _END):
            inside = False
        elif not (inside and (line == _MIDDLE or _is_marker(line, _ORIGINAL))):
            continue
        found.append(number)
    return found
