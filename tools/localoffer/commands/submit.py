"""`localoffer submit`: check the changed offer, commit only its files, push, link to review.

Only the offer and its pictures are sent (model/offer_folder.py lists the kinds): a pushed
branch of a public repository is public at once, so a pupil list or an editor's temporary
file left in the folder is named and left on the computer, never committed. Nothing is
committed or pushed while Git is in the middle of a merge or a rebase, and nothing is staged
before the checks pass (staging a conflicted file would mark its conflict resolved).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import click
import git

from localoffer.borough import Borough
from localoffer.checks import run_checks
from localoffer.commands.check_output import render
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.errors import LocalOfferError
from localoffer.git.branches import slug_of_branch
from localoffer.git.commit import commit_paths, is_pushed, push_branch
from localoffer.git.pull_requests import hosting, pull_request_link
from localoffer.git.repo import (
    changed_files,
    current_branch,
    main_branch,
    main_ref,
    merge_base,
    open_repo,
    remote_name,
    remote_url,
    root_of,
    uncommitted_paths,
    unfinished_operation,
)
from localoffer.model import load_offer
from localoffer.model.offer import OFFER_FILE
from localoffer.model.offer_folder import folder_file_problem
from localoffer.workflow.compare import compare_offers
from localoffer.workflow.offer_versions import load_version


@dataclass
class BranchChanges:
    """What differs on this branch from the published version, split by setting."""

    offers_prefix: str
    uncommitted: list[str]
    committed: list[str]
    by_slug: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for path in [*self.committed, *self.uncommitted]:
            slug = self.slug_of(path)
            if slug:
                self.by_slug.setdefault(slug, []).append(path)

    def slug_of(self, path: str) -> str | None:
        if not path.startswith(self.offers_prefix):
            return None
        parts = path[len(self.offers_prefix):].split("/")
        return parts[0] if len(parts) > 1 and parts[0] else None


def branch_changes(repo: git.Repo, offers_prefix: str, base: str) -> BranchChanges:
    committed = [path for change in changed_files(repo, base, "HEAD", three_dot=False)
                 for path in change.paths]
    return BranchChanges(offers_prefix, uncommitted_paths(repo), list(dict.fromkeys(committed)))


def run_submit(borough: Borough, today: date, message: str | None = None,
               slug: str | None = None, proposed_by: str | None = None) -> int:
    repo = open_repo(borough.root)
    root = root_of(repo)
    _refuse_unfinished_operation(repo)
    branch = _working_branch(repo)
    base = merge_base(repo, "HEAD", main_ref(repo)) or main_ref(repo)
    offers_prefix = _relative(borough.offers_dir, root) + "/"
    changes = branch_changes(repo, offers_prefix, base)
    slug = _which_offer(changes, slug or slug_of_branch(branch))
    folder = f"{offers_prefix}{slug}/"
    offer_file = borough.offers_dir / slug / OFFER_FILE
    in_folder = [path for path in changes.uncommitted if path.startswith(folder)]
    refused = {path: why for path in in_folder
               if (why := _why_not_sent(root, path, path[len(folder):]))}
    pending = [path for path in in_folder if path not in refused]
    left_alone = [path for path in changes.uncommitted if not path.startswith(folder)]
    sent_before = _committed_problems(repo, base, offers_prefix)
    if sent_before:
        click.echo(_listed("This branch already has commits that add files which must not be "
                           "sent:", sent_before))
        click.echo("Nothing was committed or sent: these commits are only on this computer. "
                   "Ask your LA contact to help you take the files out of the branch.")
        return 1
    if refused:
        click.echo(_listed("Not sent (left on this computer exactly as they are):", refused))
        if not pending and not changes.committed:
            click.echo("Nothing was committed or sent: there is no change to the offer or its "
                       "pictures to send.")
            return 1

    if offer_file.exists():
        report = run_checks([offer_file], borough, today)
        if report.failed():
            click.echo(render(report, "text"), nl=False)
            click.echo("Nothing was committed or sent: fix the errors above, then run "
                       "'localoffer submit' again.")
            return 1
        click.echo(f"Checked {folder}{OFFER_FILE}: it passes the checks.")

    if pending:
        text = commit_message(repo, borough, base, folder + OFFER_FILE, offer_file, message,
                              proposed_by)
        click.echo("Committing:\n" + "\n".join(f"  {path}" for path in pending))
        commit_paths(repo, pending, text)
        click.echo(f"Committed your changes to {folder} on the branch {branch}: "
                   f"\"{text.splitlines()[0]}\"")
    elif is_pushed(repo, branch):
        click.echo(f"Nothing new to send: the branch {branch} is already in the shared copy.")
        _next_step(repo, branch, main_branch(repo))
        _report_left_alone(left_alone)
        return 0

    _warn_other_commits(changes, folder)
    if remote_name(repo) is None:
        click.echo(f"Your change is saved on this computer, on the branch {branch}. This folder "
                   "has no shared copy (remote) to send it to: ask your LA contact how changes "
                   "reach them, or to set one up with 'git remote add origin <address>'.")
        _report_left_alone(left_alone)
        return 0
    remote = push_branch(repo, branch)
    click.echo(f"Sent the branch {branch} to the shared copy ({remote}).")
    _next_step(repo, branch, main_branch(repo))
    _report_left_alone(left_alone)
    return 0


def commit_message(repo: git.Repo, borough: Borough, base: str, relative: str, offer_file: Path,
                   message: str | None, proposed_by: str | None) -> str:
    before = load_version(repo, borough, base, relative)
    after = load_offer(offer_file, borough, relative) if offer_file.exists() else None
    comparison = compare_offers(before, after)
    name = (after or before).name if (after or before) else relative.split("/")[-2]
    subject = (message or "").strip() or f"Update the offer of {name}"
    lines = [subject, "", f"Offer: {name} ({relative})",
             f"What changed: {comparison.short()}"]
    if proposed_by:
        lines += ["", f"Proposed-by: {proposed_by.strip()}"]
    return "\n".join(lines) + "\n"


def _refuse_unfinished_operation(repo: git.Repo) -> None:
    unfinished = unfinished_operation(repo)
    if unfinished is None:
        return
    what, undo = unfinished
    way_out = f" Or, to go back to how things were before it, run '{undo}'." if undo else ""
    raise LocalOfferError(
        f"Git is in the middle of {what}, so nothing can be committed or sent now. Nothing has "
        "been changed. Finish it first: in each file that 'git status' lists as in conflict, "
        "keep the words you want and delete the lines <<<<<<<, ======= and >>>>>>>, run "
        "'localoffer check' on it, then 'git add' it; when all are done, run 'git commit' (or "
        f"'git rebase --continue' for a rebase).{way_out} Then run 'localoffer submit' again.")


def _why_not_sent(root: Path, path: str, inside: str) -> str | None:
    """Why an uncommitted file in the setting's folder is not sent; None when it is."""
    where = root / path
    if where.is_symlink():
        return ("This is a shortcut (symbolic link), and an offer's folder holds only real "
                "files. Put the file itself in the folder instead.")
    if not where.exists():
        return None  # deleted: sending the deletion sends nothing of the file
    if not where.is_file():
        return "This is not a regular file, so it cannot be part of an offer."
    return folder_file_problem(inside)


def _committed_problems(repo: git.Repo, base: str, offers_prefix: str) -> dict[str, str]:
    """Files in the offers folder that the branch's commits add but must never be sent."""
    problems = {}
    for change in changed_files(repo, base, "HEAD", three_dot=False):
        parts = change.path[len(offers_prefix):].split("/")
        if change.status == "D" or not change.path.startswith(offers_prefix) or len(parts) < 2:
            continue
        if change.is_symlink or change.is_submodule:
            problems[change.path] = "This is a link, and an offer's folder holds only real files."
        elif why := folder_file_problem("/".join(parts[1:])):
            problems[change.path] = why
    return problems


def _listed(heading: str, reasons: dict[str, str]) -> str:
    return heading + "".join(f"\n  {path}: {why}" for path, why in reasons.items())


def _working_branch(repo: git.Repo) -> str:
    branch = current_branch(repo)
    if branch is None:
        raise LocalOfferError("You are not on a branch (Git calls this a 'detached HEAD'), so "
                              "there is nowhere to save a change. Run 'localoffer edit "
                              "<setting>' to start a branch for the offer you are changing.")
    if branch == main_branch(repo):
        raise LocalOfferError(f"You are on {branch}, the published version, which only "
                              "changes through reviews. Run 'localoffer edit <setting>' first: "
                              "your changes come with you onto a branch for review. Nothing "
                              "has been changed.")
    return branch


def _which_offer(changes: BranchChanges, wanted: str | None) -> str:
    changed = sorted(changes.by_slug)
    if wanted:
        if wanted not in changes.by_slug:
            others = f" You have changed: {', '.join(changed)}." if changed else ""
            raise _nothing(f"There is nothing to submit for '{wanted}': its offer has not "
                           f"changed on this branch.{others}")
        return wanted
    if not changed:
        raise _nothing("There is nothing to submit: no offer has changed on this branch.")
    if len(changed) > 1:
        raise LocalOfferError(f"You have changed more than one offer ({', '.join(changed)}). "
                              "Each is reviewed on its own: submit one at a time, for "
                              f"example: localoffer submit --offer {changed[0]}")
    return changed[0]


def _nothing(message: str) -> LocalOfferError:
    """Nothing to submit is a finding (exit code 1), not a failure to run."""
    error = LocalOfferError(message)
    error.exit_code = 1
    return error


def _next_step(repo: git.Repo, branch: str, target: str) -> None:
    url = remote_url(repo)
    link = pull_request_link(url, branch, target) if url else None
    if link:
        host = hosting(url or "")
        name = host.name if host else "your Git host"
        click.echo(f"Next: open this link to ask an LA reviewer to review your change "
                   f"(a pull request on {name}), check it and press the button to create it:\n"
                   f"  {link}")
    else:
        click.echo(f"Next: on your Git host's website, open a pull request (it may be called "
                   f"a merge request) from the branch {branch} into {target}.")
    click.echo("An LA reviewer will read it. You will be told when they comment or approve.")


def _warn_other_commits(changes: BranchChanges, folder: str) -> None:
    others = [path for path in changes.committed if not path.startswith(folder)]
    if others:
        shown = ", ".join(others[:8]) + (", ..." if len(others) > 8 else "")
        click.echo(f"Note: this branch also has earlier commits that change {shown}. They will "
                   "be part of the review too; files outside your setting's folder need an LA "
                   "reviewer's approval.")


def _report_left_alone(paths: list[str]) -> None:
    if paths:
        shown = "\n".join(f"  {path}" for path in paths[:20])
        more = f"\n  ... and {len(paths) - 20} more" if len(paths) > 20 else ""
        click.echo("Left alone (not part of this submission, still on this computer exactly "
                   f"as they were):\n{shown}{more}")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise LocalOfferError("The offers folder is outside this Git repository, so its "
                              "changes cannot be submitted.", str(path))


@click.command("submit")
@click.option("-m", "--message", metavar="TEXT",
              help="What you changed, in a few words (it becomes the change's title).")
@click.option("--offer", "slug", metavar="SLUG",
              help="Which setting's offer to submit, when you changed more than one.")
@click.option("--proposed-by", metavar="NAME",
              help="Who asked for the change, when you submit it for someone else, such as "
                   "\"Mrs Amira Khan <senco@school.example>\". Default: you.")
@today_option
@config_option
def cli(message: str | None, slug: str | None, proposed_by: str | None, today: date,
        config_path: Path | None) -> int:
    """Check your changed offer, save it (commit) and send it for review (push).

    Only the offer and the pictures (.png, .jpg, .jpeg, .gif, .webp) of the setting you are
    changing are included, and listed before they are committed; anything else you have
    changed (another offer, a spreadsheet, an editor's temporary file) is left alone, exactly
    as it is, and listed with the reason. If the checks find errors, or Git is in the middle
    of a merge or a rebase, nothing is saved or sent. Exit code 0: sent (or saved, without a
    shared copy); 1: the checks failed or there was nothing to submit; 2: the command could
    not run.
    """
    return run_submit(borough_from(config_path), today, message, slug, proposed_by)
