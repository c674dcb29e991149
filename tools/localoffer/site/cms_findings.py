"""The findings of `localoffer check` for the offer open in the web editor, told where a school
sees them: the editor shows boxes with labels and the answers under their questions, not the
file's lines. The findings themselves come from the checks (checks/runner.check_offer), as
`localoffer check` prints them; this only adds where each one is.
"""
from __future__ import annotations

from typing import Any

from localoffer.model import Finding, Offer
from localoffer.site.cms_config import field_label
from localoffer.yaml_reader import KeyLines

ANSWERS_BOX = "Your answers"


def for_editor(findings: list[Finding], offer: Offer) -> list[dict[str, Any]]:
    """Each finding as `localoffer check --format json` gives it, with `where`: the box of the
    editor it is about, in words."""
    return [{**finding.as_dict(), "where": where(finding.line, offer, finding.key)}
            for finding in findings]


def where(line: int, offer: Offer, missing_key: str = "") -> str:
    if missing_key:  # no line holds it: the editor still has its box, empty
        return f"The box “{_label(missing_key)}”: fill it in (line {line})"
    front_matter = offer.front_matter
    if front_matter is None or line <= front_matter.close_line:
        field = _field_at(line, front_matter.key_lines, front_matter.open_line + 1, "") \
            if front_matter is not None else None
        if field is None:
            return f"The details at the top (line {line})"
        return f"The box “{_label(field)}” (line {line})"
    question = None
    for section in offer.sections:
        if section.line <= line:
            question = section.heading
    if question is None:
        return f"{ANSWERS_BOX}: the welcome, before the first question (line {line})"
    return f"{ANSWERS_BOX}: under “{question}” (line {line})"


def _field_at(line: int, keys: KeyLines | None, first_line: int, prefix: str) -> str | None:
    """The dotted key whose value holds the file's `line` (its nearest key at or above it)."""
    found: tuple[int, str, KeyLines | None] | None = None
    for key, (key_line, children) in (keys or {}).items():
        at = first_line + key_line
        if isinstance(key, str) and at <= line and (found is None or at > found[0]):
            found = (at, key, children)
    if found is None:
        return None
    at, key, children = found
    path = f"{prefix}{key}"
    deeper = _field_at(line, children, first_line, f"{path}.") if at < line else None
    return deeper or path


def _label(field: str) -> str:
    """A nested key as the editor shows it: the group's label, then the box's."""
    parts = field.split(".")
    return ": ".join(field_label(".".join(parts[:depth])) for depth in range(1, len(parts) + 1))
