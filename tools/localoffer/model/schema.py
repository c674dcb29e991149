"""The front-matter of an offer: every key, what it means and what it may hold, in one place.

`FRONT_MATTER_FIELDS` is read by the front-matter checks (checks/front_matter.py), by
`front_matter_json_schema` (printed by `localoffer schema` for editors and check-jsonschema),
and by anything that documents or writes offers. Add or change a key here and every one of
them follows.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from localoffer.model.vocabulary import ACCESS_FEATURES, NEEDS

if TYPE_CHECKING:
    from localoffer.borough import Borough

# Patterns are written in the subset that Python and JSON Schema (ECMA-262) read alike.
URN_PATTERN = r"^[0-9]{6}$"
OFSTED_PATTERN = r"^(EY[0-9]{6}|[0-9]{6})$"  # a maintained nursery has a 6-digit DfE URN
UKPRN_PATTERN = r"^[0-9]{8}$"
POSTCODE_PATTERN = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"
PHONE_PATTERN = r"^(\+44|0)( ?[0-9]){9,10}$"
WEBSITE_PATTERN = r"^https://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
AGE_RANGE_PATTERN = r"^ *([0-9]{1,2}) *[-–] *([0-9]{1,2}) *$"
AGE_LIMITS = (0, 25)
STATUSES = ("draft", "published")

_COMPILED: dict[str, re.Pattern[str]] = {}


def _matches(pattern: str, value: str) -> re.Match[str] | None:
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern)
    return compiled.fullmatch(value)


@dataclass(frozen=True)
class Field:
    """One front-matter key.

    `kind` says what the value holds (see `value_problem`); `required_for` names the URN kinds
    (dfe, ofsted, ukprn) whose setting types must give the key, for keys only some types need.
    """

    key: str
    kind: str
    description: str
    example: Any = None
    required: bool = False
    required_for: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()  # the keys of a mapping, such as senco

    def is_required(self, urn_kind: str | None) -> bool:
        return self.required or (urn_kind is not None and urn_kind in self.required_for)

    @property
    def subfields(self) -> dict[str, Field]:
        return {field.key: field for field in self.fields}


_SENCO_FIELDS = (
    Field("name", "text", "The SENCO's (or SEND lead's) name, as parents would address them.",
          "Mrs Asha Patel", required=True),
    Field("email", "email", "An email address parents can write to about SEND.",
          "senco@oakfield.example", required=True),
    Field("phone", "phone", "A phone number for the SENCO, if different from the setting's.",
          "0161 496 0541"),
)

# Physical access: each fact true or false; a fact left out is not known (model/vocabulary.py).
_ACCESS_FIELDS = tuple(Field(feature.id, "boolean", f"{feature.label}: true or false.", True)
                       for feature in ACCESS_FEATURES.values())

FRONT_MATTER_FIELDS: dict[str, Field] = {field.key: field for field in (
    Field("name", "text", "The setting's name, as parents know it.", "Oakfield Primary School",
          required=True),
    Field("type", "setting_type", "The kind of setting; it decides which questions must be "
          "answered and whether the SEN information report is a legal duty.", "primary",
          required=True),
    Field("urn", "urn", "The Unique Reference Number: 6 digits from Get Information About "
          "Schools, or for early years the Ofsted number (EY and 6 digits).", "113562",
          required_for=("dfe", "ofsted")),
    Field("ukprn", "ukprn", "The UK Provider Reference Number of a college: 8 digits.",
          "10001234", required_for=("ukprn",)),
    Field("age_range", "age_range", 'The ages the setting takes, as "2-11" or as '
          "{from: 2, to: 11}; ages 0 to 25.", "4-11", required=True),
    Field("address", "text", "The setting's street address, without the postcode.",
          "12 Oak Lane, Hollins", required=True),
    Field("town", "text", "The town or area, for the directory's filters.", "Hollins"),
    Field("ward", "text", "The council ward, for the directory's filters.", "Oakfield"),
    Field("postcode", "postcode", "The postcode, in capitals.", "CK4 2QT", required=True),
    Field("website", "website", "The setting's own website, starting https://.",
          "https://oakfield.example", required=True),
    Field("phone", "phone", "The main phone number: 10 or 11 digits, or starting +44.",
          "0161 496 0540", required=True),
    Field("senco", "contact", "The SENCO, or the named SEND lead in early years and colleges.",
          required=True, fields=_SENCO_FIELDS),
    Field("question_set", "question_set", "Which question bank the headings follow. Leave it "
          "out to use the usual set for this type of setting.", "se7-parent"),
    Field("last_reviewed", "date", "When the offer was last reviewed (YYYY-MM-DD).",
          "2026-09-12", required=True),
    Field("next_review", "date", "When it will next be reviewed (YYYY-MM-DD), at most the "
          "borough's review interval after last_reviewed.", "2027-09-01", required=True),
    Field("approved_by", "text", "Who approved this version, and when.",
          "Governing Body, 12 Sep 2026", required=True),
    Field("status", "status", "draft while you are writing it; published once approved.",
          "published", required=True),
    Field("maintainers", "text_list", "The people or teams who may change this offer "
          "(Git host user names or teams).", ["@calderbrook/oakfield-primary"], required=True),
    Field("languages", "text_list", "Languages the setting can communicate with families in.",
          ["English", "Urdu"]),
    Field("specialist_provision", "text_list", "Areas of need a specialist setting or "
          "resourced provision caters for.", ["communication-and-interaction"]),
    Field("provides_for", "need_list", "The kinds of special educational needs the setting "
          "says it provides for (its answer to 'Which kinds of SEN do you provide for?'), from "
          "the list in `localoffer schema`: " + ", ".join(NEEDS) + ".",
          ["communication-and-interaction", "cognition-and-learning", "semh", "sensory",
           "autism"]),
    Field("access", "access", "Facts about physical access to the buildings, each true or "
          "false; leave out one you do not know: " + ", ".join(ACCESS_FEATURES) + ".",
          fields=_ACCESS_FIELDS),
    Field("sen_report_duty", "boolean", "true or false, to override whether this setting must "
          "publish an SEN information report (normally set by its type).", True),
)}


def value_problem(field: Field, value: Any, borough: Borough, urn_kind: str | None) -> str | None:
    """What is wrong with `value` for `field`, in plain English, or None when it is fine.

    Mappings (senco) are checked key by key by the caller; here only their shape is checked.
    """
    return _CHECKERS[field.kind](field, value, borough, urn_kind)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(field: Field, value: Any, *_: Any) -> str | None:
    if not isinstance(value, str):
        return f"{field.key} must be text, such as '{field.key}: {field.example}'."
    return None


def _setting_type(field: Field, value: Any, borough: Borough, _kind: str | None) -> str | None:
    if not isinstance(value, str) or value not in borough.setting_types:
        allowed = ", ".join(borough.setting_types)
        nearest = difflib.get_close_matches(str(value), list(borough.setting_types), n=1)
        guess = f" Did you mean {nearest[0]}?" if nearest else ""
        return f"'{value}' is not a type of setting in this borough.{guess} Use one of: {allowed}."
    return None


def _identifier(value: Any) -> str | None:
    """URNs arrive as text when quoted and as whole numbers when not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value.strip() if isinstance(value, str) else None


def _urn(field: Field, value: Any, _borough: Borough, urn_kind: str | None) -> str | None:
    text = _identifier(value)
    if urn_kind is None:  # the type is not known yet: either kind of number will do
        if text is None or not _matches(OFSTED_PATTERN, text):
            return ("The URN must be 6 digits (for example \"113562\"), or for an early years "
                    "setting the Ofsted number, EY followed by 6 digits (for example EY123456).")
    elif urn_kind == "ofsted":
        if text is None or not _matches(OFSTED_PATTERN, text):
            return ("The URN must be the Ofsted number, EY followed by 6 digits (for example "
                    "EY123456), or a maintained nursery's 6-digit URN.")
    elif text is None or not _matches(URN_PATTERN, text):
        return ("The URN must be 6 digits, as shown on Get Information About Schools "
                "(for example \"113562\").")
    return None


def _ukprn(_field: Field, value: Any, *_: Any) -> str | None:
    text = _identifier(value)
    if text is None or not _matches(UKPRN_PATTERN, text):
        return ("The UKPRN must be 8 digits, as shown on the UK Register of Learning Providers "
                "(for example \"10001234\").")
    return None


def age_range(value: Any) -> tuple[int, int] | None:
    """(from, to) of an age range written "2-11" or {from: 2, to: 11}, or None if unreadable."""
    if isinstance(value, str):
        match = _matches(AGE_RANGE_PATTERN, value)
        return (int(match.group(1)), int(match.group(2))) if match else None
    if isinstance(value, dict) and set(value) == {"from", "to"}:
        low, high = value["from"], value["to"]
        if all(isinstance(age, int) and not isinstance(age, bool) for age in (low, high)):
            return low, high
    return None


def _age_range(_field: Field, value: Any, *_: Any) -> str | None:
    ages = age_range(value)
    low, high = AGE_LIMITS
    if ages is None:
        return ('Write the age range as "2-11" (in quotes) or as {from: 2, to: 11}.')
    if not (low <= ages[0] <= ages[1] <= high):
        return (f"The age range must run from a younger to an older age, between {low} and "
                f"{high}, for example \"2-11\".")
    return None


def _pattern(pattern: str, advice: str) -> Any:
    def check(_field: Field, value: Any, *_: Any) -> str | None:
        if not isinstance(value, str) or not _matches(pattern, value.strip()):
            return advice
        return None
    return check


def _website(field: Field, value: Any, *rest: Any) -> str | None:
    if isinstance(value, str) and value.strip().lower().startswith("http://"):
        return ("The website must start with https:// so that it is secure. Check it opens "
                "with https://, then change http:// to https://.")
    return _pattern(WEBSITE_PATTERN, "The website must be a full address starting https://, "
                    "for example https://oakfield.example.")(field, value, *rest)


def _phone(_field: Field, value: Any, *_: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return ("Put the phone number in quotes, for example \"0161 496 0540\", so that its "
                "first 0 is kept.")
    if not isinstance(value, str) or not _matches(PHONE_PATTERN, value.strip()):
        return ("Write the phone number with digits and spaces only: 10 or 11 digits starting "
                "0, or starting +44, for example 0161 496 0540.")
    return None


def _date(field: Field, value: Any, *_: Any) -> str | None:
    if isinstance(value, datetime):
        return f"Write {field.key} as a date only, YYYY-MM-DD, without a time."
    if isinstance(value, date):
        return None
    if isinstance(value, str) and _matches(DATE_PATTERN, value.strip()):
        try:
            date.fromisoformat(value.strip())
            return None
        except ValueError:
            return f"{field.key} is not a real date. Write it as YYYY-MM-DD, for example 2026-09-12."
    return f"Write {field.key} as YYYY-MM-DD, for example 2026-09-12."


def _status(_field: Field, value: Any, *_: Any) -> str | None:
    if value not in STATUSES:
        return "status must be draft (while you write it) or published (once it is approved)."
    return None


def _question_set(_field: Field, value: Any, borough: Borough, _kind: str | None) -> str | None:
    if not isinstance(value, str) or value not in borough.question_sets:
        return (f"There is no question set called '{value}'. Use one of: "
                f"{', '.join(borough.question_sets)}, or leave question_set out.")
    return None


def _text_list(field: Field, value: Any, *_: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip()
                                              for item in value):
        return (f"{field.key} must be a list of names in square brackets, such as "
                f"{field.key}: {json.dumps(field.example, ensure_ascii=False)}.")
    if field.required and not value:
        return f"{field.key} must name at least one person or team."
    return None


def _boolean(field: Field, value: Any, *_: Any) -> str | None:
    if not isinstance(value, bool):
        return f"{field.key} must be true or false."
    return None


def _need_list(field: Field, value: Any, *_: Any) -> str | None:
    problem = _text_list(field, value)
    if problem is not None:
        return problem
    unknown = [item for item in value if item not in NEEDS]
    if unknown:
        nearest = difflib.get_close_matches(unknown[0], list(NEEDS), n=1)
        guess = f" Did you mean {nearest[0]}?" if nearest else ""
        return (f"'{unknown[0]}' is not one of the kinds of need.{guess} Use the ids: "
                f"{', '.join(NEEDS)}.")
    return None


def _access(field: Field, value: Any, *_: Any) -> str | None:
    if not isinstance(value, dict):
        return (f"{field.key} must list the facts on indented lines, each true or false, "
                "for example 'access:' then '  step_free_entrance: true'.")
    return None


def _contact(field: Field, value: Any, *_: Any) -> str | None:
    if not isinstance(value, dict):
        return (f"{field.key} must list the person's details on indented lines: "
                f"{', '.join(sub.key for sub in field.fields)}.")
    return None


_CHECKERS = {
    "text": _text,
    "setting_type": _setting_type,
    "urn": _urn,
    "ukprn": _ukprn,
    "age_range": _age_range,
    "postcode": _pattern(POSTCODE_PATTERN, "Write the postcode in capitals in the usual UK "
                         "format, for example CK4 2QT."),
    "email": _pattern(EMAIL_PATTERN, "Write one full email address, for example "
                      "senco@oakfield.example."),
    "phone": _phone,
    "website": _website,
    "date": _date,
    "status": _status,
    "question_set": _question_set,
    "text_list": _text_list,
    "boolean": _boolean,
    "contact": _contact,
    "need_list": _need_list,
    "access": _access,
}


# JSON Schema ---------------------------------------------------------------------------------

def front_matter_json_schema(borough: Borough) -> dict[str, Any]:
    """The front-matter as JSON Schema (draft 2020-12), for editors and check-jsonschema."""
    by_kind: dict[str, list[str]] = {}
    for type_id, kind in borough.setting_types.items():
        by_kind.setdefault(kind.urn_kind, []).append(type_id)
    conditions = []
    for urn_kind, type_ids in by_kind.items():
        then: dict[str, Any] = {"required": [field.key for field in FRONT_MATTER_FIELDS.values()
                                             if urn_kind in field.required_for]}
        if urn_kind != "ofsted":
            then["properties"] = {"urn": _identifier_schema(URN_PATTERN, 100000, 999999)}
        conditions.append({"if": {"properties": {"type": {"enum": type_ids}},
                                  "required": ["type"]},
                           "then": then})
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://localoffer.example/schema/offer-front-matter.json",
        "title": f"{borough.name} Local Offer: front-matter of an offer",
        "description": "The details at the top of offers/<slug>/offer.md, between the '---' lines.",
        "type": "object",
        "properties": {key: _field_schema(field, borough)
                       for key, field in FRONT_MATTER_FIELDS.items()},
        "required": [key for key, field in FRONT_MATTER_FIELDS.items() if field.required],
        "additionalProperties": True,
    }
    if conditions:
        schema["allOf"] = conditions
    return schema


def _identifier_schema(pattern: str, minimum: int, maximum: int) -> dict[str, Any]:
    # Unquoted in YAML, a URN is read as a whole number: allow both spellings.
    return {"type": ["string", "integer"], "pattern": pattern,
            "minimum": minimum, "maximum": maximum}


def _field_schema(field: Field, borough: Borough) -> dict[str, Any]:
    schema = _KIND_SCHEMAS[field.kind](field, borough)
    schema["description"] = field.description
    if field.example is not None:
        schema["examples"] = [field.example]
    return schema


def _text_schema(_field: Field, _borough: Borough) -> dict[str, Any]:
    return {"type": "string", "minLength": 1}


def _pattern_schema(pattern: str) -> Any:
    return lambda _field, _borough: {"type": "string", "pattern": pattern}


def _age_range_schema(_field: Field, _borough: Borough) -> dict[str, Any]:
    low, high = AGE_LIMITS
    age = {"type": "integer", "minimum": low, "maximum": high}
    return {"oneOf": [
        {"type": "string", "pattern": AGE_RANGE_PATTERN},
        {"type": "object", "properties": {"from": age, "to": age},
         "required": ["from", "to"], "additionalProperties": False},
    ]}


def _text_list_schema(field: Field, _borough: Borough) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
    if field.required:
        schema["minItems"] = 1
    return schema


def _contact_schema(field: Field, borough: Borough) -> dict[str, Any]:
    return {"type": "object",
            "properties": {sub.key: _field_schema(sub, borough) for sub in field.fields},
            "required": [sub.key for sub in field.fields if sub.required],
            "additionalProperties": True}


_KIND_SCHEMAS = {
    "text": _text_schema,
    "setting_type": lambda _f, borough: {"type": "string", "enum": list(borough.setting_types)},
    "urn": lambda _f, _b: _identifier_schema(OFSTED_PATTERN, 100000, 999999),
    "ukprn": lambda _f, _b: _identifier_schema(UKPRN_PATTERN, 10000000, 99999999),
    "age_range": _age_range_schema,
    "postcode": _pattern_schema(POSTCODE_PATTERN),
    "email": _pattern_schema(EMAIL_PATTERN),
    "phone": _pattern_schema(PHONE_PATTERN),
    "website": _pattern_schema(WEBSITE_PATTERN),
    "date": lambda _f, _b: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
    "status": lambda _f, _b: {"type": "string", "enum": list(STATUSES)},
    "question_set": lambda _f, borough: {"type": "string", "enum": list(borough.question_sets)},
    "text_list": _text_list_schema,
    "boolean": lambda _f, _b: {"type": "boolean"},
    "contact": _contact_schema,
    "need_list": lambda _f, _b: {"type": "array", "uniqueItems": True,
                                 "items": {"type": "string", "enum": list(NEEDS)}},
    "access": lambda field, borough: {
        "type": "object", "additionalProperties": False,
        "properties": {sub.key: _field_schema(sub, borough) for sub in field.fields}},
}
