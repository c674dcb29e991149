"""What `localoffer check` prints, and running it: without click, so that the pre-commit hook,
which runs `localoffer check <files>` on every commit, does not pay for importing it (see
localoffer.cli)."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from localoffer.borough import Borough
from localoffer.checks import CheckReport, run_checks
from localoffer.model import Finding, Severity

if TYPE_CHECKING:
    from localoffer.checks.links_online import OnlineLinks

FORMATS = ("text", "json", "github")


def run_check(borough: Borough, paths: list[Path], today: date, output_format: str = "text",
              strict: bool = False, online: OnlineLinks | None = None) -> int:
    """Check offers, print the findings; return 0 when clean, 1 when problems were found.
    With `online`, also ask every web link whether it still opens."""
    if not paths:
        paths = [borough.offers_dir]
        if borough.feedback_dir.is_dir():
            paths.append(borough.feedback_dir)
    report = run_checks(paths, borough, today,
                        online.findings if online is not None else None)
    sys.stdout.write(render(report, output_format, strict))
    sys.stdout.flush()
    return 1 if report.failed(strict) else 0


def render(report: CheckReport, output_format: str, strict: bool = False) -> str:
    if output_format == "json":
        return json.dumps({"files": report.files, "feedback_files": report.feedback_files,
                           "findings": [finding.as_dict() for finding in report.findings]},
                          indent=2) + "\n"
    if output_format == "github":
        return "".join(_annotation(finding) + "\n" for finding in report.findings)
    lines = [f"{f.path}:{f.line}: {f.rule} {_label(f)}{f.message}" for f in report.findings]
    lines.append(_summary(report, strict))
    return "\n".join(lines) + "\n"


def _label(finding: Finding) -> str:
    return "(warning) " if finding.severity is Severity.WARNING else ""


def _summary(report: CheckReport, strict: bool) -> str:
    errors, warnings = len(report.errors()), len(report.warnings())
    files = f"{report.files} offer{'s' if report.files != 1 else ''}"
    if report.feedback_files:
        items = report.feedback_files
        files += f" and {items} 'You said, we did' item{'s' if items != 1 else ''}"
    if not errors and not warnings:
        return f"Checked {files}: no problems found."
    counts = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if report.failed(strict):
        advice = "Fix the errors above" if errors else "Fix the warnings above (--strict is on)"
        return f"Checked {files}: {counts}. {advice}, then run the check again."
    return f"Checked {files}: {counts}. Warnings do not stop publication, but please look at them."


def _annotation(finding: Finding) -> str:
    level = "error" if finding.severity is Severity.ERROR else "warning"
    message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = finding.path.replace(",", "%2C").replace(":", "%3A")
    return f"::{level} file={path},line={finding.line},title={finding.rule}::{message}"
