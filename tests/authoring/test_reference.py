"""The contributor guide documents every front-matter key and every rule, and its generated
tables are up to date."""
from __future__ import annotations

import re
from pathlib import Path

from localoffer.authoring.reference import generated_blocks, main, refresh
from localoffer.borough import Borough
from localoffer.checks import all_rules
from localoffer.model.schema import FRONT_MATTER_FIELDS

REPO_ROOT = Path(__file__).resolve().parents[2]
FORMAT_PAGE = REPO_ROOT / "docs" / "contributing" / "offer-format.md"
CHECKS_PAGE = REPO_ROOT / "docs" / "contributing" / "checks.md"
FEEDBACK_PAGE = REPO_ROOT / "docs" / "contributing" / "you-said-we-did.md"


def test_offer_format_page_mentions_every_key() -> None:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    for key, field in FRONT_MATTER_FIELDS.items():
        assert f"`{key}`" in page, key
        for sub in field.fields:
            assert f"`{key}.{sub.key}`" in page, f"{key}.{sub.key}"


def test_offer_format_tables_are_up_to_date(demo_borough: Borough) -> None:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    assert set(generated_blocks(page)) == {"fields", "question-sets", "areas"}
    assert refresh(page, demo_borough) == page, (
        "run: python -m localoffer.authoring.reference docs/contributing/offer-format.md")


def test_you_said_we_did_page_lists_every_detail_up_to_date(demo_borough: Borough) -> None:
    page = FEEDBACK_PAGE.read_text(encoding="utf-8")
    assert set(generated_blocks(page)) == {"feedback-fields"}
    assert refresh(page, demo_borough) == page, (
        "run: python -m localoffer.authoring.reference docs/contributing/you-said-we-did.md")
    block = generated_blocks(page)["feedback-fields"]
    for key in ("title", "received", "theme", "about", "status", "done_on"):
        assert f"| `{key}` |" in block, key
    assert "| `done_on` | once done |" in block


def test_offer_format_page_names_every_question_set_and_area(demo_borough: Borough) -> None:
    page = FORMAT_PAGE.read_text(encoding="utf-8")
    assert all(f"`{set_id}`" in page for set_id in demo_borough.question_sets)
    assert all(f"`{area}`" in page for area in demo_borough.areas)
    assert "{#teaching-and-curriculum}" in page and "85%" in page


def test_refresh_rewrites_a_stale_block(tmp_path: Path, demo_borough: Borough,
                                        monkeypatch) -> None:
    stale = tmp_path / "page.md"
    stale.write_text("Intro\n<!-- generated: fields (x) -->\nold table\n"
                     "<!-- end generated: fields -->\nOutro\n")
    monkeypatch.chdir(REPO_ROOT)
    assert main([str(stale)]) == 0
    text = stale.read_text()
    assert "old table" not in text and "| `senco.email` | yes |" in text
    assert text.startswith("Intro\n") and text.endswith("Outro\n")


def test_checks_page_documents_every_rule_and_only_real_ones() -> None:
    page = CHECKS_PAGE.read_text(encoding="utf-8")
    documented = re.findall(r"^### `([\w-]+/[\w-]+)`$", page, re.M)
    rules = all_rules()
    assert sorted(documented) == sorted(rules), (
        f"undocumented: {sorted(set(rules) - set(documented))}; "
        f"not rules: {sorted(set(documented) - set(rules))}")
    for rule in documented:
        section = page.split(f"### `{rule}`", 1)[1].split("\n### ", 1)[0]
        assert re.search(r"\*\*(Error|Warning)\b", section), f"{rule}: say if it is an error"
        assert "**To fix:**" in section, f"{rule}: say how to fix it"


def test_docs_link_only_inside_docs() -> None:
    """The pages are part of the MkDocs site: a relative link must stay inside docs/."""
    for page in (FORMAT_PAGE, CHECKS_PAGE, FEEDBACK_PAGE):
        prose = re.sub(r"```.*?```|`[^`]*`", "", page.read_text(), flags=re.S)
        for target in re.findall(r"\]\((?!https?://|#)([^)#]+)", prose):
            assert (page.parent / target).resolve().is_file(), f"{page.name}: {target}"
