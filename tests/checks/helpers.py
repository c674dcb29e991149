"""Build offers for the check tests: a synthetic offer that passes every check, then one change."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.model import Finding, Offer, Severity, load_offer
from localoffer.model.discover import known_slugs
from localoffer.synthetic import synthetic_offer, synthetic_setting

# The same date as tests/conftest.py: the date the checks treat as today.
TODAY = date(2026, 11, 28)
ERROR, WARNING = Severity.ERROR, Severity.WARNING


def offer_text(borough: Borough, setting_type: str = "primary", words_per_answer: int = 60) -> str:
    """A synthetic offer of this type that passes every check."""
    index = sorted(borough.setting_types).index(setting_type)
    return synthetic_offer(borough, synthetic_setting(borough, index, TODAY), words_per_answer)


def write_offer(borough_dir: Path, text: str | bytes, slug: str = "example-school") -> Path:
    path = borough_dir / "offers" / slug / "offer.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(borough: Borough, borough_dir: Path, text: str | bytes,
         slug: str = "example-school") -> Offer:
    return load_offer(write_offer(borough_dir, text, slug), borough)


def run(borough: Borough, borough_dir: Path, text: str | bytes, slug: str = "example-school",
        today: date = TODAY, slugs: frozenset[str] | None = None) -> list[Finding]:
    """Write the offer into the borough and check it, as `localoffer check` would."""
    offer = load(borough, borough_dir, text, slug)
    context = CheckContext(borough, today, known_slugs(borough) if slugs is None else slugs)
    return check_offer(offer, context)


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [finding for finding in findings if finding.rule == rule]


def where(findings: list[Finding], rule: str) -> list[tuple[int, Severity]]:
    """(line, severity) of each finding of one rule: what most tests assert."""
    return [(finding.line, finding.severity) for finding in of_rule(findings, rule)]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing `needle`."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} is not in the offer")


def set_key(text: str, key: str, value: str) -> str:
    """Replace the value of a top-level front-matter key (the key must be there)."""
    new, count = re.subn(rf"(?m)^{re.escape(key)}:.*$", f"{key}: {value}".replace("\\", r"\\"),
                         text, count=1)
    assert count == 1, f"{key} is not in the front-matter"
    return new


def drop_key(text: str, key: str) -> str:
    new, count = re.subn(rf"(?m)^{re.escape(key)}:.*\n", "", text, count=1)
    assert count == 1, f"{key} is not in the front-matter"
    return new


def add_key(text: str, line: str) -> str:
    """Add a line at the end of the front-matter."""
    head, rest = text.split("\n---\n", 1)
    return f"{head}\n{line}\n---\n{rest}"


def answer_of(text: str, heading: str) -> str:
    match = re.search(rf"(?m)^## {re.escape(heading)}\n\n(.*)$", text)
    assert match, f"no section {heading!r}"
    return match.group(1)


def replace_answer(text: str, heading: str, answer: str) -> str:
    """Replace the first paragraph under a `## heading` with `answer`."""
    old = answer_of(text, heading)
    return text.replace(f"## {heading}\n\n{old}", f"## {heading}\n\n{answer}", 1)


def add_to_answer(text: str, heading: str, extra: str) -> str:
    """Add a paragraph after the first paragraph under a `## heading`."""
    old = answer_of(text, heading)
    return text.replace(f"## {heading}\n\n{old}", f"## {heading}\n\n{old}\n\n{extra}", 1)


def drop_section(text: str, heading: str) -> str:
    new, count = re.subn(rf"(?ms)^## {re.escape(heading)}\n.*?(?=^## |\Z)", "", text, count=1)
    assert count == 1, f"no section {heading!r}"
    return new


# Questions of the SE7 parent set, which the synthetic primary offer answers.
IDENTIFYING = ("How does the setting know if children need extra help and what should I do if I "
               "think my child may have special educational needs?")
KINDS = "Which kinds of special educational needs do you provide for?"
STAFF = "How will staff support my child?"
CURRICULUM = "How will the curriculum be matched to my child's needs?"
WELLBEING = "What support will there be for my child's overall wellbeing?"
TRAINING = "What training have the staff supporting children with SEND had or are having?"
ADMISSIONS = "How do admissions work for children with SEND or a disability?"
COMPLAINTS = "What can I do if I am not happy with my child's support?"
CONTACTS = "Who can I contact for further information?"
ADULTHOOD = "How will you help my child prepare for adulthood?"
