"""Where a fuzzed input goes, and what must hold there: in process (parse, check, fix, render
the page) and through the real `localoffer` command (click's entry point in process, or a
real subprocess over a folder of many inputs).

What must hold everywhere: no traceback; every finding names a known rule and a line of the
file; a second `fix` changes nothing; the rendered page has no script, no event handler and
no javascript: address; no input many times slower than an ordinary offer.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import html5lib
from click.testing import CliRunner

from localoffer.authoring.fixes import fix_text
from localoffer.borough import Borough, load_borough
from localoffer.checks import CheckContext, all_rules, check_offer
from localoffer.cli import main
from localoffer.model import Severity, load_offer
from localoffer.site.bodies import render_body
from localoffer.site.catalogue import examine
from localoffer.site.pages import OfferPageContext, offer_page
from localoffer.site.render import MarkdownRenderer

from cpu_cost import MOST_TIMES_ORDINARY, cpu_seconds, ordinary_offer, times_as_long

TODAY = date(2026, 11, 28)
RULES = frozenset(all_rules())
WORK_SLUG = "fuzzed"
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_LONG_NUMBER = re.compile(r"\d{10}")
_WORD = re.compile(r"[^\W_]+")
_FINDING_LINE = re.compile(r"^offers/[^/:]+/offer\.md:\d+: [a-z-]+/[a-z-]+ ")
ORDINARY_BYTES = 64 * 1024
WARM_UP = ("---\nname: Oakfield Primary School\ntype: primary\nstatus: published\n"
           "urn: '113562'\nnext_review: 2027-09-01\n---\n\n## Who can I contact?\n\nOur "
           "SENCO, on [our page](https://www.oakfield.example).\n").encode()
_SCRIPT_ELEMENTS = {"script", "iframe", "object", "embed", "base", "meta", "style", "link"}


def make_borough(folder: Path, repo_root: Path, config: bytes | None = None) -> Borough:
    """A borough in `folder`: the demo's localoffer.yml (or `config`), an empty offers/."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "localoffer.yml").write_bytes(
        config if config is not None else (repo_root / "localoffer.yml").read_bytes())
    (folder / "offers" / WORK_SLUG).mkdir(parents=True, exist_ok=True)
    return load_borough(folder / "localoffer.yml")


def assert_checks_cleanly(borough: Borough, content: bytes) -> None:
    """Check one file as offers/fuzzed/offer.md: findings only, each well formed."""
    path = borough.offers_dir / WORK_SLUG / "offer.md"
    path.write_bytes(content)
    offer = load_offer(path, borough)
    findings = check_offer(offer, CheckContext(borough, TODAY, frozenset({WORK_SLUG})))
    lines = len(_LINE_BREAK.split(content))
    for finding in findings:
        assert finding.rule in RULES, finding
        assert isinstance(finding.severity, Severity), finding
        assert 1 <= finding.line <= lines + 1, (finding, lines)
        assert finding.path == offer.display_path
        assert finding.message.strip(), finding
        assert "\n" not in finding.message, finding  # one finding, one line of output
        if finding.rule == "safety/personal-data":
            assert not _LONG_NUMBER.search(finding.message), finding


def assert_page_is_inert(html: str) -> None:
    """No element that runs script, no event handler, no javascript: address."""
    for element in html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        assert tag.split("}")[-1] not in _SCRIPT_ELEMENTS, (tag, html[:300])
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            assert not squeezed.startswith(("javascript:", "vbscript:", "data:text")), value


def assert_fix_is_settled(borough: Borough, text: str) -> str:
    """`fix` keeps every word of the body, and a second `fix` changes nothing."""
    fixed = fix_text(text, borough)
    again = fix_text(fixed.text, borough)
    assert again.text == fixed.text, ("a second fix changed the text", again.changes)
    assert not again.changes, again.changes
    lost = Counter(_WORD.findall(_body(text))) - Counter(_WORD.findall(fixed.text))
    assert not lost, ("fix lost words", lost)
    return fixed.text


def _body(text: str) -> str:
    """The text after the front-matter (fix may rewrite a date's words in the front-matter)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].lstrip("\ufeff").rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return "\n".join(lines[index + 1:])
    return "\n".join(lines)


@dataclass
class InProcess:
    """One borough's tools for going through everything in process, made once per test."""

    borough: Borough
    renderer: MarkdownRenderer = field(init=False)
    context: OfferPageContext = field(init=False)

    def __post_init__(self) -> None:
        self.renderer = MarkdownRenderer(self.borough.glossary)
        self.context = OfferPageContext(self.borough.name, self.borough.feedback_url,
                                        self.borough.glossary)
        self._everything(WARM_UP)  # templates, question matching: made once, not timed
        ordinary = ordinary_offer(self.borough, ORDINARY_BYTES, TODAY)
        self._ordinary_seconds = min(cpu_seconds(lambda: self._everything(ordinary))
                                     for _ in range(3))

    def everything(self, content: bytes) -> None:
        """Parse, check, render the page, fix twice and check the fixed file: none may raise,
        and all of it in at most MOST_TIMES_ORDINARY times the CPU time of an ordinary offer
        of 64 KB (or of the input's size, when larger). An input over that is timed again
        beside an ordinary offer: a slow input is slow every time, a busy machine is not."""
        took = cpu_seconds(lambda: self._everything(content))
        if took < MOST_TIMES_ORDINARY * self._ordinary_seconds:
            return
        ordinary = ordinary_offer(self.borough, max(ORDINARY_BYTES, len(content)), TODAY)
        times = times_as_long(lambda: self._everything(content),
                              lambda: self._everything(ordinary), MOST_TIMES_ORDINARY)
        assert times < MOST_TIMES_ORDINARY, f"{times:.1f} times an ordinary offer"

    def _everything(self, content: bytes) -> None:
        assert_checks_cleanly(self.borough, content)
        item = examine(self.borough.offers_dir / WORK_SLUG / "offer.md", self.borough, TODAY)
        if item.published is not None:
            page = offer_page(item.published, render_body(item.published, self.renderer), [],
                              self.context)
            assert_page_is_inert(page.html)
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            fixed = assert_fix_is_settled(self.borough, text)
            assert_checks_cleanly(self.borough, fixed.encode("utf-8", "surrogatepass"))


# Through the command ------------------------------------------------------------------------

def run_in_process(folder: Path, *args: str) -> tuple[int, str]:
    """`localoffer ARGS` through its real entry point (cli.main), in this process, with
    click's runner holding its output; an exception that escapes main is a traceback."""
    runner = CliRunner()
    cwd = os.getcwd()
    with runner.isolation() as (out, err, _):
        os.chdir(folder)
        try:
            code = main(list(args))
        finally:
            os.chdir(cwd)
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode("utf-8", "replace") + err.getvalue().decode(
            "utf-8", "replace")


def run_subprocess(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`localoffer ARGS` as a separate process, as a school or CI runs it."""
    return subprocess.run([sys.executable, "-m", "localoffer", *args], cwd=folder,
                          capture_output=True, text=True, timeout=900, encoding="utf-8",
                          errors="replace", env={**os.environ, "PYTHONUNBUFFERED": "1"})


@dataclass
class Batch:
    """Generated offers kept as offers/f<n>/offer.md of a borough, to go through the real
    command together once hypothesis has made them all (one process for thousands)."""

    folder: Path
    texts: dict[bytes, int] = field(default_factory=dict)

    def add(self, content: bytes) -> None:
        if content in self.texts:
            return  # hypothesis drew the same file twice: count it once
        number = self.texts[content] = len(self.texts)
        (self.folder / "offers" / f"f{number}").mkdir(parents=True)
        (self.folder / "offers" / f"f{number}" / "offer.md").write_bytes(content)

    def __contains__(self, content: bytes) -> bool:
        return content in self.texts

    def __len__(self) -> int:
        return len(self.texts)

    def check_through_the_command(self) -> None:
        """`localoffer check` over every offer: a finding or two per file, never a traceback,
        and done within the subprocess's time limit."""
        shutil.rmtree(self.folder / "offers" / WORK_SLUG, ignore_errors=True)
        checked = run_subprocess(self.folder, "check", "--today", TODAY.isoformat())
        assert checked.returncode in (0, 1), checked.stderr[-3000:]
        assert "Traceback" not in checked.stderr + checked.stdout, checked.stderr[-3000:]
        lines = checked.stdout.splitlines()
        assert re.match(rf"Checked {len(self)} offers", lines[-1]), lines[-1]
        strange = [line for line in lines[:-1] if not _FINDING_LINE.match(line)]
        assert strange == [], strange[:5]

    def fix_through_the_command(self) -> None:
        """`localoffer fix` over every offer, then `localoffer fix --check`: nothing left to
        change (a second fix changes nothing), never a traceback."""
        fixed = run_subprocess(self.folder, "fix")
        assert fixed.returncode == 0, fixed.stderr[-3000:]
        assert "Traceback" not in fixed.stderr + fixed.stdout, fixed.stderr[-3000:]
        again = run_subprocess(self.folder, "fix", "--check")
        assert "Traceback" not in again.stderr + again.stdout, again.stderr[-3000:]
        assert again.returncode == 0, again.stdout[-3000:]
