"""`localoffer new`: start a new offer from the template for its setting type."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import click

from localoffer.authoring.template import (
    check_slug,
    offer_template,
    slug_for,
    template_request,
)
from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.model.offer import OFFER_FILE


@dataclass(frozen=True)
class NewOffer:
    """An offer about to be written: where it goes and what it says."""

    slug: str
    path: Path
    text: str


def plan_new_offer(borough: Borough, setting_type: str, name: str, today: date,
                   question_set: str | None = None, slug: str | None = None,
                   output: Path | None = None) -> NewOffer:
    """Work out the new offer's folder and text; raise LocalOfferError if it cannot be made."""
    request = template_request(borough, name, setting_type, question_set, today)
    slug = check_slug(slug) if slug else slug_for(request.name)
    if not slug:
        raise LocalOfferError("The name has no letters or digits to make a folder name from: "
                              "give one with --slug, for example --slug oakfield-primary.")
    path = (output or borough.offers_dir) / slug / OFFER_FILE
    if path.exists():
        raise LocalOfferError("An offer already exists here, so nothing was written. To change "
                              "it, edit that file; to start another setting's offer, choose a "
                              "different --name or --slug.", str(path))
    return NewOffer(slug, path, offer_template(borough, request))


def write_new_offer(new: NewOffer) -> None:
    new.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": never overwrite, even if the file appeared since plan_new_offer looked.
        with new.path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(new.text)
    except FileExistsError:
        raise LocalOfferError("An offer already exists here, so nothing was written.",
                              str(new.path)) from None


def run_new(borough: Borough, setting_type: str, name: str, today: date,
            question_set: str | None = None, slug: str | None = None,
            output: Path | None = None,
            before_write: Callable[[NewOffer], None] | None = None) -> int:
    """Write a new offer from the template and say what to do next.

    `before_write` runs once the offer is planned and checked, before anything is written
    (for example, to start a Git branch named after `new.slug`).
    """
    new = plan_new_offer(borough, setting_type, name, today, question_set, slug, output)
    if before_write is not None:
        before_write(new)
    write_new_offer(new)
    shown = _shown(new.path)
    click.echo(f"Wrote {shown}.\n"
               f"Next: fill in the empty details at the top, answer every question (the notes "
               f"under each heading say what to cover), then run: localoffer check {shown}")
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@click.command("new")
@click.option("--type", "setting_type", required=True, metavar="TYPE",
              help="The setting type, for example primary, early-years or fe-college "
                   "(see 'localoffer config --section setting_types').")
@click.option("--name", required=True, help="The setting's name, as parents know it.")
@click.option("--question-set", metavar="ID",
              help="The questions to answer. Default: the usual set for the setting type "
                   "(see 'localoffer questions').")
@click.option("--slug", metavar="FOLDER",
              help="The offer's folder name. Default: made from the name, like oakfield-primary-school.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), metavar="FOLDER",
              help="The folder the offers live in. Default: offers/ beside localoffer.yml.")
@click.option("--branch", is_flag=True,
              help="Also start the Git branch offer/<slug>/<date> for the new offer, from the "
                   "latest published version (as 'localoffer edit' does).")
@today_option
@config_option
def cli(setting_type: str, name: str, question_set: str | None, slug: str | None,
        output: Path | None, branch: bool, today: date, config_path: Path | None) -> int:
    """Start a new offer: writes offers/<slug>/offer.md from the template for its setting type.

    The details the template cannot know are left empty and every answer is empty, so
    'localoffer check' lists what to fill in. An existing offer is never overwritten.
    """
    borough = borough_from(config_path)
    before_write = None
    if branch:
        from localoffer.commands.edit import branch_for_new_offer
        before_write = branch_for_new_offer(borough, today)
    return run_new(borough, setting_type, name, today, question_set, slug, output, before_write)
