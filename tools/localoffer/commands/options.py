"""Options shared by several commands, and loading the borough once per command."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

import click

from localoffer.borough import Borough, load_borough

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The borough's localoffer.yml. Default: the nearest one in this folder or above.")

# The website commands (build, serve, publish) also read the site's mkdocs.yml. It is named
# --site-config; --mkdocs-config, its first name, still works but is not shown in --help.


def site_config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--site-config, with --mkdocs-config kept as a hidden alias, both into `site_config`."""
    kind = click.Path(dir_okay=False, path_type=Path)
    command = click.option("--mkdocs-config", "old_site_config", type=kind, hidden=True,
                           expose_value=True)(command)
    return click.option("--site-config", "site_config", type=kind, default=None,
                        help="The site's mkdocs.yml. Default: the one beside the borough's "
                             "localoffer.yml.")(command)


def chosen_site_config(site_config: Path | None, old_site_config: Path | None) -> Path | None:
    if site_config is not None and old_site_config is not None and site_config != old_site_config:
        raise click.UsageError("Give the site's mkdocs.yml once, with --site-config.")
    return site_config or old_site_config


engine_option = click.option(
    "--engine", type=click.Choice(["mkdocs", "properdocs"]), default=None,
    help="The engine that builds the website: MkDocs 1.6, or ProperDocs, its maintained "
         "fork (pip install -e '.[properdocs]'). Default: LOCALOFFER_ENGINE, or mkdocs.")


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

