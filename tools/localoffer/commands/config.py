"""`localoffer config`: print the borough's rules after localoffer.yml is applied."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import click
from ruamel.yaml import YAML

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.errors import LocalOfferError


def run_config(borough: Borough, section: str | None = None) -> int:
    """Print the merged configuration (or one top-level section of it) as YAML."""
    settings = plain(borough.settings)
    if section is not None:
        if section not in settings:
            raise LocalOfferError(f"There is no section '{section}' in the configuration. "
                                  f"Sections: {', '.join(settings)}.")
        settings = {section: settings[section]}
    click.echo(_header(borough, section) + to_yaml(settings), nl=False)
    return 0


def plain(value: Any) -> Any:
    """A deep copy in plain dicts and lists, so shared defaults are printed in full, not as
    YAML aliases, and no comment from the packaged files is printed out of place."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, date):
        return value
    # ruamel's round-trip numbers (ScalarFloat, ScalarInt) are subclasses the safe dumper
    # cannot write: turn them into plain numbers.
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def to_yaml(data: dict[str, Any]) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # keep the documented order
    yaml.width = 100
    yaml.representer.ignore_aliases = lambda _data: True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _header(borough: Borough, section: str | None) -> str:
    source = (f"the packaged defaults and {borough.config_path}" if borough.config_path
              else "the packaged defaults only (no localoffer.yml was found)")
    lines = [f"# The rules of {borough.name or 'this borough'}: {source}.",
             "# Change them in localoffer.yml; any key you leave out keeps the value shown here."]
    if section in (None, "question_sets"):
        lines.append("# question_sets lists only the borough's own sets. Packaged sets: "
                     f"{', '.join(borough.question_sets)}; see 'localoffer questions'.")
    return "\n".join(lines) + "\n"


@click.command("config")
@click.option("--section", metavar="NAME",
              help="Print only this section, for example setting_types or review.")
@config_option
def cli(section: str | None, config_path: Path | None) -> int:
    """Print the borough's rules: the packaged defaults with localoffer.yml applied, as YAML."""
    return run_config(borough_from(config_path), section)
