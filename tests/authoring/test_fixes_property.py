"""Property tests: `localoffer fix` never loses a word or a comment, and fixing twice changes
nothing more than fixing once."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from localoffer.authoring.fixes import fix_text
from localoffer.authoring.template import yaml_value
from localoffer.borough import Borough, load_borough
from localoffer.model.frontmatter import FrontMatterError, split_front_matter
from localoffer.model.schema import FRONT_MATTER_FIELDS

REPO_ROOT = Path(__file__).resolve().parents[2]
BOROUGH: Borough = load_borough(REPO_ROOT / "localoffer.yml")
DEMO = sorted((REPO_ROOT / "offers").glob("*/offer.md"))
WORD = re.compile(r"[^\W_]+")
SAFE = YAML(typ="safe", pure=True)
TEXT_KINDS = {"text", "urn", "ukprn", "postcode", "email", "phone", "website"}
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

words = st.lists(st.sampled_from(
    "we help every child and family with care school nursery SENCO plan review 12 2026 "
    "Urdu café naïve O'Neil one-to-one £5 50% e-mail".split()), min_size=1, max_size=8)
sentence = words.map(" ".join)
trailing = st.sampled_from(["", "", " ", "  ", "\t", "   "])


@st.composite
def review_date(draw: st.DrawFn) -> tuple[str, bool]:
    """A date as someone might write it, and whether fix may rewrite its words."""
    day = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
    style = draw(st.sampled_from(["iso", "slash", "dash", "long", "short-th", "weekday",
                                  "two-digit", "wrong-weekday", "us", "nonsense"]))
    written = {
        "iso": day.isoformat(),
        "slash": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "dash": f"{day.day}-{day.month}-{day.year}",
        "long": f"{day.day} {day:%B %Y}",
        "short-th": f"{day.day}th {day:%b %Y}",
        "weekday": f"{day:%A} {day.day} {day:%B %Y}",
        "two-digit": f"{day.day}/{day.month}/{day:%y}",
        "wrong-weekday": f"{date(day.year, day.month, day.day).replace(day=1):%A} "
                         f"{day.day} {day:%B %Y}" if day.day != 1 else f"{day.day}/{day.month}/{day:%y}",
        "us": f"{day:%B} {day.day}, {day.year}",
        "nonsense": f"{day.day}/{day.month}/{day.year}0",
    }[style]
    return written, style not in ("iso",)


@st.composite
def scalar_for(draw: st.DrawFn, key: str) -> tuple[str, list[str]]:
    """(YAML for the value, words that fix may rewrite)."""
    kind = FRONT_MATTER_FIELDS[key].kind if key in FRONT_MATTER_FIELDS else "text"
    if kind == "date":
        written, rewritable = draw(review_date())
        quoted = draw(st.booleans()) and not re.fullmatch(r"\d{4}-\d\d-\d\d", written)
        return (f'"{written}"' if quoted else yaml_value(written)), [written] if rewritable else []
    if kind in ("urn", "ukprn", "phone"):
        digits = draw(st.from_regex(r"0?[0-9]{6,10}", fullmatch=True))
        return draw(st.sampled_from([digits, f'"{digits}"', f"'{digits}'"])), []
    if kind == "text_list":
        items = draw(st.lists(sentence, min_size=1, max_size=3))
        return "[" + ", ".join(yaml_value(item) for item in items) + "]", []
    value = draw(st.one_of(sentence, st.integers(0, 99999).map(str), st.just("true")))
    return draw(st.sampled_from([yaml_value(value), value if ":" not in value else f"'{value}'"])), []


@st.composite
def front_matter(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    keys = draw(st.lists(st.sampled_from(["name", "urn", "phone", "postcode", "last_reviewed",
                                          "next_review", "approved_by", "status", "languages",
                                          "town", "ward", "notes", "senco", "question_set"]),
                         unique=True, max_size=9))
    keys = ["type", *keys]
    keys = draw(st.permutations(keys))
    lines: list[str] = []
    rewritable: list[str] = []
    for key in keys:
        if draw(st.integers(0, 5)) == 0:
            lines.append(f"# {draw(sentence)}")
        comment = f"  # {draw(sentence)}" if draw(st.booleans()) else ""
        if key == "type":
            lines.append(f"type: {draw(st.sampled_from(['primary', 'childminder', 'fe-college']))}{comment}")
        elif key == "question_set":
            lines.append(f"question_set: {draw(st.sampled_from(['se7-parent', 'se7-young-person']))}")
        elif key == "status":
            lines.append(f"status: {draw(st.sampled_from(['draft', 'published']))}{comment}")
        elif key == "senco":
            lines.append(f"senco:{comment}")
            for sub in draw(st.permutations(["name", "email", "phone"])):
                value, _ = draw(scalar_for("phone" if sub == "phone" else "name"))
                lines.append(f"  {sub}: {value}")
                if draw(st.integers(0, 4)) == 0:
                    lines.append(f"  # {draw(sentence)}")
        else:
            value, may_change = draw(scalar_for(key))
            rewritable += may_change
            lines.append(f"{key}: {value}{comment}")
    return lines, rewritable


@st.composite
def offer_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    front, rewritable = draw(front_matter())
    body: list[str] = []
    if draw(st.booleans()):
        body.append(draw(sentence) + draw(trailing))
    questions = BOROUGH.question_sets["se7-parent"].questions
    headings = draw(st.lists(st.one_of(st.sampled_from([q.text for q in questions]),
                                       sentence, sentence.map(lambda s: s + " {#complaints}")),
                             max_size=6))
    for heading in headings:
        body += ["", f"## {heading}{draw(trailing)}", ""]
        for _ in range(draw(st.integers(0, 3))):
            body.append(draw(sentence) + draw(trailing))
        if draw(st.booleans()):
            body.append(f"<!-- {draw(sentence)} -->")
    ending = draw(st.sampled_from(["\n", "", "\n\n\n", "  \n"]))
    text = "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body) + ending
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    return text, rewritable


def _front_and_body(text: str) -> tuple[str, str]:
    text = text.replace("\r\n", "\n")
    try:
        yaml_text, _close, body_start = split_front_matter(text)
    except FrontMatterError:
        return "", text
    return yaml_text, "\n".join(text.split("\n")[body_start - 1:])


def _yaml_comments(yaml_text: str) -> Counter[str]:
    return Counter(match.strip() for line in yaml_text.split("\n")
                   for match in re.findall(r"(?:^|\s)(#.*)$", line))


# The ways review_date() writes a date that fix may read (day first; the weekday, when given,
# must be the date's). Worked out here with strptime, not with the code under test.
MEANT_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %B %Y", "%dth %b %Y", "%A %d %B %Y")


def meant_date(written: str) -> date | None:
    for form in MEANT_FORMATS:
        try:
            parsed = datetime.strptime(written.strip(), form).date()
        except ValueError:
            continue
        if form.startswith("%A") and written.split()[0] != f"{parsed:%A}":
            return None
        return parsed
    return None


def test_meant_date() -> None:
    assert meant_date("12/09/2026") == date(2026, 9, 12)
    assert meant_date("Saturday 12 September 2026") == date(2026, 9, 12)
    assert meant_date("Monday 12 September 2026") is None
    assert meant_date("12/9/26") is None and meant_date("September 12, 2026") is None


def _same(before: Any, after: Any, key: str | None) -> bool:
    kind = FRONT_MATTER_FIELDS[key].kind if key in FRONT_MATTER_FIELDS else None
    if before == after and type(before) is type(after):
        return True
    if kind == "date" and isinstance(before, str) and isinstance(after, date):
        return meant_date(before) == after
    if isinstance(before, (int, float, bool, date, datetime)) and isinstance(after, str):
        return kind in TEXT_KINDS and SAFE.load(f"value: {after}\n")["value"] == before
    if isinstance(before, dict) and isinstance(after, dict) and set(before) == set(after):
        return all(_same(before[k], after[k], k if k == "phone" else "name") for k in before)
    return False


def assert_nothing_lost(original: str, fixed: str, rewritable: list[str]) -> None:
    lost = Counter(WORD.findall(original)) - Counter(WORD.findall(fixed))
    allowed = Counter(word for written in rewritable for word in WORD.findall(written))
    assert not lost - allowed, f"words lost: {lost - allowed}"
    old_yaml, old_body = _front_and_body(original)
    new_yaml, new_body = _front_and_body(fixed)
    assert not _yaml_comments(old_yaml) - _yaml_comments(new_yaml)
    old_html = Counter(re.findall(r"<!--.*?-->", old_body, re.S))
    assert not old_html - Counter(re.findall(r"<!--.*?-->", new_body, re.S))
    if old_yaml:
        before, after = SAFE.load(old_yaml), SAFE.load(new_yaml)
        assert set(before) == set(after)
        for key in before:
            assert _same(before[key], after[key], key), (key, before[key], after[key])


def assert_idempotent(fixed: str) -> None:
    again = fix_text(fixed, BOROUGH)
    assert again.text == fixed and not again.changed, again.changes


@SETTINGS
@given(offer_text())
def test_fixing_keeps_every_word_and_comment_and_is_idempotent(case: tuple[str, list[str]]) -> None:
    text, rewritable = case
    result = fix_text(text, BOROUGH)
    assert_nothing_lost(text, result.text, rewritable)
    assert_idempotent(result.text)


def test_the_demo_borough_has_offers_to_mutate() -> None:
    assert len(DEMO) >= 10


@SETTINGS
@given(st.sampled_from(DEMO or [Path(".")]), st.data())
def test_mutated_demo_offers_keep_every_word(path: Path, data: st.DataObject) -> None:
    """Real offers, with sections taken out, lines swapped and spaces added."""
    lines = path.read_text(encoding="utf-8").split("\n")
    headings = [index for index, line in enumerate(lines) if line.startswith("## ")]
    for _ in range(data.draw(st.integers(0, 3))):
        start = data.draw(st.sampled_from(headings))
        end = next((h for h in headings if h > start), len(lines))
        del lines[start:end]
        headings = [index for index, line in enumerate(lines) if line.startswith("## ")]
        if not headings:
            break
    close = lines.index("---", 1)
    top = [index for index in range(1, close) if lines[index][:1].isalpha()]
    if len(top) >= 2 and data.draw(st.booleans()):
        first, second = data.draw(st.permutations(top))[:2]
        if not lines[first].rstrip().endswith(":") and not lines[second].rstrip().endswith(":"):
            lines[first], lines[second] = lines[second], lines[first]
    for index in data.draw(st.lists(st.integers(0, len(lines) - 1), max_size=10)):
        if index > close:
            lines[index] += data.draw(trailing)
    text = "\n".join(lines)
    reviewed = re.search(r"^last_reviewed: (\d{4})-(\d\d)-(\d\d)$", text, re.M)
    rewritable = []
    if reviewed and data.draw(st.booleans()):
        uk = f"{reviewed.group(3)}/{reviewed.group(2)}/{reviewed.group(1)}"
        text = text.replace(reviewed.group(0), f"last_reviewed: {uk}")
        rewritable.append(uk)
    result = fix_text(text, BOROUGH)
    assert_nothing_lost(text, result.text, rewritable)
    assert_idempotent(result.text)


ANY_TEXT = settings(max_examples=300, deadline=None)


def test_the_contributors_guide_gives_these_tests_numbers_of_examples() -> None:
    guide = (REPO_ROOT / "docs" / "contributing" / "offer-format.md").read_text(encoding="utf-8")
    sentence = " ".join(guide.split("property tests check this", 1)[1].split()[:25])
    assert SETTINGS.max_examples == 150 and ANY_TEXT.max_examples == 300
    assert ("over 150 generated offers, 150 changed copies of the demo offers and 300 texts of "
            "any characters at all") in sentence


@ANY_TEXT
@given(st.text(max_size=400) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_text_at_all_is_fixed_without_a_crash(text: str) -> None:
    for candidate in (text, "---\n" + text, "---\ntype: primary\n" + text + "\n---\n" + text):
        result = fix_text(candidate, BOROUGH)
        assert_idempotent(result.text)
        lost = Counter(WORD.findall(candidate)) - Counter(WORD.findall(result.text))
        assert not lost
