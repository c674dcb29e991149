"""`localoffer publish`: publish a review year's version of the website with mike.

Each version (e.g. 2026-27) is a folder on the gh-pages branch, so last year's offers stay
readable while this year's are published; the alias `latest` points at the newest and is the
version readers get by default. mike keeps versions.json, which the theme's version menu reads.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

import click

from localoffer.commands.build import build_site, find_mkdocs_config, prepare
from localoffer.commands.options import (
    chosen_site_config,
    config_option,
    engine_option,
    site_config_options,
    today_option,
)
from localoffer.errors import LocalOfferError

VERSION_PATTERN = re.compile(r"^\d{4}-\d{2}$")
DEFAULT_ALIAS = "latest"


def review_year(today: date) -> str:
    """The school year a date falls in, from September: 2026-11-28 -> '2026-27'."""
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def run_publish(site_config: Path | None, version: str, aliases: list[str], push: bool,
                today: date | None, branch: str, remote: str, title: str | None = None,
                config_path: Path | None = None, engine: str | None = None) -> int:
    if not VERSION_PATTERN.match(version):
        raise LocalOfferError(f"'{version}' is not a review year: write it as 2026-27.")
    mkdocs_config = find_mkdocs_config(site_config, config_path)
    engine = prepare(today, config_path, engine)
    from mike import commands as mike
    from mike import git_utils

    with _inside(mkdocs_config.parent), _version_variable(version):
        from mkdocs.config import load_config
        config = load_config(str(mkdocs_config))
        try:
            if push:
                git_utils.update_from_upstream(remote, branch)
            with mike.deploy(config, version, title or f"{version} review year", aliases,
                             update_aliases=True, branch=branch,
                             message=f"Publish the {version} Local Offer"):
                build_site(mkdocs_config, today, strict=True, site_dir=Path(config["site_dir"]),
                           quiet=True, config_path=config_path, engine=engine, clean=True)
            default = aliases[0] if aliases else version
            try:
                mike.set_default(default, branch=branch,
                                 message=f"Readers get {default} by default")
            except git_utils.GitEmptyCommit:
                pass  # it was already the default
            if push:
                git_utils.push_branch(remote, branch)
        except (git_utils.GitError, ValueError) as error:
            raise LocalOfferError(f"Publishing failed: {error}") from error
    where = f"pushed to {remote}/{branch}" if push else f"on the {branch} branch (not pushed)"
    names = f" with {', '.join(aliases)}" if aliases else ""
    click.echo(f"Published version {version}{names}, {where}.")
    return 0


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


@contextmanager
def _version_variable(version: str) -> Iterator[None]:
    """Tells our plugin (and mike's) which version is being built: it turns on the theme's
    version menu."""
    previous = os.environ.get("MIKE_DOCS_VERSION")
    os.environ["MIKE_DOCS_VERSION"] = version
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("MIKE_DOCS_VERSION", None)
        else:
            os.environ["MIKE_DOCS_VERSION"] = previous


@click.command("publish")
@click.option("--version", "version", metavar="YYYY-YY",
              help="The review year to publish, such as 2026-27. Default: the school year of "
                   "--today.")
@click.option("--alias", "aliases", multiple=True, default=[DEFAULT_ALIAS], show_default=True,
              help="Other names for this version; the first is what readers get by default.")
@click.option("--push", is_flag=True, help="Push the gh-pages branch to the remote.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch to publish to.")
@click.option("--remote", default="origin", show_default=True, help="Remote to push to.")
@click.option("--title", help="The version's name in the version menu.")
@engine_option
@site_config_options
@today_option
@config_option
def cli(version: str | None, aliases: tuple[str, ...], push: bool, branch: str, remote: str,
        title: str | None, engine: str | None, site_config: Path | None,
        old_site_config: Path | None, today: date, config_path: Path | None) -> int:
    """Publish this year's website as a version (with mike), keeping earlier years readable.

    Builds the site strictly (a published offer with errors stops it), commits it to the
    gh-pages branch under the version's folder, and points the alias (default: latest) at it.
    """
    explicit = click.get_current_context().get_parameter_source("today")
    chosen = today if explicit and explicit.name != "DEFAULT" else None
    return run_publish(chosen_site_config(site_config, old_site_config),
                       version or review_year(today), list(aliases), push, chosen, branch,
                       remote, title, config_path, engine)
