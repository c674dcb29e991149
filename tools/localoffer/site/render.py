"""Offer Markdown to safe HTML, rendered once per offer per build.

markdown-it-py (CommonMark with tables) renders an offer about seven times faster than
Python-Markdown, which matters at thousands of offers; the few Python-Markdown features offers
use are added here: `{#area-id}` after a heading sets its id (as attr_list does), other headings
get ids from their text (as toc does), and the borough's abbreviations are wrapped in <abbr>.
Raw HTML passes through Markdown and is then sanitised (sanitise.py) before anyone sees it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml as escape_text
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from localoffer.site.markup import Markup, escape
from localoffer.site.sanitise import clean_html

# A link to another offer, as writers make them: ../beacon-hill-school/offer.md#admissions
_OFFER_LINK = re.compile(r"^(?P<path>(?:\.\./)?(?:[a-z0-9-]+/)?)offer\.md(?P<anchor>#.*)?$")
# Starts at its brace, so a long run of spaces is not tried once per space.
_HEADING_ATTRIBUTES = re.compile(r"\{:?\s*([^{}]*)\}\s*$")
_ID = re.compile(r"#([A-Za-z][\w-]*)")
_OPEN_BRACKETS = re.compile(r"\[+")
_NOT_SLUG = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[-\s]+")
TOC_LEVELS = (2, 3)


@dataclass
class Rendered:
    html: Markup  # sanitised
    # Headings as Python-Markdown's toc tokens: {level, id, name (escaped text), children}.
    toc: list[dict[str, Any]] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    # The same HTML prepared for printable booklets (booklet.prepare), made where it is rendered.
    booklet_html: Markup = Markup("")


def slugify(text: str) -> str:
    """Heading text as an id, the way Python-Markdown's toc extension makes them."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SPACES.sub("-", _NOT_SLUG.sub("", text).strip().lower())


class MarkdownRenderer:
    def __init__(self, glossary: dict[str, str]) -> None:
        self.glossary = dict(glossary)
        self._markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
        self._markdown.inline.ruler.before("link", "localofferunclosed_bracket",
                                           unclosed_bracket)
        self._markdown.core.ruler.push("localoffer_headings", _heading_ids)
        self._markdown.core.ruler.push("localoffer_links", _offer_links)
        self._markdown.add_render_rule(  # called as a method of markdown-it's renderer
            "text", lambda _renderer, tokens, index, options, env: self._text(tokens, index, options, env))
        self._terms = _glossary_pattern(self.glossary)

    def render(self, text: str, depth: int = 0) -> Rendered:
        """`depth`: how many folders below the English offer's page the page is (a translation
        at settings/<slug>/<lang>/ is 1), so that links to offers reach their pages."""
        env: dict[str, Any] = {"abbreviations": {}, "offer_link_prefix": "../" * depth}
        html = self._markdown.render(text, env)
        return Rendered(clean_html(html), _nest(env.get("headings", [])), env["abbreviations"])

    def _text(self, tokens: list[Token], index: int, _options: Any, env: dict[str, Any]) -> str:
        """Plain text, with the borough's abbreviations wrapped in <abbr> (never in code)."""
        text = escape_text(tokens[index].content)
        if self._terms is None:
            return text
        used = env.setdefault("abbreviations", {})

        def wrap(match: re.Match[str]) -> str:
            term = match.group(1)
            used[term] = self.glossary[term]
            return f'<abbr title="{escape(self.glossary[term])}">{term}</abbr>'

        return self._terms.sub(wrap, text)


def _glossary_pattern(glossary: dict[str, str]) -> re.Pattern[str] | None:
    """Any of the terms, as a whole word (longest first). Each term's first character comes
    before the check of the character ahead of it, so that every branch starts with a literal
    character, which lets the search skip quickly over text that cannot match."""
    terms = sorted((term for term in glossary if term), key=len, reverse=True)
    if not terms:
        return None
    branches = (re.escape(term[0]) + r"(?<![\w&#-].)" + re.escape(term[1:]) for term in terms)
    return re.compile("(" + "|".join(branches) + r")(?![\w-])")


def _heading_ids(state: StateCore) -> None:
    """`## Question {#area-id}` sets the heading's id; other headings get one from their text."""
    seen: set[str] = set()
    headings = state.env.setdefault("headings", [])
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        anchor = None
        match = _HEADING_ATTRIBUTES.search(inline.content) if "{" in inline.content else None
        if match:
            found = _ID.search(match.group(1))
            anchor = found.group(1) if found else None
            _strip_attributes(inline)
        text = "".join(child.content for child in inline.children or []
                       if child.type in ("text", "code_inline"))
        anchor = _unique(anchor or slugify(text) or "section", seen)
        token.attrSet("id", anchor)
        level = int(token.tag[1])
        if level in TOC_LEVELS:
            headings.append({"level": level, "id": anchor, "name": escape(text.strip()),
                             "children": []})


def _strip_attributes(inline: Token) -> None:
    inline.content = _without_attributes(inline.content)
    for child in reversed(inline.children or []):
        if child.type == "text":
            child.content = _without_attributes(child.content)
            break


def _without_attributes(text: str) -> str:
    match = _HEADING_ATTRIBUTES.search(text) if "{" in text else None
    return text[:match.start()].rstrip() if match else text


def _unique(anchor: str, seen: set[str]) -> str:
    candidate, number = anchor, 1
    while candidate in seen:
        candidate = f"{anchor}-{number}"
        number += 1
    seen.add(candidate)
    return candidate


def unclosed_bracket(state: StateInline, silent: bool) -> bool:
    """A `[` (or `![`) followed by too few `]` opens no link or image: it is text, as
    markdown-it would find, but without its link rules, which cost about 10 microseconds a
    bracket (0.65 s for a 60 kB run of them, found by fuzzing).

    Too few: each `[` of the run of them this one starts needs its own `]` after the run,
    whether it is text or opens a link itself (a link's `]` is its own). The same HTML as
    markdown-it's up to its limit of 20 nested brackets (tests/site/test_render_brackets.py);
    past it, where markdown-it gives up depends on the path its rules took, so the two can
    differ there."""
    src = state.src
    bracket = state.pos + 1 if src[state.pos] == "!" else state.pos
    if bracket >= state.posMax or src[bracket] != "[":
        return False
    brackets = getattr(state, "localoffer_brackets", None)
    if brackets is None:  # made once for each run of inline text: src never changes
        brackets = _Brackets([index for index, char in enumerate(src) if char == "]"])
        state.localoffer_brackets = brackets  # type: ignore[attr-defined]
    run_end = min(brackets.run_end(src, bracket), state.posMax)
    closers = (bisect.bisect_left(brackets.closers, state.posMax)
               - bisect.bisect_left(brackets.closers, run_end))
    if closers >= run_end - bracket:
        return False
    if not silent:
        state.pending += src[state.pos:bracket + 1]
    state.pos = bracket + 1
    return True


@dataclass
class _Brackets:
    """Where the `]` of a run of inline text are, and the run of `[` last measured."""

    closers: list[int]
    run: tuple[int, int] = (0, 0)

    def run_end(self, src: str, start: int) -> int:
        """Where the run of `[` around `start` ends: measured once a run, as the tokenizer
        and its look-aheads meet its brackets from left to right."""
        first, end = self.run
        if not first <= start < end:
            end = _OPEN_BRACKETS.match(src, start).end()  # type: ignore[union-attr]
            self.run = (start, end)
        return end


def _offer_links(state: StateCore) -> None:
    """Links between offers point at their pages, not their files."""
    for token in state.tokens:
        for child in token.children or []:
            if child.type == "link_open":
                match = _OFFER_LINK.match(str(child.attrGet("href") or ""))
                if match:
                    child.attrSet("href", state.env.get("offer_link_prefix", "")
                                  + (match.group("path") or "./") + (match.group("anchor") or ""))


def _nest(headings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat headings as the nested toc tokens a theme expects (h3 under the h2 before it)."""
    nested: list[dict[str, Any]] = []
    for heading in headings:
        if heading["level"] > TOC_LEVELS[0] and nested:
            nested[-1]["children"].append(heading)
        else:
            nested.append(heading)
    return nested
