"""Awkward files are checked in time that grows with their length, not its square: each
worst case of the size limit (512 KB) is read and checked in under a second of CPU time.

CPU time (time.process_time), not the wall clock, so that other work on the machine does not
fail the test; the checks run with the collector paused, as `localoffer check` runs them.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from localoffer.borough import Borough, load_borough
from localoffer.checks import CheckContext, check_offer
from localoffer.collector import collector_paused
from localoffer.model import load_offer
from localoffer.text.readability import text_stats

from .helpers import TODAY

# Issue 10: every file of the size limit is checked in under a second of CPU time.
LIMIT_SECONDS = 1.0
SIZE = 512 * 1024 - 200  # just under the limit, with room for the front-matter
FRONT = b"---\nname: Oakfield Primary School\ntype: primary\nstatus: published\n---\n\n## Hello\n\n"


def _filled(unit: bytes) -> bytes:
    return FRONT + unit * (SIZE // len(unit))


WORST_CASES = {
    "open-square-brackets": _filled(b"["),
    "open-brackets-then-link": FRONT + b"[" * (SIZE - 2) + b"](",
    "link-starts": _filled(b"[x]("),
    "nested-link-text": _filled(b"[[a]("),
    "round-brackets": _filled(b"("),
    "unclosed-comments": _filled(b"<!--"),
    "comments-on-lines": _filled(b"<!--\n"),
    "stars": _filled(b"*"),
    "underscores": _filled(b"_"),
    "angle-brackets": _filled(b"<"),
    "unclosed-tags": _filled(b"<a b=\""),
    "tags-with-handlers": _filled(b"<a onclick=x('y') "),
    "deep-lists": b"".join([FRONT] + [b"  " * (depth % 400) + b"- a\n"
                                      for depth in range(SIZE // 400)]),
    "list-items": _filled(b"- a\n"),
    "one-long-line": _filled(b"word "),
    "spaces": _filled(b" "),
    "heading-of-spaces": FRONT + b"## a" + b" " * SIZE + b"b {#x\n",
    "heading-of-hashes": FRONT + b"## a" + b" #" * (SIZE // 2) + b"x\n",
    "short-lines": _filled(b"a\n"),
    "bracket-lines": _filled(b"[\n"),
    "web-addresses": _filled(b"https://"),
    "at-signs": _filled(b"x@"),
    "capitals": _filled(b"AbC "),
    "digits": _filled(b"0161 "),
    "backticks": _filled(b"`"),
    "backticks-after-text": FRONT + b"a" + b"`" * SIZE,
    "backtick-runs": _filled(b"a``"),
    "many-headings": _filled(b"## a\n"),
    "many-different-headings": FRONT + b"".join(b"## a%d\n" % n for n in range(SIZE))[:SIZE],
    "many-headings-with-areas": _filled(b"## a {#wellbeing}\n"),
    "many-questions": _filled(b"## Who can I contact for further information?\n"),
    "many-top-headings": _filled(b"# a\n"),
    "braces": _filled(b"{#"),
}


@pytest.fixture(scope="module")
def borough(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Borough:
    folder = tmp_path_factory.mktemp("linear")
    (folder / "localoffer.yml").write_bytes((repo_root / "localoffer.yml").read_bytes())
    (folder / "offers" / "big").mkdir(parents=True)
    return load_borough(folder / "localoffer.yml")


@pytest.mark.parametrize("name", WORST_CASES)
def test_a_worst_case_file_of_the_size_limit_is_checked_in_under_a_second(
        borough: Borough, name: str) -> None:
    content = WORST_CASES[name]
    assert len(content) <= borough.max_file_bytes
    path = borough.offers_dir / "big" / "offer.md"
    path.write_bytes(content)
    times = []
    # The best of three: a quadratic case stays slow every time, while a run that shares the
    # CPU's caches with the other test worker can be a little slower once.
    for _ in range(3):
        started = time.process_time()
        with collector_paused():
            offer = load_offer(path, borough)
            check_offer(offer, CheckContext(borough, TODAY, frozenset({"big"})))
        times.append(time.process_time() - started)
        if times[-1] < LIMIT_SECONDS:
            break
    assert min(times) < LIMIT_SECONDS, f"{name}: {min(times):.2f} s"


def test_the_reviews_line_of_brackets_is_read_in_linear_time() -> None:
    # 60,000 '[' and a '](' took 20 s in the readability count (security review, finding 6).
    started = time.process_time()
    stats = text_stats("Hello. " + "[" * 60_000 + "](x) and more words.")
    assert time.process_time() - started < LIMIT_SECONDS
    assert stats.words == 4
