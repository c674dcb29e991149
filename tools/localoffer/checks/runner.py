"""Run every family of checks over offers and collect the findings."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Iterable

from localoffer.borough import Borough
from localoffer.collector import collector_paused
from localoffer.model import Finding, Offer, Severity, load_offer
from localoffer.model.discover import find_offer_files, known_slugs

# Families of rules, in the order their findings are most useful to read.
CHECK_MODULES = (
    "front_matter",
    "sections",
    "review",
    "statutory",
    "links",
    "safety",
    "accessibility",
    "plain_english",
)

# Rules about the file itself; they are reported by the parser (see model/offer.py).
PARSER_RULES = {
    "file/conflict": "Lines Git left in the file when two changes met (<<<<<<<, =======, >>>>>>>).",
    "file/encoding": "The file is not UTF-8 text (binary data, NUL bytes or another encoding).",
    "file/too-large": "The file is larger than the borough's limit.",
    "front-matter/invalid": "The front-matter block is missing, not closed, not YAML or not a mapping.",
}


@dataclass
class CheckContext:
    borough: Borough
    today: date
    # Slugs of every offer in the borough, for checking links between offers.
    offer_slugs: frozenset[str] = frozenset()


@dataclass
class CheckReport:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    def errors(self) -> list[Finding]:
        return [item for item in self.findings if item.severity is Severity.ERROR]

    def warnings(self) -> list[Finding]:
        return [item for item in self.findings if item.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors() or (strict and self.warnings()))


@lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"localoffer.checks.{name}") for name in CHECK_MODULES)


def all_rules() -> dict[str, str]:
    """Every rule id with a one-line description, for --list-rules and the docs."""
    rules = dict(PARSER_RULES)
    for module in _modules():
        rules.update(module.RULES)
    return dict(sorted(rules.items()))


def check_offer(offer: Offer, context: CheckContext) -> list[Finding]:
    """All findings for one parsed offer, in file order."""
    if not offer.readable:
        return sorted(offer.problems, key=_order)
    findings: list[Finding] = list(offer.problems)
    for module in _modules():
        findings.extend(module.check(offer, context))
    return sorted(set(findings), key=_order)


def run_checks(paths: Iterable[Path], borough: Borough, today: date) -> CheckReport:
    """Check every offer file under `paths` (files or folders)."""
    files = find_offer_files(paths)
    context = CheckContext(borough, today, known_slugs(borough))
    report = CheckReport(files=len(files))
    with collector_paused():
        for path in files:
            report.findings.extend(check_offer(load_offer(path, borough), context))
    return report


def _order(finding: Finding) -> tuple[str, int, str]:
    return finding.path, finding.line, finding.rule
