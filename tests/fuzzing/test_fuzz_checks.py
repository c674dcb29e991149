"""Bad input never crashes the checks: arbitrary bytes, and valid offers broken at random.

Every finding must name a known rule and a line that exists in the file (or the line just
after its end, where something missing would be added). Each test counts its inputs and
asserts its quota (generate.QUOTAS).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.model import load_offer
from localoffer.synthetic import synthetic_offer, synthetic_setting

from cpu_cost import MOST_TIMES_ORDINARY as LIMIT
from cpu_cost import ordinary_offer, times_as_long
from fuzzing.generate import QUOTAS, TRICKY, fuzz_settings
from fuzzing.through import TODAY, WORK_SLUG, assert_checks_cleanly, make_borough


@pytest.fixture(scope="module")
def fuzz_borough(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Borough:
    return make_borough(tmp_path_factory.mktemp("fuzz"), repo_root)


@pytest.fixture(scope="module")
def valid_offers(fuzz_borough: Borough) -> list[str]:
    return [synthetic_offer(fuzz_borough, synthetic_setting(fuzz_borough, index, TODAY), 40)
            for index in range(len(fuzz_borough.setting_types))]


starts = st.sampled_from([b"", b"---\n", b"---\nname: x\n---\n", b"\xef\xbb\xbf---\r\n"])


def test_arbitrary_bytes_never_crash(fuzz_borough: Borough,
                                     record_property: pytest.RecordProperty) -> None:
    seen: set[bytes] = set()

    @fuzz_settings(QUOTAS["arbitrary-bytes"])
    @given(start=starts, content=st.binary(max_size=2000))
    def one(start: bytes, content: bytes) -> None:
        if start + content in seen:
            return  # drawn before: counted once
        seen.add(start + content)
        assert_checks_cleanly(fuzz_borough, start + content)

    one()
    record_property("fuzzed_in_process", len(seen))
    assert len(seen) >= QUOTAS["arbitrary-bytes"]


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


def test_mutated_offers_never_crash(fuzz_borough: Borough, valid_offers: list[str],
                                    record_property: pytest.RecordProperty) -> None:
    seen: set[str] = set()

    @fuzz_settings(QUOTAS["mutated-offers"])
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        text = data.draw(st.sampled_from(valid_offers), label="offer")
        mutated = _mutate(text, data)
        if mutated in seen:
            return  # drawn before: counted once
        seen.add(mutated)
        assert_checks_cleanly(fuzz_borough, mutated.encode("utf-8", "surrogatepass"))

    one()
    record_property("fuzzed_in_process", len(seen))
    assert len(seen) >= QUOTAS["mutated-offers"]


def test_the_valid_offers_pass_before_they_are_mutated(fuzz_borough: Borough,
                                                      valid_offers: list[str]) -> None:
    for text in valid_offers:
        path = fuzz_borough.offers_dir / WORK_SLUG / "offer.md"
        path.write_text(text, encoding="utf-8")
        offer = load_offer(path, fuzz_borough)
        assert check_offer(offer, CheckContext(fuzz_borough, TODAY, frozenset({WORK_SLUG}))) == []


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
    # Each of these took seconds to minutes when a regular expression went back over the text:
    # hundreds of times an ordinary offer of the same size.
    ordinary = ordinary_offer(fuzz_borough, len(content), TODAY)
    times = times_as_long(lambda: assert_checks_cleanly(fuzz_borough, content),
                          lambda: assert_checks_cleanly(fuzz_borough, ordinary), LIMIT)
    assert times < LIMIT, f"{times:.1f} times an ordinary offer of its size"
