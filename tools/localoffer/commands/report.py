"""`localoffer report`: every offer's review state, coverage and quality, for the LA."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.reporting import FORMATS, render, report_as_of, report_on_folder

# Fewer offers than this are read too quickly for a progress bar to help.
PROGRESS_FROM = 200


def run_report(borough: Borough, today: date, output_format: str = "text",
               output: Path | None = None, as_of: date | None = None) -> int:
    """Write the report to `output`, or to stdout; return 0."""
    if as_of is not None:
        report = report_as_of(borough, as_of, progress=progress_bar)
    else:
        report = report_on_folder(borough, today, progress=progress_bar)
    write_output(render(report, output_format), output)
    return 0


def progress_bar(items: Sequence[Any]) -> Any:
    """A progress bar on stderr on large runs, when a person is watching (stderr is a
    terminal); otherwise nothing, so logs and pipes stay clean."""
    if len(items) < PROGRESS_FROM or not sys.stderr.isatty():
        return nullcontext(items)
    return click.progressbar(items, label="Reading offers", file=sys.stderr)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    # newline="": CSV lines already end in \r\n, as spreadsheets expect.
    with open(output, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    click.echo(f"Wrote {output}.", err=True)


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: write it as YYYY-MM-DD, "
                                 "for example 2026-09-01.")


output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE", help="Write to this file instead of the screen.")


@click.command("report")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="text for the screen, csv for spreadsheets, json for programs, md for "
                   "Markdown, html for one web page with charts.")
@output_option
@click.option("--as-of", "as_of", callback=parse_date, metavar="YYYY-MM-DD",
              help="Report on the offers as published on this date (from the main branch's "
                   "history); review dates are counted on that date.")
@today_option
@config_option
def cli(output_format: str, output: Path | None, as_of: date | None, today: date,
        config_path: Path | None) -> int:
    """Report on every setting's offer: review state, areas answered, statutory items not
    covered, problems found by the checks and reading ease; totals by type of setting; and
    which areas the borough's offers answer poorly or not at all.
    """
    return run_report(borough_from(config_path), today, output_format, output, as_of)
