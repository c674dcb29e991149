"""`localoffer serve`: preview the website, rebuilt whenever an offer or page is saved."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from localoffer.borough import load_borough
from localoffer.commands.build import find_mkdocs_config, prepare
from localoffer.commands.options import today_option
from localoffer.errors import LocalOfferError


def run_serve(mkdocs_config: Path | None, today: date | None, address: str,
              open_browser: bool) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError

    config_path = find_mkdocs_config(mkdocs_config)
    borough = load_borough(start=config_path.parent)
    watch = [str(borough.offers_dir)] if borough.offers_dir.is_dir() else []
    if borough.config_path is not None:
        watch.append(str(borough.config_path))
    prepare(today)
    click.echo(f"Previewing the website at http://{address}/ (press Ctrl+C to stop). "
               "Saved changes to offers appear after a moment.")
    try:
        serve(config_file=str(config_path), livereload=True, watch=watch,
              open_in_browser=open_browser, dev_addr=address)
    except (Abort, ConfigurationError) as error:
        raise LocalOfferError(f"The preview could not start: {error}") from error
    return 0


@click.command("serve")
@click.option("--address", default="127.0.0.1:8000", show_default=True,
              help="Address and port for the preview.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option("--mkdocs-config", type=click.Path(dir_okay=False, path_type=Path),
              help="The site's mkdocs.yml. Default: the one beside localoffer.yml.")
@today_option
def cli(address: str, open_browser: bool, mkdocs_config: Path | None, today: date) -> int:
    """Preview the website while you edit, with live reload of offers and pages."""
    explicit = click.get_current_context().get_parameter_source("today")
    chosen = today if explicit and explicit.name != "DEFAULT" else None
    return run_serve(mkdocs_config, chosen, address, open_browser)
