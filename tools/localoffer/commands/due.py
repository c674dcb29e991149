"""`localoffer due`: settings whose review is overdue or due soon, and the weekly reminders."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.checks.translation_state import TranslationStatus, translation_statuses
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.review import long_date
from localoffer.workflow.due import DueSetting, due_settings, parse_window
from localoffer.workflow.ownership import read_teams
from localoffer.workflow.reminders import GitHubIssues, describe, plan, reminder

FORMATS = ("text", "json", "md")


def run_due(borough: Borough, today: date, within: int | None = None,
            output_format: str = "text") -> int:
    window = borough.due_soon_days if within is None else within
    settings = due_settings(borough, today, window)
    stale = [item for item in translation_statuses(borough) if item.state.is_stale]
    if output_format == "json":
        click.echo(json.dumps({"today": today.isoformat(), "within_days": window,
                               "settings": [item.as_dict() for item in settings],
                               "stale_translations": [item.as_dict() for item in stale]},
                              indent=2, ensure_ascii=False))
    elif output_format == "md":
        click.echo(render_markdown(settings, today, window) + stale_markdown(stale), nl=False)
    else:
        click.echo(render_text(settings, today, window) + stale_text(stale), nl=False)
    return 0


def stale_text(stale: list[TranslationStatus]) -> str:
    """The translations older than their English offer (nothing when there are none)."""
    if not stale:
        return ""
    lines = ["", "Translations out of date (the English offer changed after them):", ""]
    for item in stale:
        lines += [f"{item.name}, {item.language_name} ({item.path})", f"  {item.state.reason}"]
    return "\n".join(lines) + "\n"


def stale_markdown(stale: list[TranslationStatus]) -> str:
    if not stale:
        return ""
    lines = ["", "## Translations out of date", "", "| Setting | Language | Why |",
             "| --- | --- | --- |"]
    lines += [f"| {_cell(item.name)} (`{item.slug}`) | {_cell(item.language_name)} | "
              f"{_cell(item.state.reason)} |" for item in stale]
    return "\n".join(lines) + "\n"


def render_text(settings: list[DueSetting], today: date, window: int) -> str:
    if not settings:
        return (f"No setting's review is overdue or due in the next {window} days "
                f"(as of {long_date(today)}).\n")
    lines = [f"Reviews overdue or due in the next {window} days, as of {long_date(today)}:", ""]
    for item in settings:
        lines += [f"{item.name} ({item.path})",
                  f"  {item.describe()}",
                  f"  maintained by: {', '.join(item.maintainers) or 'nobody listed'}", ""]
    overdue = sum(1 for item in settings if item.days is not None and item.days < 0)
    lines.append(f"{len(settings)} setting{'s' if len(settings) != 1 else ''}, "
                 f"{overdue} overdue.")
    return "\n".join(lines) + "\n"


def render_markdown(settings: list[DueSetting], today: date, window: int) -> str:
    lines = [f"# Reviews overdue or due in the next {window} days", "",
             f"As of {long_date(today)}.", ""]
    if not settings:
        return "\n".join(lines + ["No setting's review is overdue or due soon.", ""])
    lines += ["| Setting | Review | Maintained by |", "| --- | --- | --- |"]
    for item in settings:
        who = ", ".join(item.maintainers) or "nobody listed"
        lines.append(f"| {_cell(item.name)} (`{item.slug}`) | {_cell(item.describe())} | "
                     f"{_cell(who)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def run_reminders(borough: Borough, today: date, within: int | None, dry_run: bool) -> int:
    """Open or update one issue per due setting (and close those whose review is done)."""
    window = borough.due_soon_days if within is None else within
    teams = read_teams(borough)
    reminders = [reminder(item, today, teams) for item in due_settings(borough, today, window)]
    if dry_run:
        click.echo("Dry run: nothing is sent to GitHub.\n")
        click.echo(describe(plan(reminders, None)), nl=False)
        return 0
    token, repository = os.environ.get("GITHUB_TOKEN"), os.environ.get("GITHUB_REPOSITORY")
    if not token or not repository:
        raise LocalOfferError("To open issues, GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) "
                              "must be set, as they are in a GitHub Actions workflow. To see "
                              "what would be opened, add --dry-run.")
    issues = GitHubIssues(repository, token, os.environ.get("GITHUB_API_URL",
                                                            "https://api.github.com"))
    for action in plan(reminders, issues.open_reminders()):
        click.echo(issues.apply(action))
    return 0


def _window(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_window(value)
    except ValueError as error:
        raise click.BadParameter(str(error))


@click.command("due")
@click.option("--within", callback=_window, metavar="DAYS",
              help="How far ahead to look, such as 30d or 6w. Default: the borough's "
                   "due_soon_days (localoffer.yml).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs, md for Markdown.")
@click.option("--open-issues", is_flag=True,
              help="Open or update one GitHub issue per setting (the weekly reminder), "
                   "assigned to its maintainers, and close those whose review is done.")
@click.option("--dry-run", is_flag=True,
              help="With --open-issues: print the issues instead of sending them.")
@today_option
@config_option
def cli(within: int | None, output_format: str, open_issues: bool, dry_run: bool, today: date,
        config_path: Path | None) -> int:
    """List settings whose review is overdue or due soon, with who maintains them.

    Published offers only (drafts have no review yet). Exit code 0 when the list was made,
    whatever it holds; 2 when the command could not run.
    """
    borough = borough_from(config_path)
    if dry_run and not open_issues:
        raise click.UsageError("--dry-run goes with --open-issues.")
    if open_issues:
        return run_reminders(borough, today, within, dry_run)
    return run_due(borough, today, within, output_format)
