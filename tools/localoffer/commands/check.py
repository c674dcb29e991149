"""`localoffer check`: check offers and print what to fix."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from localoffer.checks import all_rules
from localoffer.checks.links_online import DEFAULT_TIMEOUT, DEFAULT_WORKERS, OnlineLinks
from localoffer.commands.check_output import FORMATS, run_check
from localoffer.commands.options import borough_from, config_option, today_option


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs, github for CI annotations.")
@click.option("--strict", is_flag=True, help="Treat warnings as problems too (exit code 1).")
@click.option("--list-rules", is_flag=True, help="List every rule and what it finds, then stop.")
@click.option("--links", "links_mode", type=click.Choice(("offline", "online")), default="offline",
              show_default=True,
              help="online also asks every web link whether it opens (above all the Local "
                   "Offer), a few at a time: for a scheduled CI job, not for every commit.")
@click.option("--links-timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS", help="With --links online: how long to wait "
              "for each address.")
@click.option("--links-cache", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="With --links online: where to keep answers for a day. Default: "
                   ".localoffer-cache/links.json beside localoffer.yml.")
@today_option
@config_option
def cli(paths: tuple[Path, ...], output_format: str, strict: bool, list_rules: bool,
        links_mode: str, links_timeout: float, links_cache: Path | None,
        today: date, config_path: Path | None) -> int:
    """Check offers (default: every offer in offers/, and every "You said, we did" item in
    feedback/) and say what to fix.

    Exit code 0 means no problems, 1 means problems were found, 2 means the command could not
    run (for example a mistake in localoffer.yml).
    """
    if list_rules:
        for rule, description in all_rules().items():
            click.echo(f"{rule:28} {description}")
        return 0
    borough = borough_from(config_path)
    online = None
    if links_mode == "online":
        online = OnlineLinks(links_cache or borough.root / ".localoffer-cache" / "links.json",
                             links_timeout, DEFAULT_WORKERS)
    return run_check(borough, list(paths), today, output_format, strict, online)
