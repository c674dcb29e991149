"""`localoffer build`: build the borough's website with MkDocs or ProperDocs (mkdocs.yml beside
localoffer.yml)."""
from __future__ import annotations

import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from localoffer.borough import load_borough
from localoffer.borough.config import CONFIG_FILE, find_config
from localoffer.commands.options import (
    chosen_site_config,
    config_option,
    engine_option,
    site_config_options,
    today_option,
)
from localoffer.errors import LocalOfferError
from localoffer.site.engine import engine_logger_names, use_engine
from localoffer.site.catalogue import offer_paths
from localoffer.site.file_links import FILE_LINKS_VARIABLE
from localoffer.site.preview import (
    ask_for_preview,
    changed_offers,
    no_preview,
    preview_summary,
)

TODAY_VARIABLE = "LOCALOFFER_TODAY"
CONFIG_VARIABLE = "LOCALOFFER_CONFIG"  # read by the plugin: the borough's localoffer.yml
MKDOCS_FILE = "mkdocs.yml"


def find_mkdocs_config(site_config: Path | None, config_path: Path | None = None) -> Path:
    """The site's mkdocs.yml as given, or the one beside the borough's localoffer.yml (given,
    or the nearest)."""
    if site_config is not None:
        if not site_config.is_file():
            raise LocalOfferError("This site configuration file (mkdocs.yml) does not exist.",
                                  str(site_config))
        return site_config.resolve()
    if config_path is not None and not config_path.is_file():
        raise LocalOfferError("This configuration file does not exist.", str(config_path))
    borough_config = config_path or find_config(Path.cwd())
    folder = borough_config.resolve().parent if borough_config else Path.cwd()
    candidate = folder / MKDOCS_FILE
    if not candidate.is_file():
        raise LocalOfferError(f"There is no {MKDOCS_FILE} beside {CONFIG_FILE} here. Run the "
                              "command in the top folder of your Local Offer (the one with "
                              f"{CONFIG_FILE}), or give --site-config.")
    return candidate


def prepare(today: date | None, config_path: Path | None = None,
            engine: str | None = None) -> str:
    """Settings every website run of ours shares: the engine, the date, the borough's
    localoffer.yml, and the engine's messages shown. Returns the engine's name."""
    chosen = use_engine(engine)
    if today is not None:
        os.environ[TODAY_VARIABLE] = today.isoformat()
    if config_path is not None:
        os.environ[CONFIG_VARIABLE] = str(config_path.resolve())
    else:  # not one from an earlier build in this process
        os.environ.pop(CONFIG_VARIABLE, None)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's notice, not for SENCOs
    for name in engine_logger_names():
        logger = logging.getLogger(name)
        if not any(getattr(handler, "_localoffer", False) for handler in logger.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
            handler._localoffer = True  # type: ignore[attr-defined]
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
    return chosen


def build_site(mkdocs_config: Path, today: date | None = None, strict: bool = False,
               site_dir: Path | None = None, quiet: bool = False,
               config_path: Path | None = None, engine: str | None = None,
               clean: bool = False, file_links: bool = False) -> Path:
    """Build the website; return the folder it is in. Raises BuildFailed in strict mode.
    Unless `clean`, into the last build's folder, keeping what is still right and taking
    unchanged offers from the cache (site/incremental.py); the folder ends up the same.
    `file_links`: links name each folder's index.html, so the site opens from disk."""
    prepare(today, config_path, engine)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from localoffer.site.mkdocs_plugin import SetupError

    if quiet:
        for name in engine_logger_names():
            logging.getLogger(name).setLevel(logging.WARNING)
    if file_links:
        os.environ[FILE_LINKS_VARIABLE] = "1"
    else:
        os.environ.pop(FILE_LINKS_VARIABLE, None)
    options: dict[str, object] = {"strict": strict}
    if site_dir is not None:
        options["site_dir"] = str(site_dir)
    try:
        config = load_config(str(mkdocs_config), **options)
        config.plugins.on_startup(command="build", dirty=not clean)
        build(config, dirty=not clean)
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


def run_build(site_config: Path | None, today: date | None, strict: bool,
              site_dir: Path | None, config_path: Path | None = None,
              engine: str | None = None, for_files: bool = True,
              changed_since: str | None = None, clean: bool = False) -> int:
    mkdocs_config = find_mkdocs_config(site_config, config_path)
    summary = None
    if changed_since is not None:
        borough = load_borough(config_path, start=mkdocs_config.parent)
        changed = changed_offers(borough, changed_since)
        summary = preview_summary(changed, len(offer_paths(borough)))
        click.echo(summary)
        ask_for_preview(changed)
    try:
        folder = build_site(mkdocs_config, today, strict, site_dir, config_path=config_path,
                            engine=engine, clean=clean, file_links=for_files)
    finally:
        no_preview()
        os.environ.pop(FILE_LINKS_VARIABLE, None)
    click.echo(f"The website is in {folder}. Open {folder / 'index.html'} in a browser, or run "
               "'localoffer serve' to preview it.")
    if summary is not None:
        click.echo(summary)
    return 0


@click.command("build")
@click.option("--strict", is_flag=True,
              help="Stop if a published offer has errors (overdue reviews are shown on the "
                   "page instead).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the website. Default: site/ (from mkdocs.yml).")
@click.option("--clean", is_flag=True,
              help="Build from nothing: an empty site folder, and no offer taken from the "
                   "cache (.localoffer-cache/). Default: only what changed is built again.")
@click.option("--changed-since", metavar="REF",
              help="Build a preview of only the offers changed between REF and this version "
                   "(git diff REF...HEAD, what a pull request shows), with their checks: for "
                   "example --changed-since origin/main.")
@click.option("--folder-links", is_flag=True,
              help="Link pages by folder (settings/<name>/), as a web server answers them. "
                   "Default: links name each folder's index.html, so the site also opens "
                   "from disk by double-clicking index.html.")
@engine_option
@site_config_options
@today_option
@config_option
def cli(strict: bool, site_dir: Path | None, clean: bool, changed_since: str | None,
        folder_links: bool,
        engine: str | None,
        site_config: Path | None, old_site_config: Path | None, today: date,
        config_path: Path | None) -> int:
    """Build the borough's Local Offer website (default: into site/).

    Every published offer becomes a page; drafts are left out. Review dates are worked out
    for --today (or the LOCALOFFER_TODAY environment variable, or the real date).
    """
    explicit = click.get_current_context().get_parameter_source("today")
    chosen = today if explicit and explicit.name != "DEFAULT" else None
    return run_build(chosen_site_config(site_config, old_site_config), chosen, strict, site_dir,
                     config_path, engine, for_files=not folder_links,
                     changed_since=changed_since, clean=clean)
