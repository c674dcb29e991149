"""The `localoffer` click group: it imports a command's module only when that command runs."""
from __future__ import annotations

import importlib
import importlib.util

import click

from localoffer import __version__
from localoffer.commands import COMMANDS


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
