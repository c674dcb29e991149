"""Front-matter: are the setting's details all there, and written so they can be used?

Driven by the key definitions in model/schema.py, the same ones `localoffer schema` prints.
"""
from __future__ import annotations

import difflib
import json
from typing import Any, Iterator

from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer
from localoffer.model.schema import FRONT_MATTER_FIELDS, Field, is_blank, value_problem

RULES = {
    "front-matter/missing-field": "A key the offer must have is missing or empty.",
    "front-matter/bad-value": "A key's value has the wrong type or format (type, URN/UKPRN, "
                              "age range, postcode, email, phone, website, date, status, lists).",
    "front-matter/unknown-field": "A key that is not part of an offer, often a typo (a warning).",
}


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    if offer.front_matter is None:
        return
    kind = context.borough.setting_types.get(offer.setting_type or "")
    urn_kind = kind.urn_kind if kind is not None else None
    yield from _check_mapping(offer, context, offer.front_matter.data, FRONT_MATTER_FIELDS,
                              (), urn_kind, kind.label if kind is not None else None)


def _check_mapping(offer: Offer, context: CheckContext, data: dict[Any, Any],
                   fields: dict[str, Field], parents: tuple[str, ...], urn_kind: str | None,
                   type_label: str | None) -> Iterator[Finding]:
    for key, field in fields.items():
        where = (*parents, key)
        name = ".".join(where)
        if key not in data or is_blank(data[key]):
            if field.is_required(urn_kind):
                yield _missing(offer, field, where, key in data, type_label)
            continue
        value = data[key]
        problem = value_problem(field, value, context.borough, urn_kind)
        if problem is not None:
            yield error(offer, offer.line_of(*where), "front-matter/bad-value",
                        f"{name}: {problem}")
        elif field.fields:
            yield from _check_mapping(offer, context, value, field.subfields, where, urn_kind,
                                      type_label)
    for key in data:
        if key not in fields:
            yield _unknown(offer, key, fields, parents)


def _missing(offer: Offer, field: Field, where: tuple[str, ...], present: bool,
             type_label: str | None) -> Finding:
    name = ".".join(where)
    if present:
        line = offer.line_of(*where)
        opening = f"{name} is empty."
    else:
        # Point at the parent key, or at the closing '---' where a new key would go.
        line = offer.line_of(*where[:-1]) if len(where) > 1 else offer.front_matter.close_line
        opening = f"The front-matter has no {name}."
    why = f" A {type_label.lower()} needs it." if field.required_for and type_label else ""
    under = f" (indented under {where[-2]}:)" if len(where) > 1 else ""
    return error(offer, line, "front-matter/missing-field",
                 f"{opening}{why} {field.description} Add it{under}, for example: "
                 f"{_example(field)}", key=name)


def _example(field: Field) -> str:
    if field.fields:
        inner = ", ".join(f"{sub.key}: {sub.example}" for sub in field.fields if sub.required)
        return f"'{field.key}:' and below it, indented by two spaces, {inner}"
    value = field.example
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, list):
        shown = json.dumps(value, ensure_ascii=False)
    elif field.kind in ("urn", "ukprn", "age_range"):
        shown = f'"{value}"'
    else:
        shown = str(value)
    return f"{field.key}: {shown}"


def _unknown(offer: Offer, key: Any, fields: dict[str, Field],
             parents: tuple[str, ...]) -> Finding:
    shown = ".".join((*parents, str(key)))
    nearest = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
    if nearest:
        advice = f"Did you mean {'.'.join((*parents, nearest[0]))}? Correct the spelling."
    else:
        advice = f"Remove it, or use one of the known keys: {', '.join(fields)}."
    return warning(offer, offer.line_of(*parents, key), "front-matter/unknown-field",
                   f"'{shown}' is not one of an offer's details, so it is ignored. {advice}")
