"""`localoffer serve`: preview the website, rebuilt whenever an offer or page is saved."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from localoffer.borough import load_borough
from localoffer.commands.build import find_mkdocs_config, prepare
from localoffer.commands.options import (
    chosen_site_config,
    config_option,
    engine_option,
    site_config_options,
    today_option,
)
from localoffer.errors import LocalOfferError


def run_serve(site_config: Path | None, today: date | None, address: str,
              open_browser: bool, config_path: Path | None = None,
              engine: str | None = None) -> int:
    mkdocs_config = find_mkdocs_config(site_config, config_path)
    load_borough(config_path, start=mkdocs_config.parent)  # told now, before the preview starts
    prepare(today, config_path, engine)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError

    click.echo(f"Previewing the website at http://{address}/ (press Ctrl+C to stop). "
               "Saved changes to offers and to \"You said, we did\" items appear after a "
               "moment.")
    try:
        # "dirty": each reload builds into the last build's folder, taking unchanged offers
        # from the cache and keeping their pages (site/incremental.py), as `localoffer build`.
        # The plugin watches offers/, feedback/ and localoffer.yml (LocalOfferPlugin.on_serve).
        serve(config_file=str(mkdocs_config), livereload=True, build_type="dirty",
              open_in_browser=open_browser, dev_addr=address)
    except (Abort, ConfigurationError) as error:
        raise LocalOfferError(f"The preview could not start: {error}") from error
    return 0


@click.command("serve")
@click.option("--address", default="127.0.0.1:8000", show_default=True,
              help="Address and port for the preview.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@engine_option
@site_config_options
@today_option
@config_option
def cli(address: str, open_browser: bool, engine: str | None, site_config: Path | None,
        old_site_config: Path | None, today: date, config_path: Path | None) -> int:
    """Preview the website while you edit, with live reload of offers, feedback and pages."""
    explicit = click.get_current_context().get_parameter_source("today")
    chosen = today if explicit and explicit.name != "DEFAULT" else None
    return run_serve(chosen_site_config(site_config, old_site_config), chosen, address,
                     open_browser, config_path, engine)
