"""`localoffer fix`: make the fixes that need no guessing, or with --check show them as a diff."""
from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import click

from localoffer.authoring.fixes import FixResult, fix_text
from localoffer.authoring.restore import restore_front_matter
from localoffer.borough import Borough
from localoffer.commands.options import borough_from, config_option
from localoffer.git.repo import GitProblem, open_repo, root_of, run
from localoffer.model.discover import find_offer_files
from localoffer.model.files import UnsafeFile, read_regular_file


def run_fix(borough: Borough, paths: list[Path], check_only: bool = False,
            restore_from: str | None = None) -> int:
    """Fix offers in place (exit 0), or with `check_only` print a diff of what would change and
    exit 1 if anything would. `restore_from`: a Git branch or commit whose version of each offer
    gives back the comments and layout the web editor dropped (authoring/restore.py)."""
    earlier = _earlier_versions(borough, restore_from) if restore_from else None
    would_change = 0
    for path in find_offer_files(paths or [borough.offers_dir]):
        shown = _shown(path, borough)
        text = _read(path, shown, borough)
        if text is None:
            continue
        restored = None
        if earlier is not None:
            before = earlier(path)
            restored = restore_front_matter(text, before) if before is not None else None
        result = fix_text(restored or text, borough)
        if restored is not None:
            result.changes.insert(0, f"front-matter comments and layout restored from "
                                     f"{restore_from} where the values are unchanged")
            if result.text == text:
                result.changes = []
        if not result.changed:
            continue
        would_change += 1
        if check_only:
            click.echo(unified_diff(text, result, shown), nl=False)
        else:
            if not _write(path, result.text, shown):
                continue
            click.echo(f"Fixed {shown}:")
            for change in result.changes:
                click.echo(f"  - {change}")
    if check_only and would_change:
        click.echo(f"{would_change} offer(s) would be changed. Run 'localoffer fix' to make "
                   "these changes.", err=True)
        return 1
    return 0


def unified_diff(before: str, result: FixResult, shown: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 result.text.splitlines(keepends=True),
                                 fromfile=f"a/{shown}", tofile=f"b/{shown}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _earlier_versions(borough: Borough, rev: str) -> Callable[[Path], str | None]:
    """A function giving each offer's text in `rev` (None where it has none)."""
    repo = open_repo(borough.root)
    run(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}",
        what=f"find '{rev}' (give a branch or commit, such as main)")
    root = root_of(repo)

    def earlier(path: Path) -> str | None:
        try:
            relative = path.resolve().relative_to(root).as_posix()
            return run(repo, "show", f"{rev}:{relative}", what="read the earlier version")
        except (ValueError, GitProblem):
            return None

    return earlier


def _read(path: Path, shown: str, borough: Borough) -> str | None:
    """The offer's text, or None (with a note) when it is not text that can be fixed safely:
    a link (which `fix` would write through, to a file anywhere on this computer), a file over
    the borough's size limit, or not UTF-8 text."""
    try:
        if _linked_folder(path, borough.root):
            raise UnsafeFile("file/symlink", "This file is inside a folder that is a link.")
        content = read_regular_file(path, borough.max_file_bytes)
        if b"\x00" in content:
            raise UnicodeDecodeError("utf-8", content, 0, 1, "binary")
        return content.decode("utf-8")
    except UnsafeFile as problem:
        click.echo(f"{shown}: not fixed. {problem.message}", err=True)
    except (OSError, UnicodeDecodeError):
        click.echo(f"{shown}: not fixed, because it is not a readable UTF-8 text file. "
                   "Run 'localoffer check' to see why.", err=True)
    return None


def _linked_folder(path: Path, root: Path) -> bool:
    """Whether a folder between `path` and the borough's top folder is a link."""
    absolute = Path(os.path.abspath(path))
    top = Path(os.path.abspath(root))
    return any(folder.is_symlink() for folder in absolute.parents
               if folder.is_relative_to(top) and folder != top)


def _write(path: Path, text: str, shown: str) -> bool:
    """Replace the file whole: a new file beside it, then renamed over it, so an interrupted
    fix leaves the old text, and a link put in its place meanwhile is replaced, not followed."""
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent,
                                         prefix=".localoffer-fix-", delete=False)
    try:
        with handle:
            handle.write(text)
        shutil.copymode(path, handle.name, follow_symlinks=False)
        os.replace(handle.name, path)
        return True
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        click.echo(f"{shown}: not fixed, because it could not be written ({error.strerror}).",
                   err=True)
        return False


def _shown(path: Path, borough: Borough) -> str:
    for base in (borough.root, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


@click.command("fix")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Change nothing: show what would change as a diff, and exit 1 if anything would.")
@click.option("--restore-from", metavar="BRANCH",
              help="After the web editor saved an offer: put back the front-matter's comments "
                   "and layout from this branch's version (such as main), for every value the "
                   "editor did not change.")
@config_option
def cli(paths: tuple[Path, ...], check_only: bool, restore_from: str | None,
        config_path: Path | None) -> int:
    """Make safe fixes to offers (default: every offer in offers/), keeping every word.

    Fixes only what needs no guessing: the order of the front-matter keys, quotes around
    numbers that are text (a URN, a phone number), review dates written the UK way
    (12/09/2026 becomes 2026-09-12), spaces at the ends of lines, and sections the setting
    type must have, added empty with the question's guidance, for you to answer.
    """
    return run_fix(borough_from(config_path), list(paths), check_only, restore_from)
