"""The `localoffer` command line: parses arguments and hands over to one module per command.

Command modules are imported only when their command runs, and `localoffer check <files>`
with no options (what the pre-commit hook runs on every commit) runs without importing click
at all: together a third of the hook's time.
"""
from __future__ import annotations

import sys

from localoffer.commands import COMMANDS
from localoffer.errors import LocalOfferError

__all__ = ["COMMANDS", "main"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        if _is_plain_check(args):
            return _check_files(args[1:])
        return _with_click(args)
    except LocalOfferError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130


def _is_plain_check(args: list[str]) -> bool:
    """`check` and file names, nothing else: then no option needs parsing."""
    return bool(args) and args[0] == "check" and not any(arg.startswith("-") for arg in args[1:])


def _check_files(paths: list[str]) -> int:
    from datetime import date
    from pathlib import Path

    from localoffer.borough import load_borough
    from localoffer.commands.check_output import run_check

    return run_check(load_borough(None), [Path(path) for path in paths], date.today())


def _with_click(args: list[str]) -> int:
    import click

    from localoffer.commands.group import localoffer

    try:
        result = localoffer.main(args=args, prog_name="localoffer", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return 2 if isinstance(error, click.UsageError) else error.exit_code
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
