"""Run every family of checks over offers and collect the findings."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable

from localoffer.borough import Borough
from localoffer.checks.context import CheckContext
from localoffer.collector import collector_paused
from localoffer.model import Finding, Offer, Severity, load_offer
from localoffer.model.discover import find_offer_files, known_slugs
from localoffer.model.feedback import (
    feedback_files,
    is_editors_note,
    is_feedback_path,
    load_feedback_item,
)
from localoffer.model.files import FOLDER_SYMLINK_ADVICE, unsafe_entries
from localoffer.model.translation import (
    english_path,
    is_translation_name,
    load_translation,
    translation_files_in,
)

# Families of rules, in the order their findings are most useful to read.
CHECK_MODULES = (
    "front_matter",
    "sections",
    "review",
    "statutory",
    "links",
    "safety",
    "accessibility",
    "access_facts",
    "plain_english",
)

# Rules about the file itself; they are reported by the parser (see model/offer.py).
PARSER_RULES = {
    "file/conflict": "Lines Git left in the file when two changes met (<<<<<<<, =======, >>>>>>>).",
    "file/encoding": "The file is not UTF-8 text (binary data, NUL bytes or another encoding).",
    "file/too-large": "The file is larger than the borough's limit.",
    "file/too-many-sections": "More answers (## headings) than any offer has: only the first "
                              "100 are read as answers.",
    "file/symlink": "A symbolic link in offers/ (never read or published).",
    "file/not-a-file": "A named pipe, device or socket in offers/ (never read).",
    "file/misplaced": "An offer.md that is not offers/<setting>/offer.md (never published).",
    "file/folder-name": "A setting's folder name with characters other than a-z, 0-9 and -.",
    "front-matter/invalid": "The front-matter block is missing, not closed, not YAML or not a mapping.",
}


@dataclass
class CheckReport:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    feedback_files: int = 0  # "You said, we did" items checked (feedback/*.md)

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
    from localoffer.checks import feedback

    rules = dict(PARSER_RULES)
    for module in (*_modules(), _translations_module(), feedback):
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


def run_checks(paths: Iterable[Path], borough: Borough, today: date,
               online: Callable[[list[Offer], Borough], list[Finding]] | None = None
               ) -> CheckReport:
    """Check every offer file under `paths` (files or folders), and every "You said, we did"
    item among them (the feedback/ folder, or files in it). `online`, when given, also looks
    at the loaded offers over the network (`check --links online`)."""
    paths = list(paths)
    feedback = [path for path in paths if is_feedback_path(path, borough)]
    found = find_offer_files([path for path in paths if path not in feedback])
    files = [path for path in found if not is_translation_name(path.name)]
    # Translations named, and those beside each offer checked.
    translations = list(dict.fromkeys(
        [path for path in found if is_translation_name(path.name)]
        + [each for path in files for each in translation_files_in(path.parent)]))
    context = CheckContext(borough, today, known_slugs(borough))
    report = CheckReport(files=len(files) + len(translations))
    report.findings.extend(unsafe_files(paths, borough))
    report.findings.extend(check_feedback_paths(feedback, report, context))
    loaded: list[Offer] = []
    # Only the offers a translation is checked against are kept: memory grows with them, not
    # with the borough (25,000 offers kept took 2.5 GB).
    translated = {english_path(path) for path in translations}
    english: dict[Path, Offer | None] = {}
    with collector_paused():
        for path in files:
            offer = load_offer(path, borough)
            if path in translated:
                english[path] = offer
            report.findings.extend(check_offer(offer, context))
            if online is not None and offer.readable:
                loaded.append(offer)
        report.findings.extend(_check_translations(translations, english, context))
    if online is not None:
        report.findings.extend(online(loaded, borough))
        report.findings.sort(key=_order)
    return report


def check_feedback_paths(paths: list[Path], report: CheckReport,
                         context: CheckContext) -> list[Finding]:
    """Findings for the "You said, we did" items named, or inside the folders named."""
    from localoffer.checks.feedback import check_feedback_item

    files = list(dict.fromkeys(file for path in paths
                               for file in (feedback_files(path) if path.is_dir() else [path])
                               if not is_editors_note(file)))
    report.feedback_files += len(files)
    return [finding for file in files
            for finding in check_feedback_item(load_feedback_item(file, context.borough),
                                               context)]


def _check_translations(paths: list[Path], english: dict[Path, Offer | None],
                        context: CheckContext) -> list[Finding]:
    if not paths:
        return []
    module = _translations_module()
    versions = module.EnglishVersions(context.borough.offers_dir)
    findings: list[Finding] = []
    for path in paths:
        original = english_path(path)
        if original not in english:
            english[original] = (load_offer(original, context.borough)
                                 if original.is_file() and not original.is_symlink() else None)
        findings.extend(module.check_translation(load_translation(path, context.borough),
                                                 english[original], context, versions))
    return sorted(findings, key=_order)


@lru_cache(maxsize=1)
def _translations_module() -> ModuleType:
    # Imported when used, as the families above are: it imports this module's CheckContext.
    return importlib.import_module("localoffer.checks.translations")


def unsafe_files(paths: Iterable[Path], borough: Borough) -> list[Finding]:
    """A finding for each link, pipe or device inside the folders named, and for a folder
    named that is itself a link (nothing in either is read)."""
    findings = []
    for path in dict.fromkeys(paths):
        if path.is_symlink():
            if path.is_dir():
                findings.append(Finding(_display(path, borough.root), 1, "file/symlink",
                                        Severity.ERROR, f"This folder {FOLDER_SYMLINK_ADVICE}"))
        elif path.is_dir():
            findings += [Finding(_display(entry.path, borough.root), 1, entry.rule,
                                 Severity.ERROR, entry.message) for entry in unsafe_entries(path)]
    return findings


def _display(path: Path, root: Path) -> str:
    try:
        return (path.parent.resolve() / path.name).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _order(finding: Finding) -> tuple[str, int, str]:
    return finding.path, finding.line, finding.rule
