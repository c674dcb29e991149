"""The front-matter of a "You said, we did" item (feedback/<name>.md): every key, what it means
and what it may hold, in one place.

Read by the checks (checks/feedback.py) and by `feedback_json_schema`, which
`localoffer schema --feedback` prints for editors and check-jsonschema. Keys and their meaning
are documented for editors in docs/contributing/you-said-we-did.md.
"""
from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from localoffer.model.feedback import STATUSES, WHOLE_LOCAL_OFFER
from localoffer.model.schema import DATE_PATTERN, Field, value_problem

if TYPE_CHECKING:
    from localoffer.borough import Borough

FEEDBACK_FIELDS: dict[str, Field] = {field.key: field for field in (
    Field("title", "text", "What the comments were about, in a few words a parent would use.",
          "Forms for travel help are hard to find", required=True),
    Field("received", "date", "When the comments were received (YYYY-MM-DD); the first day, "
          "when they came over some weeks.", "2026-03-14", required=True),
    Field("theme", "feedback_theme", "What the comments were about, from the borough's "
          "feedback_themes (localoffer.yml; `localoffer config` lists them).", "transport",
          required=True),
    Field("about", "feedback_about", f"The setting the comments were about (its folder name in "
          f"offers/), or {WHOLE_LOCAL_OFFER} for the Local Offer as a whole.", WHOLE_LOCAL_OFFER,
          required=True),
    Field("status", "feedback_status", "open (nothing done yet), in-progress, or done.",
          "in-progress", required=True),
    Field("done_on", "date", "When it was done (YYYY-MM-DD): needed once status is done.",
          "2026-06-30"),
)}


def feedback_value_problem(field: Field, value: Any, borough: Borough,
                           setting_slugs: frozenset[str]) -> str | None:
    """What is wrong with `value` for `field`, in plain English, or None when it is fine."""
    if field.kind == "feedback_theme":
        return _theme(value, borough)
    if field.kind == "feedback_about":
        return _about(value, setting_slugs)
    if field.kind == "feedback_status":
        if value not in STATUSES:
            return f"status must be one of: {', '.join(STATUSES)}."
        return None
    return value_problem(field, value, borough, None)


def _theme(value: Any, borough: Borough) -> str | None:
    themes = borough.feedback_themes
    if isinstance(value, str) and value in themes:
        return None
    nearest = difflib.get_close_matches(str(value), list(themes), n=1)
    guess = f" Did you mean {nearest[0]}?" if nearest else ""
    return (f"'{value}' is not one of the borough's themes.{guess} Use one of: "
            f"{', '.join(themes)} (or add a theme to feedback_themes in localoffer.yml).")


def _about(value: Any, setting_slugs: frozenset[str]) -> str | None:
    if isinstance(value, str) and (value.strip() == WHOLE_LOCAL_OFFER
                                   or value.strip() in setting_slugs):
        return None
    nearest = difflib.get_close_matches(str(value), sorted(setting_slugs), n=1)
    guess = f" Did you mean {nearest[0]}?" if nearest else ""
    return (f"There is no setting '{value}' in offers/.{guess} Write the setting's folder name "
            f"in offers/, or {WHOLE_LOCAL_OFFER} when the comments were about the Local Offer "
            "as a whole.")


def feedback_json_schema(borough: Borough) -> dict[str, Any]:
    """The front-matter of an item as JSON Schema (draft 2020-12)."""
    properties: dict[str, Any] = {}
    for key, field in FEEDBACK_FIELDS.items():
        if field.kind == "text":
            schema: dict[str, Any] = {"type": "string", "minLength": 1}
        elif field.kind == "date":
            schema = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        elif field.kind == "feedback_theme":
            schema = {"type": "string", "enum": list(borough.feedback_themes)}
        elif field.kind == "feedback_status":
            schema = {"type": "string", "enum": list(STATUSES)}
        else:  # about: a setting's folder name, which the schema cannot list
            schema = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
        schema["description"] = field.description
        schema["examples"] = [field.example]
        properties[key] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://localoffer.example/schema/feedback-item-front-matter.json",
        "title": f"{borough.name} Local Offer: front-matter of a 'You said, we did' item",
        "description": "The details at the top of feedback/<name>.md, between the '---' "
                       "lines. The item's body has two headings: '## You said' and '## We did'.",
        "type": "object",
        "properties": properties,
        "required": [key for key, field in FEEDBACK_FIELDS.items() if field.required],
        "additionalProperties": True,
        "if": {"properties": {"status": {"const": "done"}}, "required": ["status"]},
        "then": {"required": ["done_on"]},
    }
