"""`localoffer questions`: list the question sets, their questions and the areas they answer."""
from __future__ import annotations

from pathlib import Path

import click

from localoffer.borough import Borough, QuestionSet
from localoffer.commands.options import borough_from, config_option
from localoffer.errors import LocalOfferError

BOROUGH_MARK = "[borough]"


def run_questions(borough: Borough, set_id: str | None = None,
                  setting_type: str | None = None) -> int:
    """Print the sets (no arguments), or the questions of one set, for one type if given."""
    if setting_type is not None and setting_type not in borough.setting_types:
        raise LocalOfferError(f"There is no setting type '{setting_type}'. Known types: "
                              f"{', '.join(borough.setting_types)}.")
    if set_id is not None and set_id not in borough.question_sets:
        raise LocalOfferError(f"There is no question set '{set_id}'. Known sets: "
                              f"{', '.join(borough.question_sets)}.")
    if set_id is None and setting_type is None:
        click.echo(list_sets(borough), nl=False)
        return 0
    if set_id is None:
        set_id = borough.setting_types[setting_type].question_set  # type: ignore[index]
    click.echo(list_questions(borough, borough.question_sets[set_id], setting_type), nl=False)
    return 0


def list_sets(borough: Borough) -> str:
    lines = []
    for question_set in borough.question_sets.values():
        default_for = [kind.id for kind in borough.setting_types.values()
                       if kind.question_set == question_set.id]
        lines += [f"{question_set.id}: {question_set.title}",
                  f"  for {question_set.audience}; {len(question_set.questions)} questions, "
                  f"{sum(q.borough for q in question_set.questions)} added by the borough",
                  f"  written for: {', '.join(question_set.setting_types) or 'every type'}"]
        if default_for:
            lines.append(f"  used by default for: {', '.join(default_for)}")
        lines.append("")
    lines.append("Run 'localoffer questions --set ID' to see a set's questions, or "
                 "'localoffer questions --type TYPE' for the questions a setting type answers.")
    return "\n".join(lines) + "\n"


def list_questions(borough: Borough, question_set: QuestionSet,
                   setting_type: str | None = None) -> str:
    questions = (question_set.questions_for(setting_type) if setting_type
                 else question_set.questions)
    heading = f"{question_set.id}: {question_set.title}"
    if setting_type:
        heading += f", for a {borough.setting_types[setting_type].label.lower()} ({setting_type})"
    lines = [heading, ""]
    for question in questions:
        mark = f" {BOROUGH_MARK}" if question.borough else ""
        lines.append(f"{question.id}{mark}")
        lines.append(f"  ## {question.text}")
        lines.append(f"  area: {', '.join(question.areas)}")
        if question.setting_types and not setting_type:
            lines.append(f"  only for: {', '.join(question.setting_types)}")
    lines.append("")
    if any(question.borough for question in questions):
        lines.append(f"{BOROUGH_MARK}: a question the borough added to the published set, so "
                     "that every area a setting must cover has a question.")
    if setting_type:
        lines += _coverage(borough, question_set, setting_type)
    return "\n".join(lines) + "\n"


def _coverage(borough: Borough, question_set: QuestionSet, setting_type: str) -> list[str]:
    required = borough.setting_types[setting_type].required_areas
    notes = []
    if question_set.setting_types and setting_type not in question_set.setting_types:
        notes.append(f"Note: this set is not written for {setting_type} settings; it is for "
                     f"{', '.join(question_set.setting_types)}.")
    missing = [area for area in required if area not in question_set.areas_covered(setting_type)]
    if not missing:
        return notes + [f"These questions cover all {len(required)} areas an offer for setting "
                        f"type {setting_type} must cover."]
    return notes + [f"These questions leave out {len(missing)} of the areas an offer for setting "
                    f"type {setting_type} must cover: {', '.join(missing)}. Add a section "
                    "for each, with {#area-id} after its heading."]


@click.command("questions")
@click.option("--set", "set_id", metavar="ID", help="Show the questions of this set.")
@click.option("--type", "setting_type", metavar="TYPE",
              help="Show the questions a setting of this type answers (from its usual set, "
                   "or from --set).")
@config_option
def cli(set_id: str | None, setting_type: str | None, config_path: Path | None) -> int:
    """List the question sets, or one set's questions with their ids and areas.

    Questions the borough added to a published set are marked [borough].
    """
    return run_questions(borough_from(config_path), set_id, setting_type)
