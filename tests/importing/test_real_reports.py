"""`localoffer import` on real published SEN information reports, as the settings wrote them.

The expected place of each of a setting's sections was decided by reading the section, not by
running the importer: the question it answers, "intro" for the welcome at the top (title lines
and introductions that answer no question), or "other" for 'Other information'.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from localoffer.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real_reports"

# fixture: (setting type, --name if the report does not say it, [(its heading, where)]).
EXPECTED: dict[str, tuple[str, str | None, list[tuple[str, str]]]] = {
    "hursthead-infant": ("primary", None, [
        ("How does the school view children with additional educational needs?", "intro"),
        ("What is defined as SEN?", "intro"),
        ("How does the school know if a child needs extra help?", "se7p-01"),
    ]),
    "sarisbury-infant": ("primary", None, [
        ("How does the school know if children need extra help?", "se7p-01"),
        ("What should I do if I think my child has Special Educational Needs?", "se7p-01"),
    ]),
    "smithies-moor-primary": ("primary", "Co-op Academy Smithies Moor", [
        ("Key information", "se7p-14"),
        ("Where to access the Local Authority's SEND Offer:", "se7p-14"),
        ("Where to access the school SEND policy:", "other"),
        ("Where to access the School Accessibility Plan:", "se7p-09"),
        ("What kinds of special educational needs do we provide for in our academy?",
         "se7p-kinds"),
    ]),
    "high-leigh-primary": ("primary", None, [
        ("What is inclusion?", "intro"),
        ("1. What should I do if I think my child may have a Special Educational Need or "
         "Disability (SEND) or the school think my child needs extra help?", "se7p-01"),
    ]),
    "sir-herbert-leon-academy": ("secondary", None, [
        ("What types of SEND are provided for?", "se7p-kinds"),
        ("How do we identify children and young people with SEND and assess their needs?",
         "se7p-01"),
        ("What is the local offer?", "se7p-14"),
        ("What is the name and contact details of our SENDCo?", "se7p-14"),
        ("How do we consult with parents of children with a SEND and involve them in their "
         "child’s education?", "se7p-13"),
    ]),
    "the-hurst-school": ("secondary", None, [
        ("Special Educational Needs and Disability (SEND) Information Report Provision at The "
         "Hurst School", "intro"),
        ("How does the school know if children/young people need extra help?", "se7p-01"),
    ]),
    "hindley-nursery-school": ("nursery-school", "Hindley Nursery School", [
        ("Support For Children With Special Educational Needs And Disabilities", "intro"),
        ("1. How does the school know if children need extra help?", "se7p-01"),
    ]),
    "bognor-regis-nursery-school": ("nursery-school", None, [
        ("Special Educational Needs Information Report", "intro"),
        ("What is the Local Offer?", "se7p-14"),
        ("What do we mean by additional needs? The types of special educational needs (SEN) for "
         "which provision is made at Bognor Regis Nursery School (Schedule 1: point 1)",
         "se7p-kinds"),
    ]),
    "happy-days-nursery": ("early-years", None, [
        ("SEND Local Offer", "intro"),
        ("Happy Days Nursery", "intro"),
        ("Local Offer", "intro"),
        ("1. How does the Nursery know if children need extra help and what should I do if I "
         "think my child may have special educational needs?", "se7p-01"),
        ("2. How will Nursery staff support my child?", "se7p-02"),
        ("3. How will the curriculum be matched to my child’s needs?", "se7p-03"),
    ]),
    "davison-day-nursery": ("early-years", "Davison Day Nursery", [
        ("1. How does the early years setting know if children need extra help and what should "
         "I do if I think my child has special educational needs?", "se7p-01"),
        ("2. How will early years setting staff support my child?", "se7p-02"),
        ("3. How will the curriculum be matched to my child’s needs?", "se7p-03"),
    ]),
    "fountaindale-school": ("special", "Fountaindale School", [
        ("Admissions", "se7p-admissions"),
    ]),
    "queen-marys-college": ("sixth-form", "Queen Mary's College", [
        # Applying for exam access arrangements: what a student does to get extra help.
        ("What you need to do:", "se7yp-02"),
        ("Important Notes", "other"),
    ]),
}

# The offer's details that each report states (front-matter key, value).
STATED = {
    "sarisbury-infant": {"name": "Sarisbury Infant School", "last_reviewed": "2020-09-01"},
    "sir-herbert-leon-academy": {"name": "Sir Herbert Leon Academy",
                                 "senco": {"name": "Mrs Caroline Oxley",
                                           "email": "coxley@shlacademy.org"}},
    "high-leigh-primary": {"name": "High Leigh Primary School",
                           "senco": {"name": "Bryoney Hobbs",
                                     "email": "sendco@highleigh.herts.sch.uk"}},
    "the-hurst-school": {"name": "The Hurst School",
                         "senco": {"name": "Claire Hornsey",
                                   "email": "claire.hornsey@hurst.hants.sch.uk"}},
    "smithies-moor-primary": {"senco": {"name": "Gemma Shaw", "phone": "01924 326708"},
                              "last_reviewed": "2023-09-01"},
    "davison-day-nursery": {"senco": {"name": "Julie Cockerill"}},
    "bognor-regis-nursery-school": {"name": "Bognor Regis Nursery School"},
}

# Words of the web pages' menus, cookie banners and footers (see make_fixtures.py).
FURNITURE = ["cookies", "Cookie settings", "Copyright", "Sitemap", "SchoolSites",
             "Privacy notice", "Curriculum</a>", "In this section"]


def _source(name: str) -> Path:
    return next(CORPUS.joinpath(name).glob("report.*"))


def _original_text(name: str) -> str:
    folder = CORPUS / name
    text_file = folder / "source.txt" if (folder / "source.txt").exists() else folder / "report.txt"
    return text_file.read_text(encoding="utf-8")


def _import(borough_dir: Path, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    setting_type, given_name, _ = EXPECTED[name]
    args = ["import", str(_source(name)), "--type", setting_type, "--slug", name,
            "--config", str(borough_dir / "localoffer.yml")]
    if given_name:
        args += ["--name", given_name]
    capsys.readouterr()
    assert main(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    return (borough_dir / "offers" / name / "offer.md").read_text(encoding="utf-8"), out


def _placed(offer: str, heading: str) -> str:
    """Where the offer has the setting's heading: under which '## ' question (by the question
    set's own text), in the welcome ('intro') or under 'Other information' ('other')."""
    body = offer.split("\n---\n", 1)[1]
    current = "intro"
    for line in body.split("\n"):
        if line.startswith("## "):
            current = line[3:].strip()
        if line.strip() in (f"### {heading}".strip(), f"**{heading.strip()}**",
                            f"## {heading}".strip()):
            return current
    raise AssertionError(f"'{heading}' is not in the offer")


def _question_ids(borough_dir: Path, setting_type: str) -> dict[str, str]:
    from localoffer.borough import load_borough
    borough = load_borough(borough_dir / "localoffer.yml")
    question_set = borough.question_sets[borough.setting_types[setting_type].question_set]
    ids = {"intro": "intro", "Other information": "other"}
    ids.update({question.text: question.id for question in question_set.questions})
    return ids


def test_at_least_80_percent_of_the_settings_sections_land_under_the_right_question(
        borough_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right, wrong = [], []
    for name, (setting_type, _, expected) in EXPECTED.items():
        ids = _question_ids(borough_dir, setting_type)
        offer, _ = _import(borough_dir, name, capsys)
        for heading, where in expected:
            placed = _placed(offer, heading)
            placed_id = ids.get(placed, placed)
            (right if placed_id == where else wrong).append((name, heading, where, placed_id))
    total = len(right) + len(wrong)
    assert total == 36
    share = len(right) / total
    print(f"{len(right)} of {total} sections placed right ({share:.0%}); wrong: {wrong}")
    assert share >= 0.8, "\n".join(map(str, wrong))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_word_of_the_report_is_lost(borough_dir: Path, capsys: pytest.CaptureFixture[str],
                                       name: str) -> None:
    offer, _ = _import(borough_dir, name, capsys)
    body = re.sub(r"<!--.*?-->", "", offer.split("\n---\n", 1)[1], flags=re.S)
    words = Counter(_words(_original_text(name)))
    missing = words - Counter(_words(body))
    assert not missing, f"lost from {name}: {sorted(missing)}"


def _words(text: str) -> list[str]:
    # Letters and digits only: punctuation and Markdown's marks may differ, words may not.
    return re.findall(r"[a-z0-9]+", text.lower().replace("&amp;", "&"))


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if _source(n).suffix == ".html"))
def test_menus_cookie_banners_and_footers_are_left_out(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    offer, _ = _import(borough_dir, name, capsys)
    for words in FURNITURE:
        assert words not in offer


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_front_matter_has_what_the_report_states_and_never_today(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    offer, _ = _import(borough_dir, name, capsys)
    front = yaml.safe_load(offer.split("\n---\n", 1)[0].removeprefix("---\n"))
    for key, value in STATED.get(name, {}).items():
        if isinstance(value, dict):
            assert {k: front[key][k] for k in value} == value
        else:
            assert str(front[key]) == value
    assert date.today().isoformat() not in offer.split("\n---\n", 1)[0]
    if "last_reviewed" not in STATED.get(name, {}):
        assert front.get("last_reviewed") is None and front.get("next_review") is None


def test_sub_headings_and_lists_keep_their_shape(borough_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    offer, _ = _import(borough_dir, "sir-herbert-leon-academy", capsys)
    assert ("## Which kinds of special educational needs do you provide for?\n\n"
            "### What types of SEND are provided for?\n\n#### Communication & Interaction\n"
            in offer)
    assert "- The school’s own baseline assessments\n- KS2 SATs scores\n" in offer
    smithies, _ = _import(borough_dir, "smithies-moor-primary", capsys)
    assert "- Hearing impairment\n" in smithies


def test_the_mapping_is_printed_with_how_sure(borough_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _import(borough_dir, "happy-days-nursery", capsys)
    assert ("'2. How will Nursery staff support my child?'\n"
            "      -> 'How will staff support my child?' (sure, 100/100)") in out
    assert "'Happy Days Nursery'\n      -> the welcome at the top" in out
    assert "Then run: localoffer check" in out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_imported_offer_can_be_checked(borough_dir: Path, capsys: pytest.CaptureFixture[str],
                                           name: str) -> None:
    # It is a draft with questions still to answer, so problems are expected (exit 1), but the
    # checks run on it (not 2) and find none of its headings unknown, 'Other information' too.
    _import(borough_dir, name, capsys)
    code = main(["check", str(borough_dir / "offers" / name / "offer.md"), "--format", "json",
                 "--config", str(borough_dir / "localoffer.yml")])
    findings = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [f for f in findings["findings"] if f["rule"] == "sections/unknown"] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_build_cache_keeps_an_imported_report_light_and_whole(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """A real report, imported, as the site build's cache keeps it (light_offer.py): what every
    build reads holds none of its answers, the dashboard's row is the same without them, and
    its text and answers come back whole when asked for."""
    import pickle

    from localoffer.borough import load_borough
    from localoffer.model import load_offer
    from localoffer.reporting.rows import setting_row
    from localoffer.site.light_offer import OfferText, light

    _import(borough_dir, name, capsys)
    borough = load_borough(borough_dir / "localoffer.yml")
    offer = load_offer(borough_dir / "offers" / name / "offer.md", borough)
    longest = max(offer.text.split("\n")[offer.body_start - 1:], key=len).strip()
    kept = pickle.dumps(light(offer))
    assert len(longest) > 40 and longest.encode() not in kept
    found = pickle.loads(kept)
    today = date(2026, 11, 30)
    found.attach(lambda: (_ for _ in ()).throw(AssertionError("the text was read")))
    assert setting_row(found, borough, today, [], score=False) == \
        setting_row(offer, borough, today, [], score=False)
    found = pickle.loads(kept)
    found.attach(lambda: OfferText.of(offer))
    assert found.text == offer.text
    assert [(s.heading, s.text, s.areas) for s in found.sections] == \
        [(s.heading, s.text, s.areas) for s in offer.sections]
