"""The web editor's config.yml (Decap CMS), made from the borough: one field per front-matter key.

The fields come from the front-matter's JSON Schema (`localoffer schema`), so a key added to
model/schema.py reaches the editor with its hint, its required flag and the right widget (a date
picker for dates, a select for fixed choices, an object for the SENCO, a list for languages).
A new offer's body is the template `localoffer new` writes: every question, with its guidance.

Two kinds of config: the local authority's, with every offer (a folder collection over
offers/<slug>/offer.md), and one per setting, with only its own offer (a file collection). Both
name an offer's draft the same way, so a school's draft is in the LA's review list too.
The result is plain data; cms_admin.py writes it with a YAML library, never by joining strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from localoffer.authoring.template import offer_template, template_request
from localoffer.borough import Borough
from localoffer.model.frontmatter import split_front_matter
from localoffer.model.schema import front_matter_json_schema
from localoffer.model.vocabulary import access_label, need_label

COLLECTION = "offers"
# The entry's path inside offers/: Decap names a draft's branch cms/offers/<slug>/offer after it.
ENTRY_PATH = "{{slug}}/offer"
DEFAULT_DECAP_SERVER_PORT = 8081  # decap-server's own default

# What a school reads beside each box. A key not listed here is labelled from its name.
LABELS: dict[str, str] = {
    "name": "Setting name",
    "type": "Type of setting",
    "urn": "URN (Unique Reference Number)",
    "ukprn": "UKPRN (UK Provider Reference Number)",
    "age_range": "Ages",
    "address": "Street address",
    "town": "Town or area",
    "ward": "Council ward",
    "postcode": "Postcode",
    "website": "Website",
    "phone": "Phone",
    "senco": "SENCO (or SEND lead)",
    "senco.name": "Name",
    "senco.email": "Email",
    "senco.phone": "Phone",
    "question_set": "Question set",
    "last_reviewed": "Last reviewed",
    "next_review": "Next review",
    "approved_by": "Approved by",
    "status": "Status",
    "maintainers": "Who may change this offer",
    "languages": "Languages you can talk to families in",
    "specialist_provision": "Specialist provision",
    "provides_for": "Kinds of need you provide for",
    "access": "Physical access",
    "sen_report_duty": "The SEN information report is a legal duty",
}
STATUS_LABELS = {"draft": "Draft (not on the website)", "published": "Published"}

# Commit messages as `localoffer history` shows them.
COMMIT_MESSAGES = {
    "create": "New offer {{path}}, written in the web editor",
    "update": "{{path}} changed in the web editor",
    "delete": "{{path}} deleted in the web editor",
    "uploadMedia": "Image {{path}} added in the web editor",
    "deleteMedia": "Image {{path}} deleted in the web editor",
    "openAuthoring": "{{message}}",
}


@dataclass(frozen=True)
class Backend:
    """Where the editor saves: a GitHub repository (through an OAuth service), and the local
    decap-server that previews and tests use on this computer instead."""

    github_repo: str = "calderbrook/local-offer"
    branch: str = "main"
    oauth_url: str | None = None  # the council's OAuth service, see docs
    local_port: int = DEFAULT_DECAP_SERVER_PORT


def editor_config(borough: Borough, backend: Backend, today: date,
                  setting: tuple[str, str] | None = None) -> dict[str, Any]:
    """The whole config.yml as data. `setting` is (slug, name) for one school's editor;
    without it, the local authority's editor with every offer."""
    fields = offer_fields(borough, today)
    if setting is None:
        collection = _every_offer(fields)
    else:
        collection = _one_offer(fields, *setting)
    config: dict[str, Any] = {
        "backend": _backend(backend),
        "local_backend": {"url": f"http://127.0.0.1:{backend.local_port}/api/v1",
                          "allowed_hosts": ["127.0.0.1", "localhost"]},
        "publish_mode": "editorial_workflow",
        "site_url": borough.local_offer_url or None,
        "display_url": borough.local_offer_url or None,
        "locale": "en",
        # Media go beside the offer (collections set it); this is Decap's required default.
        "media_folder": "offers",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection],
    }
    return {key: value for key, value in config.items() if value is not None}


def _backend(backend: Backend) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "name": "github",
        "repo": backend.github_repo,
        "branch": backend.branch,
        "cms_label_prefix": "decap-cms/",
        "commit_messages": COMMIT_MESSAGES,
    }
    if backend.oauth_url:
        settings["base_url"] = backend.oauth_url
    return settings


def _common(fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "label": "Offers",
        "label_singular": "Offer",
        "extension": "md",
        "format": "frontmatter",
        # Images are kept in the offer's own folder, beside offer.md.
        "media_folder": "",
        "public_folder": "",
        "editor": {"preview": True},
        "fields": fields,
    }


def _every_offer(fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": COLLECTION,
        **_common(fields),
        "description": "Every setting's offer. A change is saved as a draft, reviewed, "
                       "then published.",
        "folder": "offers",
        "path": ENTRY_PATH,
        "create": True,
        "delete": False,
        "identifier_field": "name",
        "slug": "{{name}}",
        "summary": "{{name}}",
        "sortable_fields": ["name", "type", "next_review"],
    }


def _one_offer(fields: list[dict[str, Any]], slug: str, name: str) -> dict[str, Any]:
    return {
        "name": COLLECTION,
        **_common(fields),
        "description": "Your setting's offer. A change is saved as a draft, then the local "
                       "authority reviews and publishes it.",
        # Named like the folder collection's entry, so both editors share one draft branch.
        "files": [{"name": f"{slug}/offer", "label": name,
                   "file": f"offers/{slug}/offer.md", "fields": fields}],
    }


def offer_fields(borough: Borough, today: date) -> list[dict[str, Any]]:
    """One field per front-matter key, then the body: the answers."""
    schema = front_matter_json_schema(borough)
    required = set(schema.get("required", ()))
    fields = [_field(key, key, prop, key in required, borough)
              for key, prop in schema["properties"].items()]
    fields.append({
        "name": "body",
        "label": "Your answers",
        "widget": "markdown",
        # Markdown as written: the rich-text mode rewrites it (and drops the guidance notes).
        "modes": ["raw"],
        "sanitize_preview": True,
        "default": new_offer_body(borough, today),
        "hint": "Answer each question under its heading, in plain English. The notes between "
                "<!-- and --> say what to cover; delete each note when you have answered it.",
    })
    return fields


def new_offer_body(borough: Borough, today: date, setting_type: str | None = None) -> str:
    """The body `localoffer new` writes: the welcome note, then each question and its guidance,
    for `setting_type`, or the borough's most usual one (primary if it has one)."""
    if setting_type is None:
        setting_type = "primary" if "primary" in borough.setting_types \
            else next(iter(borough.setting_types))
    request = template_request(borough, "New setting", setting_type, None, today)
    text = offer_template(borough, request)
    _yaml, _close, body_start = split_front_matter(text)
    return "\n".join(text.split("\n")[body_start - 1:]).lstrip("\n")


def new_offer_bodies(borough: Borough, today: date) -> dict[str, str]:
    """A new offer's body for each setting type (each type's own question set): the editor
    starts a new offer with the primary one, and changes it when the type chosen is another,
    as long as nothing has been written in it yet (editor.js)."""
    return {setting_type: new_offer_body(borough, today, setting_type)
            for setting_type in borough.setting_types}


def _field(path: str, key: str, prop: dict[str, Any], required: bool,
           borough: Borough) -> dict[str, Any]:
    field: dict[str, Any] = {"name": key, "label": field_label(path),
                             "required": required}
    if prop.get("description"):
        field["hint"] = prop["description"]
    field.update(_widget(path, prop, borough))
    return field


def field_label(path: str) -> str:
    """What the editor calls a front-matter key (`senco.email` for a nested one)."""
    if path in LABELS:
        return LABELS[path]
    if path.startswith("access."):
        return access_label(path.split(".", 1)[1])
    return path.rsplit(".", 1)[-1].replace("_", " ").capitalize()


def _widget(path: str, prop: dict[str, Any], borough: Borough) -> dict[str, Any]:
    kinds = prop.get("type")
    if path == "type":
        return {"widget": "select",
                "options": [{"label": kind.label, "value": type_id}
                            for type_id, kind in borough.setting_types.items()]}
    if path == "question_set":
        return {"widget": "select",
                "options": [{"label": question_set.title, "value": set_id}
                            for set_id, question_set in borough.question_sets.items()]}
    if "enum" in prop:
        labels = STATUS_LABELS if path == "status" else {}
        return {"widget": "select",
                "options": [{"label": labels.get(value, value), "value": value}
                            for value in prop["enum"]]}
    if prop.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    if kinds == "object":
        subrequired = set(prop.get("required", ()))
        return {"widget": "object", "collapsed": False,
                "fields": [_field(f"{path}.{key}", key, sub, key in subrequired, borough)
                           for key, sub in prop.get("properties", {}).items()]}
    if kinds == "array":
        items = prop.get("items", {})
        if "enum" in items:
            return {"widget": "select", "multiple": True,
                    "options": [{"label": need_label(value), "value": value}
                                for value in items["enum"]]}
        return {"widget": "list", "allow_add": True}
    if kinds == "boolean":
        return {"widget": "boolean"}
    widget: dict[str, Any] = {"widget": "string"}
    if "pattern" in prop:
        example = (prop.get("examples") or [None])[0]
        message = f"Write it like this: {example}" if example else "Check how it is written."
        widget["pattern"] = [prop["pattern"], message]
    return widget
