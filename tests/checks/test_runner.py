"""The rules as a whole: every rule is known and tested, and synthetic offers pass them all."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.borough import Borough
from localoffer.checks import CHECK_MODULES, all_rules, run_checks
from localoffer.synthetic import write_borough

from .helpers import TODAY, offer_text

ISSUE_RULES = {
    "file/conflict", "file/encoding", "file/too-large", "file/too-many-sections",
    "file/symlink", "file/not-a-file",
    "file/misplaced", "file/folder-name", "front-matter/invalid", "front-matter/missing-field",
    "front-matter/bad-value", "front-matter/unknown-field", "sections/missing", "sections/empty",
    "sections/duplicate", "sections/unknown", "review/overdue", "review/due-soon",
    "review/interval", "review/future", "plain-english/readability", "plain-english/jargon",
    "plain-english/too-long", "accessibility/image-alt", "accessibility/link-text",
    "statutory/uncovered", "statutory/evidence", "links/insecure", "links/broken-internal",
    "links/local-offer", "links/unreachable", "safety/raw-html", "safety/html",
    "safety/personal-data", "access-facts/missing",
    # "You said, we did" items (feedback/*.md)
    "feedback/details", "feedback/dates", "feedback/answers", "feedback/links",
    # Issue 16: translated offers.
    "translation/language", "translation/fact", "translation/details", "translation/no-english",
    "translation/sections", "translation/empty", "translation/stale",
}


def test_every_rule_is_listed_with_a_description() -> None:
    rules = all_rules()
    assert set(rules) == ISSUE_RULES
    assert all(description.strip() for description in rules.values())


def test_each_module_owns_the_rules_of_its_family() -> None:
    import importlib
    for name in CHECK_MODULES:
        module = importlib.import_module(f"localoffer.checks.{name}")
        family = name.replace("_", "-")
        assert module.RULES and all(rule.startswith(family + "/") for rule in module.RULES), name


def test_every_rule_has_tests(repo_root: Path) -> None:
    tests = "\n".join(path.read_text(encoding="utf-8")
                      for folder in ("tests/checks", "tests/model")
                      for path in (repo_root / folder).glob("test_*.py"))
    untested = [rule for rule in all_rules() if f'"{rule}"' not in tests]
    assert untested == []


@pytest.mark.parametrize("setting_type", ["early-years", "nursery-school", "childminder",
                                          "primary", "secondary", "all-through", "special", "pru",
                                          "sixth-form", "fe-college"])
def test_a_synthetic_offer_of_every_type_passes_every_check(check, borough: Borough,
                                                           setting_type: str) -> None:
    assert check(offer_text(borough, setting_type, words_per_answer=150)) == []


def test_a_synthetic_borough_passes(borough: Borough, borough_dir: Path) -> None:
    paths = write_borough(borough, borough_dir, 40, TODAY)
    report = run_checks([borough_dir / "offers"], borough, TODAY)
    assert report.files == len(paths) == 40
    assert report.findings == []


def test_findings_come_in_file_order(check, primary: str) -> None:
    text = primary.replace("status: published", "status: live").replace(
        "Welcome to the offer", "TODO. See http://oak.example. Welcome to the offer")
    findings = check(text)
    assert len(findings) >= 3
    assert [f.line for f in findings] == sorted(f.line for f in findings)
