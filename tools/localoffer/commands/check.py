"""`localoffer check`: check offers and print what to fix."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from localoffer.borough import Borough
from localoffer.checks import CheckReport, all_rules, run_checks
from localoffer.checks.links_online import DEFAULT_TIMEOUT, DEFAULT_WORKERS, OnlineLinks
from localoffer.commands.options import borough_from, config_option, today_option
from localoffer.model import Finding, Severity

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
    click.echo(render(report, output_format, strict), nl=False)
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


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text for people, json for programs, github for CI annotations.")
@click.option("--strict", is_flag=True, help="Treat warnings as problems too (exit code 1).")
@click.option("--list-rules", is_flag=True, help="List every rule and what it finds, then stop.")
@click.option("--links", "links_mode", type=click.Choice(("offline", "online")), default="offline",
              show_default=True,
              help="online also asks every web link whether it opens (above all the Local "
                   "Offer), a few at a time: for a scheduled CI job, not for every commit.")
@click.option("--links-timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
              show_default=True, metavar="SECONDS", help="With --links online: how long to wait "
              "for each address.")
@click.option("--links-cache", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="With --links online: where to keep answers for a day. Default: "
                   ".localoffer-cache/links.json beside localoffer.yml.")
@today_option
@config_option
def cli(paths: tuple[Path, ...], output_format: str, strict: bool, list_rules: bool,
        links_mode: str, links_timeout: float, links_cache: Path | None,
        today: date, config_path: Path | None) -> int:
    """Check offers (default: every offer in offers/, and every "You said, we did" item in
    feedback/) and say what to fix.

    Exit code 0 means no problems, 1 means problems were found, 2 means the command could not
    run (for example a mistake in localoffer.yml).
    """
    if list_rules:
        for rule, description in all_rules().items():
            click.echo(f"{rule:28} {description}")
        return 0
    borough = borough_from(config_path)
    online = None
    if links_mode == "online":
        online = OnlineLinks(links_cache or borough.root / ".localoffer-cache" / "links.json",
                             links_timeout, DEFAULT_WORKERS)
    return run_check(borough, list(paths), today, output_format, strict, online)
