"""Split an offer into its YAML front-matter and its Markdown body, keeping line numbers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from localoffer.yaml_reader import (
    AliasError,
    DuplicateKeyError,
    KeyLines,
    is_nesting_error,
    line_of_key,
    read_yaml,
)

_TOO_DEEP = ("The front-matter has too many brackets or dashes inside each other to be read. "
             "Write each detail as 'key: value' on its own line.")


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class FrontMatter:
    """The front-matter mapping, and where it sits in the file (1-based lines of the `---`)."""

    data: dict[str, Any]
    open_line: int = 1
    close_line: int = 1
    key_lines: KeyLines = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def line_of(self, *keys: str | int) -> int:
        """The file line of a (nested) key, or of the nearest enclosing key that exists, or of
        the block's start."""
        line = line_of_key(self.key_lines, keys)
        return self.open_line if line is None else self.open_line + 1 + line


def split_front_matter(text: str) -> tuple[str, int, int]:
    """Return (yaml_text, close_line, body_start_line); raise FrontMatterError when malformed."""
    if not text.startswith("---"):
        raise FrontMatterError(1, "The file must start with a front-matter block: a line '---', "
                                  "the details of the setting, then another line '---'.")
    first_newline = text.find("\n")
    if first_newline == -1 or text[:first_newline].rstrip() != "---":
        raise FrontMatterError(1, "The first line must be exactly '---' to open the front-matter.")
    position = first_newline + 1
    line_number = 2
    while position <= len(text):
        end = text.find("\n", position)
        line = text[position:] if end == -1 else text[position:end]
        if line.rstrip() in ("---", "..."):
            return text[first_newline + 1:position], line_number, line_number + 1
        if end == -1:
            break
        position = end + 1
        line_number += 1
    raise FrontMatterError(1, "The front-matter is not closed: add a line '---' after the "
                              "setting's details, before the first answer.")


def parse_front_matter(text: str) -> tuple[FrontMatter, int]:
    """Parse the front-matter of `text`; return it and the line where the body starts."""
    yaml_text, close_line, body_start = split_front_matter(text)
    try:
        data, key_lines = read_yaml(yaml_text)
    except DuplicateKeyError as error:
        raise FrontMatterError(2 + error.problem_mark.line, f"The front-matter could not be read: "
                                f"'{error.key}' is given twice (first on line "
                                f"{2 + error.first_line}). Keep one of them.")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = 2 + mark.line if mark is not None else 1
        if is_nesting_error(error):
            raise FrontMatterError(line, _TOO_DEEP)
        problem = (error.problem or error.context or "it is not valid YAML").strip()
        if isinstance(error, (ConstructorError, AliasError)):  # the line is fine as YAML
            raise FrontMatterError(line, f"The front-matter could not be read: {problem}.")
        raise FrontMatterError(line, f"The front-matter could not be read ({problem}). "
                                     "Check the quotes, colons and indentation on this line.")
    except yaml.YAMLError as error:
        raise FrontMatterError(1, f"The front-matter could not be read: {error}")
    except RecursionError:
        raise FrontMatterError(2, _TOO_DEEP)
    if data is None:
        raise FrontMatterError(1, "The front-matter is empty: add the setting's details "
                                  "(name, type, senco, review dates) between the '---' lines.")
    if not isinstance(data, dict):
        raise FrontMatterError(2, "The front-matter must be a list of 'key: value' lines, "
                                  "such as 'name: Oakfield Primary School'.")
    return FrontMatter(data=data, close_line=close_line, key_lines=key_lines), body_start


def as_date(value: Any) -> date | None:
    """A front-matter date as a date: YAML dates arrive as dates, quoted ones as strings."""
    if isinstance(value, datetime):  # a date with a time: the day is what counts
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
