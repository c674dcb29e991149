"""`localoffer import`: bring a setting's existing SEN information report into an offer."""
from __future__ import annotations

from pathlib import Path

import click

from localoffer.commands.options import borough_from, config_option
from localoffer.importing.mapping import INTRO, OTHER
from localoffer.importing.plan import ImportPlan, plan_import, write_import
from localoffer.importing.writer import OTHER_HEADING


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--type", "setting_type", required=True,
              help="The type of setting, for example primary, secondary, special, early-years.")
@click.option("--name", default=None, help="The setting's name, if the report does not say it.")
@click.option("--slug", default=None, help="The offer's folder name. Default: made from the name.")
@click.option("--question-set", "question_set", default=None,
              help="The question set to answer. Default: the usual set for the type.")
@click.option("--dry-run", is_flag=True, help="Show where each section would go; write nothing.")
@click.option("--force", is_flag=True, help="Replace an offer that already exists.")
@config_option
def cli(source: Path, setting_type: str, name: str | None, slug: str | None,
        question_set: str | None, dry_run: bool, force: bool, config_path: Path | None) -> int:
    """Bring an existing SEN information report (web page, Word, PDF, Markdown or text) into
    offers/<slug>/offer.md, each of its sections under the question it answers."""
    borough = borough_from(config_path)
    plan = plan_import(borough, source, setting_type, name, slug, question_set)
    click.echo(f"Read {source} ({plan.report.kind}): {len(plan.placements)} sections.")
    click.echo(mapping_table(plan))
    if dry_run:
        click.echo(f"Dry run: nothing was written. Without --dry-run this writes {plan.path}.")
        return 0
    write_import(plan, force)
    click.echo(f"Wrote {plan.path}.")
    click.echo(next_steps(plan))
    return 0


def mapping_table(plan: ImportPlan) -> str:
    rows = []
    for placement in plan.placements:
        heading = f"'{placement.section.heading}'" if placement.section.heading else \
            "(text before the first heading)"
        if placement.question is not None and placement.score is not None:
            where = f"'{placement.question.text}' ({placement.score.sure}, " \
                    f"{placement.score.score:.0f}/100)"
        elif placement.where == INTRO:
            where = "the welcome at the top (it answers no question)"
        else:
            where = f"'{OTHER_HEADING}' (it answers no question)"
        rows.append(f"  {heading}\n      -> {where}")
    return "Where each of the report's sections goes:\n" + "\n".join(rows)


def next_steps(plan: ImportPlan) -> str:
    steps = []
    unsure = [p for p in plan.placements if p.score is not None and p.question is not None
              and p.score.sure != "sure"]
    if unsure:
        steps.append(f"Check the {len(unsure)} section(s) marked likely or unsure above are "
                     "under the right question; move them if not.")
    others = [p for p in plan.placements if p.where == OTHER]
    if others:
        steps.append(f"Move what you can from '{OTHER_HEADING}' ({len(others)} section(s)) "
                     "under the question it answers, or leave it there.")
    steps.append("Answer the questions that are still empty (their notes say what to cover).")
    steps.append("Fill in the details left empty at the top, including last_reviewed and "
                 "next_review if the report did not give them.")
    steps += plan.notes
    steps.append(f"Then run: localoffer check {plan.path}")
    return "Next:\n" + "\n".join(f"  - {step}" for step in steps)
