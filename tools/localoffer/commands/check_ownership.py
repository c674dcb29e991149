"""`localoffer check-ownership`: refuse a change that touches files the author may not change."""
from __future__ import annotations

import tempfile
from pathlib import Path

import click
import git

from localoffer.borough import Borough, load_borough
from localoffer.borough.config import CONFIG_FILE, find_config
from localoffer.commands.options import config_option
from localoffer.errors import LocalOfferError
from localoffer.git.repo import (
    FileChange,
    changed_files,
    file_at,
    folders_at,
    open_repo,
    resolve,
    root_of,
)
from localoffer.model.offer import OFFER_FILE
from localoffer.workflow.offer_versions import load_version
from localoffer.workflow.ownership import (
    OFFERS,
    OwnershipRules,
    Refusal,
    check_changes,
    read_teams,
)

FORMATS = ("text", "github")


def run_check_ownership(config_path: Path | None, base: str, head: str, author: str,
                        output_format: str = "text") -> int:
    """The rules come from `base` (localoffer.yml and the offers as they were), so a change
    can neither grant itself permissions nor stop the check by breaking localoffer.yml."""
    config = config_path or find_config(Path.cwd().resolve())
    root = (config.parent if config else Path.cwd()).resolve()
    repo = open_repo(root)
    if root_of(repo) != root:
        raise LocalOfferError("localoffer.yml must be in the top folder of the repository for "
                              "the ownership check.", str(config))
    base_sha, head_sha = resolve(repo, base), resolve(repo, head)
    changes = changed_files(repo, base_sha, head_sha)
    rules_borough = borough_at(repo, root, base_sha)
    rules = ownership_rules(repo, rules_borough, base_sha, changes)
    refusals = check_changes(
        changes, rules, author,
        maintainers_changed=maintainers_changed(repo, rules_borough, base_sha, head_sha, changes))
    paths = len({path for change in changes for path in change.paths})
    click.echo(render(refusals, paths, author, output_format), nl=False)
    return 1 if refusals else 0


def borough_at(repo: git.Repo, root: Path, rev: str) -> Borough:
    """The borough's rules as they were in `rev` (the packaged defaults if it had none)."""
    content = file_at(repo, rev, CONFIG_FILE)
    with tempfile.TemporaryDirectory() as folder:
        if content is None:
            earlier = load_borough(None, start=Path(folder))
        else:
            config = Path(folder) / CONFIG_FILE
            config.write_bytes(content)
            earlier = load_borough(config)
    earlier.root = root
    return earlier


def ownership_rules(repo: git.Repo, borough: Borough, base: str,
                    changes: list[FileChange]) -> OwnershipRules:
    """Maintainers of the settings touched, as listed in their offers before the change."""
    touched = {path.split("/")[1] for change in changes for path in change.paths
               if path.startswith(f"{OFFERS}/") and path.count("/") >= 2}
    maintainers: dict[str, list[str]] = {slug: [] for slug in folders_at(repo, base, OFFERS)}
    for slug in touched & set(maintainers):
        offer = load_version(repo, borough, base, f"{OFFERS}/{slug}/{OFFER_FILE}")
        maintainers[slug] = offer.maintainers if offer is not None else []
    return OwnershipRules(maintainers, borough.reviewers, read_teams(borough))


def maintainers_changed(repo: git.Repo, borough: Borough, base: str, head: str,
                        changes: list[FileChange]) -> set[str]:
    changed = set()
    for change in changes:
        parts = change.path.split("/")
        if change.status == "D" or parts[0] != OFFERS or parts[2:] != [OFFER_FILE]:
            continue
        before = load_version(repo, borough, base, change.old_path)
        after = load_version(repo, borough, head, change.path)
        if before is not None and after is not None and before.maintainers != after.maintainers:
            changed.add(parts[1])
    return changed


def render(refusals: list[Refusal], files: int, author: str, output_format: str) -> str:
    if output_format == "github":
        return "".join(f"::error file={_escape(r.path)},title=ownership::{_escape(r.message)}\n"
                       for r in refusals)
    if not refusals:
        return (f"All {files} changed file{'s' if files != 1 else ''} are ones {author} may "
                "change.\n")
    lines = [f"{r.path}: {r.message}" for r in refusals]
    lines.append(f"{len(refusals)} of the {files} changed files cannot be changed by {author}; "
                 "see above.")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return (text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(",", "%2C").replace("::", "%3A%3A"))


@click.command("check-ownership")
@click.option("--base", required=True, metavar="REV",
              help="The published version the change starts from (a pull request's base).")
@click.option("--head", required=True, metavar="REV", help="The proposed version.")
@click.option("--author", required=True, metavar="ID",
              help="Who proposes the change, as in maintainers: a user name such as @amira-khan.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, github for CI annotations.")
@config_option
def cli(base: str, head: str, author: str, output_format: str, config_path: Path | None) -> int:
    """Refuse a change that touches another setting's offer or a shared file.

    A school may change the files of the settings it maintains (offers/<setting>/...); LA
    reviewers may change anything. New settings, removed offers and changes to 'maintainers'
    need an LA reviewer. For everyone, reviewers included: a setting's folder may gain only
    its offer.md and pictures (.png, .jpg, .jpeg, .gif, .webp), and no symbolic link may be
    added anywhere in offers/. Maintainers and reviewers are read as they were in --base, and
    the proposed version is only read, never checked out or run. Exit code 1 when a file may
    not be changed (each one is listed with the reason).
    """
    return run_check_ownership(config_path, base, head, author, output_format)
