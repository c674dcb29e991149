"""The template for a new offer: front-matter filled in where it is known, and every question
its setting type answers as an empty section with the question's guidance as a comment.

Nothing in a fresh template passes the checks: the unknown details are left empty (with a note
saying what to write) and every answer is empty, so `localoffer check` lists what to fill in.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from localoffer.authoring.guidance import comment, section_lines
from localoffer.borough import Borough, QuestionSet, SettingType
from localoffer.model.schema import FRONT_MATTER_FIELDS, Field
from localoffer.errors import LocalOfferError

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")



@dataclass(frozen=True)
class TemplateRequest:
    """What `localoffer new` was asked for, checked against the borough's rules."""

    name: str
    setting_type: SettingType
    question_set: QuestionSet
    today: date


def slug_for(name: str) -> str:
    """The folder name for a setting: 'St Mary's C of E Primary' -> 'st-marys-c-of-e-primary'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’]", "", ascii_name.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def check_slug(slug: str) -> str:
    if not _SLUG.match(slug):
        raise LocalOfferError(f"'{slug}' cannot be the offer's folder name: use lower-case "
                              "letters, digits and single hyphens, like oakfield-primary.")
    return slug


def template_request(borough: Borough, name: str, setting_type: str,
                     question_set: str | None, today: date) -> TemplateRequest:
    """Check the names given against the borough's rules; raise LocalOfferError if wrong."""
    if not name.strip():
        raise LocalOfferError("Give the setting's name, for example --name \"Oakfield Primary School\".")
    kind = borough.setting_types.get(setting_type)
    if kind is None:
        raise LocalOfferError(f"There is no setting type '{setting_type}'. Choose one of: "
                              f"{', '.join(borough.setting_types)}.")
    set_id = question_set or kind.question_set
    chosen = borough.question_sets.get(set_id)
    if chosen is None:
        raise LocalOfferError(f"There is no question set '{set_id}'. Choose one of: "
                              f"{', '.join(borough.question_sets)} (see 'localoffer questions').")
    if chosen.setting_types and setting_type not in chosen.setting_types:
        suitable = [s.id for s in borough.question_sets.values()
                    if not s.setting_types or setting_type in s.setting_types]
        raise LocalOfferError(f"The question set '{set_id}' is not written for {kind.label.lower()}s "
                              f"({setting_type}). Choose one of: {', '.join(suitable)}.")
    return TemplateRequest(name.strip(), kind, chosen, today)


def offer_template(borough: Borough, request: TemplateRequest) -> str:
    """The text of a new offer for `request`."""
    lines = ["---", *front_matter_lines(borough, request), "---", ""]
    lines += comment(["Write a short welcome here: who you are, the ages of the children or "
                      "young people, and how families can ask for this offer in another format "
                      "or language.",
                      "Do not add a '#' title: the page title comes from 'name' above."])
    lines.append("")
    kind = request.setting_type
    for question in request.question_set.questions_for(kind.id):
        lines += section_lines(question, borough, request.question_set.audience)
    return "\n".join(lines)


def front_matter_lines(borough: Borough, request: TemplateRequest) -> list[str]:
    """The front-matter, in the documented order (model/schema.py). What the template cannot
    know is left empty, with the key's description as a note: the checks report every empty
    required key until it is filled in. The review dates are among them: the offer has not
    been reviewed yet, and today's date would pass for a review that never happened."""
    kind = request.setting_type
    known: dict[str, Any] = {
        "name": request.name,
        "type": kind.id,
        "question_set": request.question_set.id,
        "status": "draft",
        "languages": ["English"],
    }
    lines = []
    for key, field in FRONT_MATTER_FIELDS.items():
        if not _belongs(field, kind):
            continue
        if key in known:
            note = "" if key in _PLAIN else f"  # {_note(field, kind, example=False)}"
            lines.append(f"{key}: {yaml_value(known[key])}{note}")
            continue
        lines.append(f"{key}:  # {_note(field, kind)}".rstrip())
        lines += [f"  {sub.key}:  # {_note(sub, kind)}" for sub in field.fields]
    return lines


# Known values that need no note beside them.
_PLAIN = ("name", "type")


def _belongs(field: Field, kind: SettingType) -> bool:
    """Keys the template shows: the identifier this type uses, and the others that apply."""
    if field.key in ("urn", "ukprn"):
        return field.is_required(kind.urn_kind)
    if field.key == "specialist_provision":
        return kind.id == "special"
    return field.key != "sen_report_duty"  # set by the type; an override is rare


def _note(field: Field, kind: SettingType, example: bool = True) -> str:
    note = field.description if field.is_required(kind.urn_kind) or field.fields else \
        f"Optional. {field.description}"
    if example and field.example is not None:
        note += f" For example: {yaml_value(field.example)}"
    return note


def yaml_value(value: Any) -> str:
    """A value as it is written in YAML: plain where that reads back the same, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    return _quote(str(value))


def _quote(text: str) -> str:
    """A YAML scalar for free text: plain when that reads back as the same text, else quoted."""
    try:
        if _YAML.load(f"value: {text}\n")["value"] == text:
            return text
    except YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


_YAML = YAML(typ="safe", pure=True)
