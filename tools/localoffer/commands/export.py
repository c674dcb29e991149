"""`localoffer export`: the settings as JSON, CSV or Open Referral UK records."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.commands.report import output_option
from localoffer.exporting import FORMATS, export_pieces


def run_export(borough: Borough, output_format: str, today: date, output: Path | None = None,
               site: str | None = None) -> int:
    """Write the export to `output`, or to stdout, piece by piece; return 0."""
    pieces = export_pieces(borough, output_format, today, site)  # every offer read and checked
    if output is None:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
        return 0
    # newline="": CSV lines already end in \r\n, as spreadsheets expect.
    with open(output, "w", encoding="utf-8", newline="") as file:
        file.writelines(pieces)
    click.echo(f"Wrote {output}.", err=True)
    return 0


@click.command("export")
@click.option("--format", "output_format", type=click.Choice(FORMATS), required=True,
              help="json: every setting with a documented schema; csv: one line per setting "
                   "for spreadsheets; openreferral: the published offers as Open Referral UK "
                   "records.")
@output_option
@click.option("--site-url", "site", metavar="URL",
              help="The published site's address, for each offer's link. Default: site_url "
                   "in mkdocs.yml, or 'site: url:' in localoffer.yml.")
@today_option
@config_option
def cli(output_format: str, output: Path | None, site: str | None, today: date,
        config_path: Path | None) -> int:
    """Export every setting for other systems (see docs/data/exports.md for the fields).

    Review states are counted on --today. Drafts are included in json and csv (with their
    status) and left out of openreferral, which lists published offers only.
    """
    return run_export(borough_from(config_path), output_format, today, output, site)
