"""`localoffer history <slug>`: the published change history of one setting's offer."""
from __future__ import annotations

import json
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.git.repo import main_ref, open_repo, resolve
from localoffer.workflow.offer_versions import HistoryEntry, offer_folder, offer_history

FORMATS = ("text", "json")


def run_history(borough: Borough, slug: str, rev: str | None = None,
                output_format: str = "text") -> int:
    repo = open_repo(borough.root)
    rev = rev or main_ref(repo)
    resolve(repo, rev)
    entries = offer_history(repo, borough, slug, rev)
    if output_format == "json":
        click.echo(json.dumps({"offer": slug, "version": rev,
                               "changes": [entry.as_dict() for entry in entries]},
                              indent=2, ensure_ascii=False))
        return 0
    click.echo(render_text(entries, slug, rev), nl=False)
    return 0


def render_text(entries: list[HistoryEntry], slug: str, rev: str) -> str:
    folder = offer_folder(slug)
    if not entries:
        return (f"There are no published changes to {folder} in {rev}. Check the setting's "
                "folder name (as in offers/<folder>/offer.md).\n")
    count = len(entries)
    lines = [f"Changes to {folder} in {rev}, newest first ({count} change"
             f"{'s' if count != 1 else ''}):", ""]
    for entry in entries:
        lines.append(f"{entry.date:%Y-%m-%d}  {entry.summary}")
        lines.append(f"  Proposed by: {', '.join(map(str, entry.proposed_by))}")
        lines.append(f"  Approved by: {approval(entry)}")
        lines.append(f"  What changed: {entry.sections_changed}")
        lines.append(f"  Commit: {entry.sha[:10]}")
        lines.append("")
    return "\n".join(lines)


def approval(entry: HistoryEntry) -> str:
    """Who approved, by the record's rule (docs/about/approvals.md), and the pull request.

    Email addresses are shown: this is for officers working in the repository, who can read
    them in `git log` anyway and may need to ask the person. The public site shows names only.
    """
    text = ", ".join(map(str, entry.approved_by))
    if entry.approved_by_merging:
        text += " (merged it)"
    text = text or "not recorded in Git (a change made directly, without a review)"
    if entry.pull_request is not None:
        text += f"; pull request #{entry.pull_request}"
    return text


@click.command("history")
@click.argument("slug")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs.")
@click.option("--rev", metavar="VERSION",
              help="Read the history of this branch or commit. Default: the published "
                   "version (main, as last fetched from the shared copy).")
@config_option
def cli(slug: str, output_format: str, rev: str | None, config_path: Path | None) -> int:
    """Show who changed one setting's offer, when, what changed and who approved it.

    SLUG is the setting's folder name in offers/. Approvals come from 'Approved-by:' or
    'Reviewed-by:' lines in the merge or its commits, else from who merged the change; the
    pull request's number comes from the merge message. The rule is the site's, and is
    explained in docs/about/approvals.md; unlike the site, this shows email addresses.
    """
    return run_history(borough_from(config_path), slug, rev, output_format)
