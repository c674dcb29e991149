"""Options shared by several commands, and loading the borough once per command."""
from __future__ import annotations

from datetime import date
from pathlib import Path
import click

from localoffer.borough import Borough, load_borough

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The borough's localoffer.yml. Default: the nearest one in this folder or above.")


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date: write it as YYYY-MM-DD, "
                                 "for example 2026-09-12.")


today_option = click.option(
    "--today", callback=parse_today, metavar="YYYY-MM-DD",
    help="Treat this date as today (for reproducible runs). Default: the real date.")


def borough_from(config_path: Path | None) -> Borough:
    return load_borough(config_path)

