"""Errors a command reports to the user as a message, never as a traceback."""
from __future__ import annotations


class LocalOfferError(Exception):
    """A problem the user can fix; the message says how. Exit code 2 by default."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(LocalOfferError):
    """localoffer.yml (or a question set) is not valid."""
