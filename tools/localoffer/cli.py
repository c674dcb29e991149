"""The `localoffer` command line: parses arguments and hands over to one module per command.

Command modules are imported only when their command runs, so the pre-commit hook starts fast.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from localoffer import __version__
from localoffer.errors import LocalOfferError

# name: (module in localoffer.commands, one-line help). Each module defines `cli`, a click command.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "Check offers for missing answers, out-of-date reviews and other problems."),
    "fix": ("fix", "Make safe fixes to offers (dates, quoting, missing headings)."),
    "new": ("new", "Start a new offer from the template for a setting type."),
    "import": ("import_", "Bring a setting's existing SEN information report into an offer."),
    "schema": ("schema", "Print the JSON Schema of an offer's front-matter."),
    "questions": ("questions", "List the question sets, their questions and the areas they cover."),
    "config": ("config", "Show the borough's rules after localoffer.yml is applied."),
    "build": ("build", "Build the borough's Local Offer website."),
    "serve": ("serve", "Preview the website while you edit, with live reload."),
    "publish": ("publish", "Publish a year's version of the website with mike."),
    "edit": ("edit", "Start or resume a branch to change one setting's offer."),
    "submit": ("submit", "Check, commit and push your changes for review."),
    "history": ("history", "Show the change history of one offer."),
    "diff": ("diff", "Summarise what changed in an offer, section by section."),
    "due": ("due", "List settings whose review is overdue or due soon."),
    "codeowners": ("codeowners", "Write .github/CODEOWNERS from the offers' maintainers."),
    "check-ownership": ("check_ownership", "Refuse changes to offers the author does not maintain."),
    "report": ("report", "Report on every offer: review state, coverage and quality."),
    "export": ("export", "Export the settings as JSON, CSV or Open Referral UK records."),
    "translations": ("translations", "List each setting's translations: up to date, out of "
                     "date, missing."),
    "pdf": ("pdf", "Make a PDF booklet of the published offers, to print paper copies."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, (module, _) in COMMANDS.items() if _exists(module))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not _exists(COMMANDS[name][0]):
            return None
        module = importlib.import_module(f"localoffer.commands.{COMMANDS[name][0]}")
        command: click.Command = module.cli
        command.short_help = command.short_help or COMMANDS[name][1]
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _exists(module: str) -> bool:
    return importlib.util.find_spec(f"localoffer.commands.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="localoffer")
def localoffer() -> None:
    """Publish your borough's SEND Local Offer from Markdown files in Git.

    Each school, college and early years setting has one offer in offers/<name>/offer.md.
    Run a command with --help to see what it does, for example: localoffer check --help
    """


def main(argv: list[str] | None = None) -> int:
    try:
        result = localoffer.main(args=argv, prog_name="localoffer", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return 2 if isinstance(error, click.UsageError) else error.exit_code
    except LocalOfferError as error:
        click.echo(f"{error}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
        return 130
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
