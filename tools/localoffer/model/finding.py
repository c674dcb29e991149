"""A finding: one thing a check found wrong in one place of one file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

# What would break a message over lines (or hide part of it) where it quotes an offer: control
# characters and the Unicode line and paragraph separators.
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    severity: Severity
    message: str
    # The front-matter key (dotted, such as senco.email) a finding is about where no line of
    # the file holds it: a key that is missing. The web editor names its box from it.
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # One finding, one line: a quoted heading or value cannot add a line that looks like
        # another finding. (isprintable is the quick test; most messages pass it.)
        if not self.message.isprintable():
            object.__setattr__(self, "message", _LINE_BREAKING.sub(" ", self.message))

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }
