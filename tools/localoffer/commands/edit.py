"""`localoffer edit <slug>`: start (or resume) the branch for changing one setting's offer."""
from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click
import git

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.git.branches import BranchStart, start_offer_branch
from localoffer.git.repo import file_at, main_ref, open_repo, root_of
from localoffer.model.discover import known_slugs
from localoffer.model.offer import OFFER_FILE


def run_edit(borough: Borough, slug: str, today: date, new: bool = False) -> int:
    repo = open_repo(borough.root)
    _check_setting_exists(repo, borough, slug)
    started = start_offer_branch(repo, slug, today, new=new)
    click.echo(describe(started, _offer_path(borough, root_of(repo), slug), slug))
    return 0


def branch_for_new_offer(borough: Borough, today: date) -> Callable[[Any], None]:
    """For 'localoffer new --branch': start the new offer's branch before its file is written
    (called with the planned offer, which has a `slug`)."""
    def start(new: Any) -> None:
        started = start_offer_branch(open_repo(borough.root), new.slug, today)
        click.echo(f"Started the branch {started.branch} from the latest published version "
                   f"({started.base}). When the offer is ready, run: localoffer submit")
    return start


def describe(started: BranchStart, offer_path: str, slug: str) -> str:
    lines = []
    if started.fetch_problem and "no shared copy" not in started.fetch_problem:
        reason = started.fetch_problem.splitlines()[0].removeprefix("fatal: ")
        lines.append("Note: the shared copy could not be reached, so this starts from the "
                     f"last version this computer fetched. Git said: {reason}")
    if started.already_on:
        lines.append(f"You are already on the branch {started.branch}: carry on editing.")
    elif started.resumed:
        lines.append(f"Back on the branch {started.branch}, where your earlier work on this "
                     "offer is (it has not been accepted into the published version yet).")
    else:
        lines.append(f"Started the branch {started.branch} from the latest published "
                     f"version ({started.base}).")
    if started.carried:
        shown = ", ".join(started.carried[:8]) + (", ..." if len(started.carried) > 8 else "")
        lines.append(f"Your changes that are not submitted yet came with you: {shown}.")
    lines += ["", f"Next: edit {offer_path}, then run 'localoffer check {offer_path}'.",
              "When it is ready, run: localoffer submit -m \"what you changed\""]
    return "\n".join(lines)


def _offer_path(borough: Borough, root: Path, slug: str) -> str:
    path = borough.offers_dir / slug / OFFER_FILE
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_setting_exists(repo: git.Repo, borough: Borough, slug: str) -> None:
    slugs = set(known_slugs(borough))
    relative = _offer_path(borough, root_of(repo), slug)
    if slug in slugs or file_at(repo, main_ref(repo), relative) is not None:
        return
    close = [known for known in sorted(slugs) if slug.lower() in known]
    close = (close or difflib.get_close_matches(slug.lower(), sorted(slugs), n=3))[:3]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise LocalOfferError(
        f"There is no offer called '{slug}' in offers/.{hint} Use the folder name of the "
        "setting (as in offers/<folder>/offer.md). To start a new setting's offer, run "
        "'localoffer new --type TYPE --name \"Setting name\" --branch'.")


@click.command("edit")
@click.argument("slug")
@click.option("--new", "new", is_flag=True,
              help="Start a fresh branch even if an earlier one for this offer has work on it.")
@today_option
@config_option
def cli(slug: str, new: bool, today: date, config_path: Path | None) -> int:
    """Start, or go back to, the branch for changing one setting's offer.

    SLUG is the setting's folder name in offers/, for example oakfield-primary-school. The
    branch is called offer/SLUG/DATE and starts from the latest published version (fetched
    from the shared copy first, when there is one). Changes you have not committed are never
    thrown away: if switching would overwrite them, nothing happens and you are told why.
    """
    return run_edit(borough_from(config_path), slug, today, new)
