"""The reference tables of the contributor guide, made from the one definition of each thing:
the front-matter keys (model/schema.py), the question sets and the areas (the borough's
rules), and the details of a "You said, we did" item (model/feedback_schema.py).

    python -m localoffer.authoring.reference docs/contributing/offer-format.md \
        docs/contributing/you-said-we-did.md

rewrites the generated blocks of that page in place; a test fails when they are out of date.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Callable

from localoffer.borough import Borough, load_borough
from localoffer.model.feedback_schema import FEEDBACK_FIELDS
from localoffer.model.schema import FRONT_MATTER_FIELDS, Field

_BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) .*?-->\n)(?P<body>.*?)(<!-- end generated: (?P=name) -->)",
                    re.S)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[" + ", ".join(json.dumps(item) if item.startswith("@") else item
                                for item in value) + "]`"
    return f"`{value}`"


def _needed(field: Field, borough: Borough) -> str:
    if field.required:
        return "yes"
    if field.required_for:
        types = [kind.id for kind in borough.setting_types.values()
                 if kind.urn_kind in field.required_for]
        return "for " + ", ".join(types)
    return "no"


def front_matter_table(borough: Borough) -> str:
    rows = ["| key | needed | what to write | example |", "| --- | --- | --- | --- |"]
    for key, field in FRONT_MATTER_FIELDS.items():
        rows.append(f"| `{key}` | {_needed(field, borough)} | {_cell(field.description)} | "
                    f"{_cell(_example(field.example))} |")
        for sub in field.fields:
            rows.append(f"| `{key}.{sub.key}` | {_needed(sub, borough)} | "
                        f"{_cell(sub.description)} | {_cell(_example(sub.example))} |")
    return "\n".join(rows) + "\n"


def question_sets_table(borough: Borough) -> str:
    rows = ["| id | title | written for | questions | added by the borough | usual set for |",
            "| --- | --- | --- | ---: | ---: | --- |"]
    for question_set in borough.question_sets.values():
        usual = [kind.id for kind in borough.setting_types.values()
                 if kind.question_set == question_set.id]
        rows.append(f"| `{question_set.id}` | {_cell(question_set.title)} | "
                    f"{', '.join(question_set.setting_types) or 'every type'} | "
                    f"{len(question_set.questions)} | "
                    f"{sum(question.borough for question in question_set.questions)} | "
                    f"{', '.join(usual) or '-'} |")
    return "\n".join(rows) + "\n"


def areas_table(borough: Borough) -> str:
    rows = ["| area id | what it covers | statutory items it satisfies | required for |",
            "| --- | --- | --- | --- |"]
    for area in borough.areas.values():
        items = "; ".join(borough.statutory[item].short for item in area.statutory
                          if item in borough.statutory) or "-"
        required = [kind.id for kind in borough.setting_types.values()
                    if area.id in kind.required_areas]
        rows.append(f"| `{area.id}` | {_cell(area.title)} | {_cell(items)} | "
                    f"{', '.join(required) or '-'} |")
    return "\n".join(rows) + "\n"


def feedback_fields_table(_borough: Borough) -> str:
    rows = ["| key | needed | what to write | example |", "| --- | --- | --- | --- |"]
    for key, field in FEEDBACK_FIELDS.items():
        needed = "yes" if field.required else ("once done" if key == "done_on" else "no")
        rows.append(f"| `{key}` | {needed} | {_cell(field.description)} | "
                    f"{_cell(_example(field.example))} |")
    return "\n".join(rows) + "\n"


GENERATED: dict[str, Callable[[Borough], str]] = {
    "fields": front_matter_table,
    "question-sets": question_sets_table,
    "areas": areas_table,
    "feedback-fields": feedback_fields_table,
}


def refresh(page: str, borough: Borough) -> str:
    """The page with every generated block made again."""
    def rebuild(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in GENERATED:
            return match.group(0)
        return f"{match.group(1)}{GENERATED[name](borough)}{match.group(4)}"
    return _BLOCK.sub(rebuild, page)


def generated_blocks(page: str) -> dict[str, str]:
    return {match.group("name"): match.group("body") for match in _BLOCK.finditer(page)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m localoffer.authoring.reference PAGE.md...", file=sys.stderr)
        return 2
    borough = load_borough()
    for name in args:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        updated = refresh(text, borough)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            print(f"updated {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
