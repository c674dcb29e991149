"""`localoffer diff <slug> [REV] [REV2]`: what changed in an offer, section by section."""
from __future__ import annotations

import json
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.errors import LocalOfferError
from localoffer.git.history import Change, read_history
from localoffer.git.repo import main_ref, merge_base, open_repo, resolve, root_of
from localoffer.model import Offer, load_offer
from localoffer.model.offer import OFFER_FILE
from localoffer.workflow.compare import OfferComparison, Rewording, compare_offers
from localoffer.workflow.offer_versions import load_version

FORMATS = ("text", "json")
WORKING_COPY = "your working copy"


def run_diff(borough: Borough, slug: str, old_rev: str | None = None,
             new_rev: str | None = None, output_format: str = "text") -> int:
    repo = open_repo(borough.root)
    root = root_of(repo)
    file = borough.offers_dir / slug / OFFER_FILE
    try:
        relative = file.resolve().relative_to(root).as_posix()
    except ValueError:
        raise LocalOfferError("The offers folder is outside this Git repository.", str(file))
    if old_rev is None:
        published = main_ref(repo)
        old_rev = merge_base(repo, "HEAD", published) or published
        old_label = f"the published version ({published}, as this branch started from it)"
    else:
        old_label = old_rev
    old_sha = resolve(repo, old_rev)
    before = load_version(repo, borough, old_sha, relative)
    if new_rev is None:
        after: Offer | None = load_offer(file, borough, relative) if file.exists() else None
        new_label = WORKING_COPY
    else:
        after = load_version(repo, borough, resolve(repo, new_rev), relative)
        new_label = new_rev
    if before is None and after is None:
        raise LocalOfferError(f"There is no offer at {relative} in either version. Check the "
                              "setting's folder name and the versions you named.")
    comparison = compare_offers(before, after)
    folder = relative.rsplit("/", 1)[0] + "/"
    last = next(iter(read_history(root, old_sha).touching(folder)), None)
    if output_format == "json":
        click.echo(json.dumps({"offer": relative, "from": old_label, "to": new_label,
                               "from_last_change": _change_record(last, folder),
                               **comparison.as_dict()}, indent=2, ensure_ascii=False))
    else:
        name = (after or before).name if (after or before) else slug  # type: ignore[union-attr]
        click.echo(render_text(comparison, name, relative, old_label, new_label,
                               borough.reading_ease_min, _last_change(last, folder)), nl=False)
    return 0


def _last_change(change: Change | None, folder: str) -> str:
    """Who proposed and approved the earlier version's last change, by the record's rule."""
    if change is None:
        return ""
    approved = ("approved by " + ", ".join(map(str, change.approved_by))
                if change.approved_by else "no approval recorded in Git (made directly)")
    if change.approved_by_merging:
        approved += " (merged it)"
    return (f"Its last change: {change.date:%Y-%m-%d} {change.summary((folder,))}; proposed by "
            f"{', '.join(map(str, change.proposed_by((folder,))))}; {approved}.")


def _change_record(change: Change | None, folder: str) -> dict[str, object] | None:
    if change is None:
        return None
    return {"commit": change.sha, "date": change.date.isoformat(),
            "summary": change.summary((folder,)),
            "proposed_by": [str(person) for person in change.proposed_by((folder,))],
            "approved_by": [str(person) for person in change.approved_by],
            "approved_by_merging": change.approved_by_merging}


def render_text(comparison: OfferComparison, name: str, relative: str, old_label: str,
                new_label: str, ease_min: float, last_change: str = "") -> str:
    lines = [f"Changes to the offer of {name} ({relative})", f"from {old_label}",
             *([last_change] if last_change else []), f"to {new_label}", ""]
    if not comparison.old_exists:
        lines += ["This is a new offer: it is not in the earlier version.", ""]
    if not comparison.new_exists:
        lines += ["This offer has been removed.", ""]
    if not comparison.changed:
        return "\n".join(lines + ["No changes: the two versions say the same.", ""])
    if comparison.fields:
        lines.append(f"Details at the top changed ({len(comparison.fields)}):")
        lines += [f"  {item.describe()}" for item in comparison.fields]
        lines.append("")
    if comparison.added:
        lines.append(f"Sections added ({len(comparison.added)}):")
        lines += [f"  + {heading}" for heading in comparison.added]
        lines.append("")
    if comparison.removed:
        lines.append(f"Sections removed ({len(comparison.removed)}):")
        lines += [f"  - {heading}" for heading in comparison.removed]
        lines.append("")
    reworded = ([comparison.introduction] if comparison.introduction else []) + comparison.reworded
    if reworded:
        lines.append(f"Sections reworded ({len(reworded)}):")
        for item in reworded:
            lines += _rewording(item)
        lines.append("")
    if comparison.old_exists and comparison.new_exists:
        lines += [f"Sections unchanged: {comparison.unchanged}", ""]
    lines.append(f"Reading ease of the whole offer: {_ease(comparison.ease_before)} → "
                 f"{_ease(comparison.ease_after)} (higher is easier to read; the borough asks "
                 f"for at least {ease_min:g})")
    return "\n".join(lines) + "\n"


def _rewording(item: Rewording) -> list[str]:
    lines = [f"  ~ {item.heading}", f"    {item.describe()}"]
    if item.snippets:
        lines.append("    " + "; ".join(item.snippets))
    if item.ease_before is not None or item.ease_after is not None:
        lines.append(f"    reading ease {_ease(item.ease_before)} → {_ease(item.ease_after)}")
    return lines


def _ease(value: float | None) -> str:
    return "none (no words)" if value is None else f"{value:.0f}"


@click.command("diff")
@click.argument("slug")
@click.argument("old_rev", metavar="[REV]", required=False)
@click.argument("new_rev", metavar="[REV2]", required=False)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs.")
@config_option
def cli(slug: str, old_rev: str | None, new_rev: str | None, output_format: str,
        config_path: Path | None) -> int:
    """Summarise what changed in one setting's offer, section by section (for reviewers).

    With no versions: the published version this branch started from, against the file as it
    is now. With REV: that version against the file now. With REV and REV2: one against the
    other (branch names, tags or commit ids, e.g. origin/main origin/offer/oakfield/2026-11-28).
    Shows sections added, removed and reworded, details changed and reading ease; not a line
    by line diff (use 'git diff' for that).
    """
    return run_diff(borough_from(config_path), slug, old_rev, new_rev, output_format)
