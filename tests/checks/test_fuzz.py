"""Bad input never crashes the checks: arbitrary bytes, and valid offers broken at random.

Every finding must name a known rule and a line that exists in the file (or the line just
after its end, where something missing would be added).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localoffer.authoring.fixes import fix_text
from localoffer.borough import Borough, load_borough
from localoffer.checks import CheckContext, all_rules, check_offer
from localoffer.collector import collector_paused
from localoffer.model import Severity, load_offer
from localoffer.synthetic import synthetic_offer, synthetic_setting

from .helpers import TODAY

RULES = frozenset(all_rules())
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_LONG_NUMBER = re.compile(r"\d{10}")

# Fragments that reach the corners of the parser and the checks.
TRICKY = [
    "---", "...", "\n---\n", "```", "~~~", "    ", "\t", "\r", "\r\n", "\x00", "\ufeff", "\u2028",
    "## ", "### ", "# ", "{#wellbeing}", "{#", "}", "<!--", "-->", "<script>", "<svg onload=x>",
    "<a href='javascript:x'>", "<br>", "[", "]", "(", ")", "![", "](", "]: ", "<https://x.example>",
    "http://", "https://", "../", "../missing/offer.md", "#top", "mailto:", "javascript:",
    "data:", "&#x6a;", "TODO", "[insert name]", "xxx", "EHCP", "SALT (speech and language therapy)",
    "(SALT)", "A123456789012", "943 476 5919", "0161 496 0000", "`", "*", "_", "|", ">", "- ",
    "1. ", "é", "💙", "\\", "'", '"', ":", ": ", "- x", "? ", "&a", "*a", "!!binary", "!!python/object:os.system",
    "~", "null", "1e400", ".inf", "2027-02-30", "2027-13-01", "2027-01-01 25:00:00", "[[[[",
    "{{{{", "a" * 3000, "x " * 500, "\n" * 50,
]


@pytest.fixture(scope="module")
def fuzz_borough(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Borough:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "localoffer.yml").write_bytes((repo_root / "localoffer.yml").read_bytes())
    (folder / "offers" / "fuzzed").mkdir(parents=True)
    return load_borough(folder / "localoffer.yml")


@pytest.fixture(scope="module")
def valid_offers(fuzz_borough: Borough) -> list[str]:
    return [synthetic_offer(fuzz_borough, synthetic_setting(fuzz_borough, index, TODAY), 40)
            for index in range(len(fuzz_borough.setting_types))]


def assert_checks_cleanly(borough: Borough, content: bytes) -> None:
    path = borough.offers_dir / "fuzzed" / "offer.md"
    path.write_bytes(content)
    offer = load_offer(path, borough)
    findings = check_offer(offer, CheckContext(borough, TODAY, frozenset({"fuzzed"})))
    lines = len(_LINE_BREAK.split(content))
    for finding in findings:
        assert finding.rule in RULES, finding
        assert isinstance(finding.severity, Severity), finding
        assert 1 <= finding.line <= lines + 1, (finding, lines)
        assert finding.path == offer.display_path
        assert finding.message.strip(), finding
        if finding.rule == "safety/personal-data":
            assert not _LONG_NUMBER.search(finding.message), finding


starts = st.sampled_from([b"", b"---\n", b"---\nname: x\n---\n", b"\xef\xbb\xbf---\r\n"])


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=starts, content=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(fuzz_borough: Borough, start: bytes, content: bytes) -> None:
    assert_checks_cleanly(fuzz_borough, start + content)


def _mutate(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        position = data.draw(st.integers(0, len(text)), label="position")
        kind = data.draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "text"]),
                         label="kind")
        if kind == "insert":
            text = text[:position] + data.draw(st.sampled_from(TRICKY)) + text[position:]
        elif kind == "delete":
            length = data.draw(st.integers(1, 400), label="length")
            text = text[:position] + text[position + length:]
        elif kind == "replace":
            # Replace a front-matter value or a heading with something odd.
            lines = text.split("\n")
            index = data.draw(st.integers(0, min(len(lines) - 1, 30)), label="line")
            key = lines[index].split(":", 1)[0] if ":" in lines[index] else lines[index]
            value = data.draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=40)))
            lines[index] = f"{key}: {value}" if ":" in lines[index] else f"## {value}"
            text = "\n".join(lines)
        elif kind == "duplicate":
            length = data.draw(st.integers(1, 2000), label="length")
            text = text[:position] + text[position:position + length] + text[position:]
        else:
            text = text[:position] + data.draw(st.text(max_size=200)) + text[position:]
    return text


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_offers_never_crash(fuzz_borough: Borough, valid_offers: list[str],
                                    data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(valid_offers), label="offer")
    mutated = _mutate(text, data)
    assert_checks_cleanly(fuzz_borough, mutated.encode("utf-8", "surrogatepass"))


def test_the_valid_offers_pass_before_they_are_mutated(fuzz_borough: Borough,
                                                      valid_offers: list[str]) -> None:
    for text in valid_offers:
        path = fuzz_borough.offers_dir / "fuzzed" / "offer.md"
        path.write_text(text, encoding="utf-8")
        offer = load_offer(path, fuzz_borough)
        assert check_offer(offer, CheckContext(fuzz_borough, TODAY, frozenset({"fuzzed"}))) == []


@pytest.mark.parametrize("content", [
    b"---\n" + b"[" * 5000 + b"\n---\n",  # deeply nested YAML
    b"---\n" + b"a: &a [*a]\n---\n",
    b"---\nname: x\n---\n" + b"<" * 100_000,
    b"---\nname: x\n---\n" + b"](" * 50_000,
    b"---\nname: x\n---\n" + b"x@" * 50_000,
    b"---\nname: x\n---\n" + b"[" * 50_000 + b"\n" + b"a" * 100_000,
    b"---\nname: x\n---\n" + b"AbC" * 50_000,
    b"---\nname: x\n---\n" + b"<a " + b'b="c" ' * 20_000,
    b"---\nname: x\n---\n" + b"<!--" * 100_000,
    b"---\nname: x\n---\n" + b"[insert" * 50_000,
    b"---\nname: x\n---\n" + b'<a b="' * 50_000,
    b"---\nname: x\ntype: primary\n---\n\n## Hi\n\n" + b"[" * 60_000 + b"](",
    b"---\nname: x\n---\n\n## a" + b" " * 100_000 + b"b\n",
    b"---\nname: x\n---\n" + b"<img src=x onerror=alert('x') " * 10_000,
], ids=["nested-yaml", "recursive-alias", "angle-brackets", "link-starts", "at-signs",
        "open-brackets", "mixed-capitals", "long-tag", "unclosed-comments", "unclosed-inserts",
        "unclosed-quotes", "brackets-before-a-link", "heading-of-spaces", "handlers-with-quotes"])
def test_pathological_files_are_checked_quickly(fuzz_borough: Borough, content: bytes) -> None:
    # CPU time, so that other work on the machine does not count; each of these took seconds
    # to minutes when a regular expression went back over the text.
    started = time.process_time()
    with collector_paused():
        assert_checks_cleanly(fuzz_borough, content)
    assert time.process_time() - started < 1.0


REGRESSIONS = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz_regressions"


@pytest.mark.parametrize("path", sorted(REGRESSIONS.iterdir()), ids=lambda path: path.name)
def test_every_input_that_once_failed_is_checked_and_fixed(fuzz_borough: Borough,
                                                           path: Path) -> None:
    """Inputs that once gave a traceback or a hang (security review, findings 4 to 6 and 9,
    and what fuzzing found since), kept as files."""
    content = path.read_bytes()
    assert_checks_cleanly(fuzz_borough, content)
    fixed = fix_text(content.decode("utf-8"), fuzz_borough)
    assert fix_text(fixed.text, fuzz_borough).text == fixed.text
