"""`localoffer codeowners`: write .github/CODEOWNERS from the offers' maintainers."""
from __future__ import annotations

from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.model import load_offer
from localoffer.model.discover import find_offer_files
from localoffer.workflow.codeowners import CODEOWNERS_PATH, codeowners


def run_codeowners(borough: Borough, check: bool = False) -> int:
    files = find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []
    result = codeowners((load_offer(path, borough) for path in files), borough.reviewers)
    for path, entry in result.skipped:
        click.echo(f"{path}: '{entry}' in maintainers is not a user (@name), team "
                   "(@organisation/team) or email address, so it is left out of CODEOWNERS.",
                   err=True)
    target = borough.root / CODEOWNERS_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current == result.text:
            click.echo(f"{CODEOWNERS_PATH} is up to date.")
            return 0
        click.echo(f"{CODEOWNERS_PATH} is out of date: an offer's maintainers (or the LA "
                   "reviewers) changed. Run 'localoffer codeowners' and commit the file.")
        return 1
    if current == result.text:
        click.echo(f"{CODEOWNERS_PATH} is already up to date.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result.text, encoding="utf-8")
    count = f"{len(files)} offer{'s' if len(files) != 1 else ''}"
    click.echo(f"Wrote {CODEOWNERS_PATH} ({count}). Commit it with your change.")
    return 0


@click.command("codeowners")
@click.option("--check", is_flag=True,
              help="Only check the file is up to date (exit code 1 when it is not).")
@config_option
def cli(check: bool, config_path: Path | None) -> int:
    """Write .github/CODEOWNERS: each setting's folder is owned by its maintainers and the LA
    reviewers; everything else by the LA reviewers."""
    return run_codeowners(borough_from(config_path), check)
