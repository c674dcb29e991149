"""What the fuzz tests feed localoffer: hypothesis strategies for whole offers (front-matter
with every field of the schema, odd YAML, awkward bodies) and for localoffer.yml.

Each strategy makes text the way a careless or hostile author could: YAML tags and anchors,
huge numbers, unicode, NULs, byte order marks, Windows line ends, headings inside comments,
raw HTML, odd links and merge-conflict markers.
"""
from __future__ import annotations

import math
import os
from datetime import timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from localoffer.model.schema import FRONT_MATTER_FIELDS, Field

# Hypothesis's deadline is wall-clock time, which a machine shared with other work stretches
# (a 30 ms input once took 2.7 s at a load of 16 on two cores), so it only catches an input
# that hangs. The tests compare each input's CPU time with an ordinary offer's
# (tests/cpu_cost.py), which the load stretches alike.
DEADLINE = timedelta(seconds=5)

# How many different inputs each fuzz test must have run, each run (the tests count them).
# Together at least 10,000: test_fuzz_counts.py adds them up.
QUOTAS = {
    "arbitrary-bytes": 2500,      # the checks alone (test_fuzz_checks.py)
    "mutated-offers": 2000,       # the checks alone (test_fuzz_checks.py)
    "front-matter": 2500,         # in process, then through `localoffer check` and `fix`
    "bodies": 2500,               # in process, then through `localoffer check` and `fix`
    "borough-config": 1000,       # localoffer.yml, through `localoffer config` and `check`
}


# Hypothesis draws some files twice (the simplest first); the tests skip those and count the
# rest, so they ask for this many more examples than their quota.
DRAWN_TWICE_ALLOWANCE = 1.35


def fuzz_settings(quota: int) -> settings:
    """The same inputs every run (derandomize: a failure in CI is the same failure on a
    laptop), unless LOCALOFFER_FUZZ_EXPLORE is set, which draws new ones each run."""
    return settings(max_examples=math.ceil(quota * DRAWN_TWICE_ALLOWANCE), deadline=DEADLINE,
                    database=None,
                    derandomize=not os.environ.get("LOCALOFFER_FUZZ_EXPLORE"),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# Front-matter ------------------------------------------------------------------------------

# Values that reach the corners of the YAML reader and the schema's checks.
ODD_SCALARS = [
    "", "~", "null", "yes", "on", "no", "true", "'", '"', "''", '""', "-", "?", ":", "#",
    "0", "-1", "99999999999", "9" * 400, "1e400", "-1e400", ".nan", ".inf", "-.inf", "0x1F",
    "0o17", "0b101", "1_000", "2027-09-01", "2027-02-30", "2027-13-01", "0000-00-00",
    "2027-09-01T25:00:00", "12/09/2026", "31/02/2027", "12 Sept 2026", "Friday 12th September 2026",
    "'113562'", "113562", "A123456789012", '"4-11"', "4-11", "11-4", "0-99", "-3-4",
    "primary", "special", "published", "draft", "se7-parent", "@calderbrook/oakfield",
    "https://www.calderbrook.example/x", "javascript:alert(1)", "mailto:x@y", "0161 496 0000",
    "CK1 2AB", "ck7", "a@b", "!!float 'x'", "!!int 'x'", "!!bool 'x'", "!!timestamp 'x'",
    "!!map [1]", "!!set [a]", "!!seq {a: 1}", "!!str [a]", "!!binary aGk=", "!!null x",
    "!foo bar", "!<tag:yaml.org,2002:int> x", "!!python/object:os.system x",
    "!!python/name:os.system", "!!omap [a]", "!!pairs [a]", "&a x", "*a", "&b [*b]", "*b",
    "<<", "<<: *a", "[a, b]", "{a: 1}", "[" * 70, "{a: " * 40, "| \n  block", "> \n  folded",
    '"\\u0000"', '"\\x00"', '"\\ud800"', "'\t'", "\t", "\x00", "\ufeff", "\u2028", "\x85",
    "é", "💙", "\u202e", "<script>alert(1)</script>", "\" onload=\"x", "a: b: c", "a #b",
    "[\"@a\", 5]", "[[1]]", "{senco: {name: [1]}}", "{name: x, email: 5}", "- x", "---", "...",
    "%YAML 1.1", "'a\n  b'", "\"a\\\n  b\"",
]
KEYS = [*FRONT_MATTER_FIELDS, "x", "<<", "1", "true", "null", "? a", "[a]", "Name", "ｎａｍｅ"]
_PLAIN_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def yaml_values(draw: st.DrawFn, depth: int = 0) -> str:
    """One YAML value as text, on one line (flow style) or not."""
    kind = draw(st.integers(0, 6 if depth < 3 else 2))
    if kind <= 1:
        return draw(st.sampled_from(ODD_SCALARS))
    if kind == 2:
        return draw(_PLAIN_TEXT).replace("\n", " ")
    if kind == 3:
        items = draw(st.lists(yaml_values(depth + 1), max_size=4))
        return "[" + ", ".join(items) + "]"
    if kind == 4:
        pairs = draw(st.lists(st.tuples(st.sampled_from(KEYS), yaml_values(depth + 1)),
                              max_size=4))
        return "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
    if kind == 5:
        items = draw(st.lists(yaml_values(depth + 1), min_size=1, max_size=3))
        return "\n" + "\n".join(f"  - {item}" for item in items)
    return draw(st.sampled_from(["!!map", "!!seq", "!!str", "!!int", "&c", "!x", "*c"])) + " " \
        + draw(yaml_values(depth + 1))


def _good_value(field: Field) -> str:
    """A value of the kind the field wants, as an author would write it."""
    examples = {
        "text": "Oakfield Primary School", "setting_type": "primary", "urn": "'113562'",
        "ukprn": "'10012345'", "age_range": "4-11", "postcode": "CK7 2AB",
        "website": "https://www.oakfield.example", "phone": "'0161 496 0000'",
        "question_set": "se7-parent", "date": "2027-09-01", "status": "published",
        "text_list": "[English, Urdu]", "need_list": "[autism, speech-language-communication]",
        "boolean": "true",
    }
    return examples.get(field.kind, "x")


@st.composite
def field_lines(draw: st.DrawFn, field: Field, indent: str = "") -> list[str]:
    """The lines of one front-matter key: a good value, an odd one, or a mapping of its own
    keys (senco, access) with good and odd values."""
    if field.fields and draw(st.booleans()):
        lines = [f"{indent}{field.key}:"]
        for subfield in draw(st.lists(st.sampled_from(field.fields), max_size=4, unique=True)):
            lines += draw(field_lines(subfield, indent + "  "))
        return lines
    value = _good_value(field) if draw(st.booleans()) else draw(yaml_values())
    return [f"{indent}{field.key}: {value}"]


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """Front-matter between '---' lines: a plausible offer's keys, then odd keys and values
    added, replaced or repeated; sometimes broken at its edges."""
    lines = ["name: Oakfield Primary School", "type: primary", "status: published",
             "urn: '113562'", "next_review: 2027-09-01"]
    fields = list(FRONT_MATTER_FIELDS.values())
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 4)) == 0:
            new = [f"{draw(st.sampled_from(KEYS))}: {draw(yaml_values())}"]
        else:
            new = draw(field_lines(draw(st.sampled_from(fields))))
        if draw(st.booleans()):
            lines += new
        else:
            at = draw(st.integers(0, len(lines) - 1))
            lines[at:at + 1] = new
    if draw(st.integers(0, 9)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(
            ["# a comment", "  indented: x", "\tname: tab", "---", "...", "%TAG ! tag:x,2000:",
             "? complex", ": value", "- item", "name", ": ", "&a name: x", "<<: {name: y}"])))
    opening = draw(st.sampled_from(["---\n"] * 8 + ["--- \n", "---\r\n", "\ufeff---\n", ""]))
    closing = draw(st.sampled_from(["---\n"] * 8 + ["...\n", "---", "", "--- x\n", "----\n"]))
    return opening + "\n".join(lines) + "\n" + closing


# Bodies ------------------------------------------------------------------------------------

TRICKY = [
    "---", "...", "\n---\n", "```", "~~~", "    ", "\t", "\r", "\r\n", "\x00", "\ufeff", "\u2028",
    "## ", "### ", "# ", "{#wellbeing}", "{#", "}", "<!--", "-->", "<script>", "<svg onload=x>",
    "<a href='javascript:x'>", "<br>", "[", "]", "(", ")", "![", "](", "]: ",
    "<https://x.example>", "http://", "https://", "../", "../missing/offer.md", "#top",
    "mailto:", "javascript:", "data:", "&#x6a;", "TODO", "[insert name]", "xxx", "EHCP",
    "SALT (speech and language therapy)", "(SALT)", "A123456789012", "943 476 5919",
    "0161 496 0000", "`", "*", "_", "|", ">", "- ", "1. ", "é", "💙", "\\", "'", '"', ":",
    "- x", "? ", "&a", "*a", "!!binary", "!!python/object:os.system", "~", "null", "1e400",
    ".inf", "2027-02-30", "2027-13-01", "2027-01-01 25:00:00", "[[[[", "{{{{", "a" * 3000,
    "x " * 500, "\n" * 50, "<<<<<<< HEAD\n", "=======\n", ">>>>>>> branch\n", "\u202e",
    "\x85", "\x0c",
]
SNIPPETS = [
    "[a](b)", "[a](offer.md)", "[a](../other/offer.md)", "[a](/etc/passwd)", "![i](x.png)",
    "![i](../../.git/config)", "![](data:image/png;base64,AAAA)", "[x]: http://a", "[y][x]",
    "<https://example.org>", "https://example.org/a(b)", "www.example.org", "[a](<b c>)",
    "[a](javascript:alert(1))", "[a](JaVaScRiPt:alert(1))", "[a](&#106;avascript:x)",
    "| a | b |\n|---|---|\n| 1 | 2 |", "- a\n  - b\n    - c", "1. a\n2. b", "> quote",
    "```\ncode\n## not a heading\n```", "    ## indented code", "{#wellbeing}",
    "0161 496 0000", "A123456789012", "943 476 5919", "&#x6a;avascript:x",
    "<img src=x onerror=alert('x')>", "<img src=x onerror=alert(\"x\")>",
    "<a href=\"javascript:alert(1)\">x</a>", "<script>alert(1)</script>", "<style>*{}</style>",
    "<iframe src=//x></iframe>", "<svg><script>alert(1)</script></svg>", "<details open ontoggle=x>",
    "<div markdown=1>## inside</div>", "<!-- a comment -->", "<!-- <!-- nested --> -->",
    "Heading\n=======", "Heading\n-------", "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b\n",
    "<<<<<<< HEAD\n", ">>>>>>> b\n", "Ask the SENCO (special educational needs co-ordinator).",
    "TODO: write this", "[insert the SENCO's name]", "TBC", "Lorem ipsum dolor",
]


@st.composite
def headings(draw: st.DrawFn, questions: list[str]) -> str:
    text = draw(st.one_of(st.sampled_from(questions), _PLAIN_TEXT,
                          st.sampled_from(questions).map(str.upper),
                          st.sampled_from(questions).map(lambda q: q[: len(q) // 2])))
    anchor = draw(st.sampled_from(["", "", "", " {#wellbeing}", " {#contacts}", " {#nowhere}",
                                   " {#", " {: #x .y}", " ##"]))
    level = draw(st.sampled_from(["##", "##", "##", "#", "###", "######", "#######", " ##",
                                  "    ##", "##\t"]))
    return f"{level} {text}{anchor}"


@st.composite
def bodies(draw: st.DrawFn, questions: list[str]) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 6))
        if kind == 0:
            answer = draw(st.sampled_from(["Our answer.", "", "TODO", "We work with parents."]))
            parts.append(f"\n{draw(headings(questions))}\n\n{answer}\n")
        elif kind == 1:
            inner = f"{draw(headings(questions))}\n\nA hidden draft about a pupil.\n"
            parts.append(draw(st.sampled_from([f"<!--\n{inner}-->\n", f"<!--\n{inner}",
                                               f"text <!-- {inner} --> {inner}",
                                               f"<!-- a -->\n{inner}<!--\n"])))
        elif kind == 2:
            piece = draw(st.sampled_from(TRICKY))
            # Up to 20,000 characters: the 512 KB worst cases are test_linear_time.py's.
            parts.append(piece * draw(st.integers(1, max(1, min(300, 20_000 // len(piece))))))
        elif kind == 3:
            parts.append(draw(st.text(max_size=200)))
        elif kind == 4:
            parts.append(draw(st.sampled_from(SNIPPETS)))
        elif kind == 5:
            parts.append("\n" * draw(st.integers(1, 3)))
        else:
            parts.append(" ".join(draw(st.lists(st.sampled_from(TRICKY + SNIPPETS),
                                                max_size=8))))
    return "".join(parts)


@st.composite
def line_ends(draw: st.DrawFn, text: str) -> str:
    """The text as a Windows or old Mac editor, or a byte order mark, might leave it."""
    ending = draw(st.sampled_from(["\n"] * 6 + ["\r\n", "\r", "mixed"]))
    if ending == "mixed":
        lines = text.split("\n")
        return "".join(line + draw(st.sampled_from(["\n", "\r\n"])) for line in lines[:-1]) \
            + lines[-1]
    text = text.replace("\n", ending)
    return ("\ufeff" + text) if draw(st.integers(0, 15)) == 0 else text


# localoffer.yml ------------------------------------------------------------------------------

CONFIG_KEYS = {
    "borough": ["name", "local_offer_url", "local_offer_urls", "sendiass_url", "feedback_url",
                "reviewers"],
    "feedback": ["form_url", "email"],
    "postcode_districts": ["CK1", "CK9", "ZZ1"],
    "setting_types": ["primary", "special", "new-type"],
    "question_sets": ["se7-parent", "own"],
    "heading_wordings": ["contacts", "wellbeing", "nowhere"],
    "review": ["interval_months", "due_soon_days"],
    "plain_english": ["reading_ease_min", "word_limit", "min_words_to_score"],
    "limits": ["max_file_kb"],
    "glossary": ["SEN", "ABC", "x"],
    "report": ["coverage_min_percent", "short_answer_words", "short_answers_max_percent",
               "history_months"],
    "teams": ["@calderbrook/oakfield"],
    "site": ["title", "x"],
}
SETTING_TYPE_KEYS = ["label", "duty", "asked_by", "question_set", "urn", "required_areas",
                     "special_school", "school", "young_people"]


@st.composite
def borough_configs(draw: st.DrawFn) -> str:
    """A localoffer.yml: the demo's sections with odd keys, values and shapes."""
    lines = []
    for section in draw(st.lists(st.sampled_from([*CONFIG_KEYS, "x", "<<"]), max_size=5,
                                 unique=True)):
        shape = draw(st.integers(0, 5))
        if shape == 0:
            lines.append(f"{section}: {draw(yaml_values())}")
            continue
        lines.append(f"{section}:")
        for key in draw(st.lists(st.sampled_from(CONFIG_KEYS.get(section, ["x"])), max_size=4,
                                 unique=True)):
            if section == "setting_types" and draw(st.booleans()):
                lines.append(f"  {key}:")
                for inner in draw(st.lists(st.sampled_from(SETTING_TYPE_KEYS), max_size=4,
                                           unique=True)):
                    lines.append(f"    {inner}: {draw(yaml_values()).replace(chr(10), ' ')}")
            else:
                lines.append(f"  {key}: {draw(yaml_values()).replace(chr(10), ' ')}")
    if draw(st.integers(0, 7)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(
            ["a: &a [*a, *a, *a, *a]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]", "\t- x",
             "--- !!map", "%YAML 9.9", "\x00", "\ufeff", "[1, 2]", "- a", "'unclosed", "? [a]",
             "borough: [1, 2]", "review: {interval_months: 99999999999}"])))
    return "\n".join(lines) + "\n"
