"""`localoffer schema`: the JSON Schema of an offer's front-matter (or, with --feedback, of a
"You said, we did" item's), for editors and check-jsonschema. It is made from the one
definition of the keys (model/schema.py, model/feedback_schema.py) and the borough's rules
(its setting types, question sets and feedback themes)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.errors import LocalOfferError
from localoffer.model.feedback_schema import feedback_json_schema
from localoffer.model.schema import front_matter_json_schema

# Where this repository ships a copy, for editors that read a schema from a path.
SHIPPED_SCHEMA = Path("schemas") / "offer-front-matter.schema.json"
SHIPPED_FEEDBACK_SCHEMA = Path("schemas") / "feedback-item.schema.json"


def schema_text(borough: Borough, feedback: bool = False) -> str:
    schema = feedback_json_schema(borough) if feedback else front_matter_json_schema(borough)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def run_schema(borough: Borough, output: Path | None = None, feedback: bool = False) -> int:
    text = schema_text(borough, feedback)
    if output is None:
        click.echo(text, nl=False)
        return 0
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise LocalOfferError(f"The schema could not be written ({error.strerror}).",
                              str(output)) from None
    click.echo(f"Wrote {output}.", err=True)
    return 0


@click.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help=f"Write the schema to this file (for example {SHIPPED_SCHEMA}) "
                   "instead of printing it.")
@click.option("--feedback", is_flag=True,
              help="The schema of a 'You said, we did' item (feedback/<name>.md) instead "
                   f"(shipped as {SHIPPED_FEEDBACK_SCHEMA}).")
@config_option
def cli(output: Path | None, feedback: bool, config_path: Path | None) -> int:
    """Print the JSON Schema of an offer's front-matter.

    Editors use it to suggest and check the keys as you type; check-jsonschema uses it in CI.
    It follows the borough's localoffer.yml (its setting types, question sets and, with
    --feedback, its feedback themes).
    """
    return run_schema(borough_from(config_path), output, feedback)
