"""`localoffer translations`: which settings are translated into which languages, which
translations are out of date, and which are missing."""
from __future__ import annotations

import json
from pathlib import Path

import click

from localoffer.commands.options import borough_from, config_option
from localoffer.errors import LocalOfferError
from localoffer.model.translation import language_of
from localoffer.workflow.translations import TranslationOverview, translation_overview

FORMATS = ("text", "json")
_STATE_WORDS = {"current": "up to date", "stale": "OUT OF DATE", "unknown": "cannot tell"}


def run_translations(overview: TranslationOverview, output_format: str) -> int:
    if output_format == "json":
        click.echo(json.dumps(overview.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(overview), nl=False)
    return 0


def render_text(overview: TranslationOverview) -> str:
    if not overview.languages:
        return ("No offer is translated yet. A translation is offers/<setting>/offer.<language>"
                ".md: start one with 'localoffer new --translation ur SETTING'.\n")
    lines = ["Translations by language:", ""]
    for item in overview.languages:
        lines.append(f"  {item.name} ({item.tag}, {item.autonym}): {item.current} up to date, "
                     f"{item.stale} out of date, {item.unknown} cannot tell, "
                     f"{item.missing} missing")
    lines += ["", "By setting:", ""]
    untranslated = []
    for setting in overview.settings:
        if not setting.translations:
            untranslated.append(setting.name)
            continue
        lines.append(f"{setting.name} ({setting.path})")
        for each in setting.translations:
            who = f", translated by {each.translated_by}" if each.translated_by else ""
            lines.append(f"  {each.language_name}: {_STATE_WORDS[each.state.freshness.value]} "
                         f"({each.state.reason}{who})")
        if setting.missing:
            lines.append("  missing: " + ", ".join(_name(tag) for tag in setting.missing))
    if untranslated:
        lines += ["", f"Not translated yet ({len(untranslated)}): " + ", ".join(untranslated)]
    return "\n".join(lines) + "\n"


def _name(tag: str) -> str:
    language = language_of(tag)
    return language.english_name if language else tag


def _languages(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    for tag in value:
        if language_of(tag) is None:
            raise click.BadParameter(f"'{tag}' is not a language code: use a BCP 47 code such as "
                                     "ur (Urdu), pl (Polish), ar (Arabic) or bn (Bengali).")
    return list(value)


@click.command("translations")
@click.option("--language", "languages", multiple=True, callback=_languages, metavar="CODE",
              help="Also count this language as missing where a setting has no translation "
                   "into it (repeat for several), such as --language so.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs.")
@config_option
def cli(languages: list[str], output_format: str, config_path: Path | None) -> int:
    """List each setting's translations (offers/<setting>/offer.<language>.md): which are up
    to date with the English offer, which are out of date, and which languages other settings
    have that it lacks.

    Exit code 0 when the list was made, whatever it holds; 2 when the command could not run.
    """
    borough = borough_from(config_path)
    if not borough.offers_dir.is_dir():
        raise LocalOfferError("There is no offers folder here to look in.", str(borough.offers_dir))
    return run_translations(translation_overview(borough, languages), output_format)
