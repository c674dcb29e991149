"""`localoffer build`: build the borough's website with MkDocs (mkdocs.yml beside localoffer.yml)."""
from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from localoffer.borough.config import CONFIG_FILE, find_config
from localoffer.commands.options import today_option
from localoffer.errors import LocalOfferError

TODAY_VARIABLE = "LOCALOFFER_TODAY"
MKDOCS_FILE = "mkdocs.yml"


def find_mkdocs_config(mkdocs_config: Path | None) -> Path:
    """mkdocs.yml as given, or the one beside the nearest localoffer.yml."""
    if mkdocs_config is not None:
        if not mkdocs_config.is_file():
            raise LocalOfferError("This MkDocs configuration file does not exist.", str(mkdocs_config))
        return mkdocs_config.resolve()
    borough_config = find_config(Path.cwd())
    folder = borough_config.parent if borough_config else Path.cwd()
    candidate = folder / MKDOCS_FILE
    if not candidate.is_file():
        raise LocalOfferError(f"There is no {MKDOCS_FILE} here. Run the command in the top folder "
                              f"of your Local Offer (the one with {CONFIG_FILE}), or give "
                              "--mkdocs-config.")
    return candidate


def prepare(today: date | None) -> None:
    """Settings every MkDocs run of ours shares: the date, and MkDocs' messages shown."""
    if today is not None:
        os.environ[TODAY_VARIABLE] = today.isoformat()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's notice, not for SENCOs
    logger = logging.getLogger("mkdocs")
    if not any(getattr(handler, "_localoffer", False) for handler in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._localoffer = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def build_site(mkdocs_config: Path, today: date | None = None, strict: bool = False,
               site_dir: Path | None = None, quiet: bool = False) -> Path:
    """Build the website; return the folder it is in. Raises BuildFailed in strict mode."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from localoffer.site.mkdocs_plugin import SetupError

    prepare(today)
    if quiet:
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    options: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    try:
        config = load_config(str(mkdocs_config), **options)
        build(config)
    except SetupError as error:
        raise error.error from error
    except Abort as error:
        raise BuildFailed(f"The website was not built: {error}. Fix the problems listed above "
                          "(run 'localoffer check' for details), then build again.") from error
    except (ConfigurationError, PluginError) as error:
        raise LocalOfferError(f"The website could not be built: {error}",
                              str(mkdocs_config)) from error
    return Path(config.site_dir)


class BuildFailed(LocalOfferError):
    exit_code = 1


def run_build(mkdocs_config: Path | None, today: date | None, strict: bool,
              site_dir: Path | None) -> int:
    config_path = find_mkdocs_config(mkdocs_config)
    folder = build_site(config_path, today, strict, site_dir)
    click.echo(f"The website is in {folder}. Open {folder / 'index.html'} in a browser, or run "
               "'localoffer serve' to preview it.")
    return 0


@click.command("build")
@click.option("--strict", is_flag=True,
              help="Stop if a published offer has errors (overdue reviews are shown on the "
                   "page instead).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the website. Default: site/ (from mkdocs.yml).")
@click.option("--mkdocs-config", type=click.Path(dir_okay=False, path_type=Path),
              help="The site's mkdocs.yml. Default: the one beside localoffer.yml.")
@today_option
def cli(strict: bool, site_dir: Path | None, mkdocs_config: Path | None, today: date) -> int:
    """Build the borough's Local Offer website (default: into site/).

    Every published offer becomes a page; drafts are left out. Review dates are worked out
    for --today (or the LOCALOFFER_TODAY environment variable, or the real date).
    """
    explicit = click.get_current_context().get_parameter_source("today")
    chosen = today if explicit and explicit.name != "DEFAULT" else None
    return run_build(mkdocs_config, chosen, strict, site_dir)
