"""Every finding of `localoffer check` on the real reports, as `localoffer import` brings them
in, with a verdict: is it right?

The reports (tests/fixtures/real_reports/) are parts of real published SEN information
reports, so most questions stay unanswered and most details empty: those findings are checked
against the imported file itself (the section is empty, the key is empty, there is no link).
Every other finding is written out below, report by report, with why it is right. A finding
not in the list fails the test, so a false finding cannot come back unnoticed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from localoffer.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real_reports"
TODAY = "2026-11-28"

# fixture: (type under the law, --name where the report does not give it).
REPORTS = {
    "hursthead-infant": ("primary", None),
    "sarisbury-infant": ("primary", None),
    "smithies-moor-primary": ("primary", "Co-op Academy Smithies Moor"),
    "high-leigh-primary": ("primary", None),
    "sir-herbert-leon-academy": ("secondary", None),
    "the-hurst-school": ("secondary", None),
    # Maintained nursery schools: the law (s.69) requires their report.
    "hindley-nursery-school": ("nursery-school", "Hindley Nursery School"),
    "bognor-regis-nursery-school": ("nursery-school", None),
    "happy-days-nursery": ("early-years", None),
    "davison-day-nursery": ("early-years", "Davison Day Nursery"),
    "fountaindale-school": ("special", "Fountaindale School"),
    "queen-marys-college": ("sixth-form", "Queen Mary's College"),
}

# The findings that need judgement: (report, rule, the '## ' question it is under, words of
# its message), each with why it is right.
JUDGED = [
    # Readability: each is a paragraph of long sentences (never a list or a job title).
    ("bognor-regis-nursery-school", "plain-english/readability",
     "Who can I contact for further information?", "reading ease is 37"),
    ("davison-day-nursery", "plain-english/readability",
     "How does the setting know if children need extra help", "reading ease is 42"),
    ("davison-day-nursery", "plain-english/readability", "How will staff support my child?",
     "reading ease is 39"),
    ("fountaindale-school", "plain-english/readability",
     "How do admissions work for children with SEND or a disability?", "reading ease is 41"),
    ("hindley-nursery-school", "plain-english/readability",
     "How does the setting know if children need extra help", "reading ease is 44"),
    ("sir-herbert-leon-academy", "plain-english/readability",
     "How are parents involved in the setting? How can I be involved?", "reading ease is 25"),
    ("smithies-moor-primary", "plain-english/readability",
     "Who can I contact for further information?", "reading ease is 21"),
    ("the-hurst-school", "plain-english/readability",
     "How does the setting know if children need extra help", "reading ease is 48"),
    # Jargon: names of local services the report never explains.
    ("davison-day-nursery", "plain-english/jargon", "How will staff support my child?",
     "what FIRST means"),  # "the FIRST team"
    ("happy-days-nursery", "plain-english/jargon",
     "How does the setting know if children need extra help", "what SSP means"),  # "an SSP"
    # Evidence: the part of the report we have does not give it.
    ("bognor-regis-nursery-school", "statutory/evidence",
     "Who can I contact for further information?", "the SENCO's name and an email address"),
    ("bognor-regis-nursery-school", "statutory/evidence",
     "Who can I contact for further information?", "for the SEND information, advice and"),
    ("sir-herbert-leon-academy", "statutory/evidence",
     "Who can I contact for further information?", "for the SEND information, advice and"),
    ("smithies-moor-primary", "statutory/evidence", "Who can I contact for further information?",
     "for the SEND information, advice and"),  # the SENDCo only
    # "Where to access the School Accessibility Plan" lists what a plan covers: no facilities,
    # no steps against less favourable treatment.
    ("smithies-moor-primary", "statutory/evidence", "How accessible is the setting environment?",
     "the facilities that help disabled pupils"),
    ("smithies-moor-primary", "statutory/evidence", "How accessible is the setting environment?",
     "not treated less favourably"),
    # Its admissions answer is how places are decided, not how unfair treatment is prevented.
    ("fountaindale-school", "statutory/evidence",
     "How do admissions work for children with SEND or a disability?",
     "not treated less favourably"),
]
# Checked against the file itself (see _mechanical_is_right).
MECHANICAL = {"sections/empty", "front-matter/missing-field", "links/local-offer"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> dict[str, list[dict]]:
    """Each report imported into a borough as the settings wrote it, and its findings."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "localoffer.yml").write_text((repo_root / "localoffer.yml").read_text(
        encoding="utf-8"), encoding="utf-8")
    (folder / "offers").mkdir()
    config = str(folder / "localoffer.yml")
    for name, (setting_type, given) in REPORTS.items():
        source = next((CORPUS / name).glob("report.*"))
        args = ["import", str(source), "--type", setting_type, "--slug", name, "--config", config]
        assert main(args + (["--name", given] if given else [])) == 0
    out = folder / "findings.json"
    import contextlib
    import io
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        main(["check", "--today", TODAY, "--format", "json", "--config", config])
    findings = json.loads(buffer.getvalue())["findings"]
    out.write_text(json.dumps(findings), encoding="utf-8")
    by_report: dict[str, list[dict]] = {name: [] for name in REPORTS}
    for finding in findings:
        finding["text"] = (folder / finding["path"]).read_text(encoding="utf-8")
        by_report[finding["path"].split("/")[1]].append(finding)
    return by_report


def _question_of(text: str, line: int) -> str:
    """The '## ' heading the line is under (or 'front-matter')."""
    lines = text.split("\n")
    for number in range(line, 0, -1):
        if lines[number - 1].startswith("## "):
            return lines[number - 1][3:].strip()
    return "front-matter"


def _section_body(text: str, line: int) -> str:
    lines = text.split("\n")
    body = []
    for current in lines[line:]:
        if current.startswith("## "):
            break
        body.append(current)
    return re.sub(r"<!--.*?-->", "", "\n".join(body), flags=re.S)


def _mechanical_is_right(finding: dict) -> bool:
    text = finding["text"]
    if finding["rule"] == "sections/empty":
        body = _section_body(text, finding["line"])
        return not any(line.strip() and not line.startswith("#") for line in body.split("\n"))
    if finding["rule"] == "front-matter/missing-field":
        key = re.match(r"(?:The front-matter has no )?([\w.]+)", finding["message"]).group(1)
        data = yaml.safe_load(text.split("---\n")[1])
        value = data
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value in (None, "", [])
    if finding["rule"] == "links/local-offer":
        body = re.sub(r"<!--.*?-->", "", text.split("\n---\n", 1)[1], flags=re.S)
        return "calderbrook.example/localoffer" not in body
    return False


def test_every_finding_on_the_corpus_is_right(corpus: dict[str, list[dict]]) -> None:
    judged = []
    for name, findings in corpus.items():
        for finding in findings:
            if finding["rule"] in MECHANICAL:
                assert _mechanical_is_right(finding), (name, finding["line"], finding["message"])
                continue
            question = _question_of(finding["text"], finding["line"])
            match = [entry for entry in JUDGED if entry[0] == name and entry[1] == finding["rule"]
                     and question.startswith(entry[2]) and entry[3] in finding["message"]]
            assert len(match) == 1, f"unjudged finding: {name}:{finding['line']} " \
                                    f"{finding['rule']} under '{question}': {finding['message']}"
            judged.append(match[0])
    assert sorted(judged) == sorted(JUDGED)  # each judged finding is still found, once


def test_none_of_the_false_kinds_remains(corpus: dict[str, list[dict]]) -> None:
    everything = [f for findings in corpus.values() for f in findings]
    # The law's paragraphs 2 and 4 are not "required" of a special school.
    for finding in corpus["fountaindale-school"]:
        assert not ("The law requires" in finding["message"]
                    and re.search(r"Schedule 1, paragraph [24]\)", finding["message"]))
    # The setting's own name and initials are not jargon; no readability on lists.
    assert not [f for f in everything if f["rule"] == "plain-english/jargon"
                and re.search(r"what (EKC|QMC|SHLA|BRNS) means", f["message"])]
    # One finding per gap: nothing repeats what sections/* says.
    assert not [f for f in everything if f["rule"] == "statutory/uncovered"]
    lines = [(f["path"], f["line"], f["rule"], f["message"]) for f in everything]
    assert len(lines) == len(set(lines))
    # An undated report is an error, and no imported offer carries today's date.
    undated = [f for f in everything if f["rule"] == "front-matter/missing-field"
               and f["message"].startswith("last_reviewed")]
    assert undated and all(f["severity"] == "error" for f in undated)
    assert all(TODAY not in f["text"] for f in everything)


def test_a_maintained_nursery_schools_missing_items_are_errors(
        corpus: dict[str, list[dict]]) -> None:
    for name in ("hindley-nursery-school", "bognor-regis-nursery-school"):
        empty = [f for f in corpus[name] if f["rule"] == "sections/empty"]
        admissions = [f for f in empty if "'Admission of disabled pupils' (Children and "
                      "Families Act 2014, s.69(3)(b)(i))" in f["message"]]
        assert len(admissions) == 1 and admissions[0]["severity"] == "error", name
