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
from localoffer.authoring.translation_skeleton import translation_skeleton
from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.model.offer import OFFER_FILE, load_offer
from localoffer.model.translation import language_of, translation_tag


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


def run_new_translation(borough: Borough, tag: str, slug: str) -> int:
    """Write offers/<slug>/offer.<tag>.md: the English headings, the English text in comments."""
    language = language_of(tag)
    if language is None or translation_tag(f"offer.{tag}.md") is None:
        raise LocalOfferError(f"'{tag}' is not a language code. Use a BCP 47 code such as ur "
                              "(Urdu), pl (Polish), ar (Arabic), bn (Bengali), so (Somali) or "
                              "pa (Punjabi).")
    english_file = borough.offers_dir / check_slug(slug) / OFFER_FILE
    if not english_file.is_file() or english_file.is_symlink():
        raise LocalOfferError("There is no offer for this setting to translate. Give the "
                              "setting's folder name (as in offers/<folder>/offer.md).", slug)
    english = load_offer(english_file, borough)
    if not english.readable:
        raise LocalOfferError("The English offer cannot be read: run 'localoffer check' on it "
                              "and fix what it says first.", english.display_path)
    path = english_file.parent / f"offer.{tag}.md"
    write_new_offer(NewOffer(slug, path, translation_skeleton(english, language)))
    shown = _shown(path)
    click.echo(f"Wrote {shown}, a skeleton for the {language.english_name} translation.\n"
               "Next: put who translated it in translated_by, translate each heading and the "
               f"English under it (in comments), then run: localoffer check {shown}")
    return 0


@click.command("new")
@click.option("--type", "setting_type", metavar="TYPE",
              help="The setting type, for example primary, early-years or fe-college "
                   "(see 'localoffer config --section setting_types').")
@click.option("--name", help="The setting's name, as parents know it.")
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
@click.option("--translation", "language", metavar="LANGUAGE",
              help="Instead, start a translation of the offer of SETTING (a folder name) into "
                   "this language (a BCP 47 code: ur, pl, ar, bn, so, pa, ...): writes "
                   "offers/SETTING/offer.LANGUAGE.md with the English headings and the English "
                   "text as comments to translate.")
@click.argument("setting", required=False, metavar="[SETTING]")
@today_option
@config_option
def cli(setting_type: str | None, name: str | None, question_set: str | None, slug: str | None,
        output: Path | None, branch: bool, language: str | None, setting: str | None,
        today: date, config_path: Path | None) -> int:
    """Start a new offer: writes offers/<slug>/offer.md from the template for its setting type.

    The details the template cannot know are left empty and every answer is empty, so
    'localoffer check' lists what to fill in. An existing offer is never overwritten.

    With --translation LANGUAGE SETTING: start a translation of that setting's offer.
    """
    if language is not None:
        if setting is None:
            raise click.UsageError("Name the setting to translate, for example: localoffer new "
                                   "--translation ur oakfield-primary-school")
        return run_new_translation(borough_from(config_path), language, setting)
    if setting is not None:
        raise click.UsageError(f"'{setting}' is only for --translation. To start a new offer, "
                               "give --type and --name.")
    for option, value in (("--type", setting_type), ("--name", name)):
        if value is None:
            raise click.UsageError(f"Missing option '{option}'.")
    assert setting_type is not None and name is not None
    borough = borough_from(config_path)
    before_write = None
    if branch:
        from localoffer.commands.edit import branch_for_new_offer
        before_write = branch_for_new_offer(borough, today)
    return run_new(borough, setting_type, name, today, question_set, slug, output, before_write)
