"""One setting's offer, parsed once: front-matter with line numbers, and answers mapped to areas.

The checks, the site, the reports and the exports all read offers through `load_offer`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from localoffer.model.document import (
    MarkdownDocument,
    body_lines,
    read_front_matter,
)
from localoffer.model.document import display_path as document_display_path
from localoffer.model.files import (
    OFFER_FILE,
    UnsafeFile,
    layout_problem,
    read_regular_file,
    too_large,
)
from localoffer.model.finding import Finding, Severity
from localoffer.model.frontmatter import FrontMatter, as_date
from localoffer.model.markdown import (
    content_lines,
    strip_html_comments,
)
from localoffer.text.readability import TextStats, count_words, text_stats

if TYPE_CHECKING:
    from localoffer.borough import Borough, Question, QuestionSet



# More answers than any offer has (the question sets ask 18 to 25 questions): each heading is
# compared with every wording of every question, so a file of 100,000 headings would take
# minutes to check. The rest are read as text of the last answer.
MAX_SECTIONS = 100


@dataclass
class Section:
    """An answer: a level-2 heading and everything under it up to the next one."""

    heading: str
    line: int
    lines: list[str]
    anchor: str | None = None
    question: Question | None = None
    area: str | None = None

    @property
    def body_start(self) -> int:
        return self.line + 1

    @cached_property
    def text(self) -> str:
        """The answer as written, without HTML comments (the template's guidance)."""
        return strip_html_comments("\n".join(self.lines))

    @cached_property
    def stats(self) -> TextStats:
        """Words, sentences and syllables, for the word count and the reading ease."""
        return text_stats(self.text)

    @cached_property
    def word_count(self) -> int:
        found = self.__dict__.get("stats")
        return found.words if found is not None else count_words(self.text)

    @property
    def areas(self) -> tuple[str, ...]:
        if self.question is not None and self.area == self.question.area:
            return self.question.areas
        return (self.area,) if self.area else ()

    def numbered_lines(self) -> list[tuple[int, str]]:
        return list(content_lines(self.lines, self.body_start))


@dataclass
class Offer(MarkdownDocument):
    path: Path
    display_path: str
    slug: str
    text: str = ""
    front_matter: FrontMatter | None = None
    body_start: int = 1
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)

    @property
    def name(self) -> str:
        value = self.get("name")
        return value.strip() if isinstance(value, str) and value.strip() else self.slug

    @property
    def setting_type(self) -> str | None:
        value = self.get("type")
        return value if isinstance(value, str) else None

    @property
    def status(self) -> str:
        value = self.get("status")
        return value if isinstance(value, str) else "draft"

    @property
    def is_draft(self) -> bool:
        return self.status != "published"

    @property
    def question_set_id(self) -> str | None:
        value = self.get("question_set")
        return value if isinstance(value, str) else None

    @property
    def last_reviewed(self) -> date | None:
        return as_date(self.get("last_reviewed"))

    @property
    def next_review(self) -> date | None:
        return as_date(self.get("next_review"))

    @property
    def maintainers(self) -> list[str]:
        value = self.get("maintainers")
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    @cached_property
    def intro_text(self) -> str:
        return strip_html_comments("\n".join(self.intro))

    @cached_property
    def answered(self) -> tuple[tuple[tuple[str, ...], int], ...]:
        """The areas and number of words of each answer that has words and an area: all the
        dashboard needs of an offer's answers (so a light offer, light_offer.py, keeps it)."""
        return tuple((section.areas, section.word_count) for section in self.sections
                     if section.areas and section.text.strip())

    @property
    def areas_covered(self) -> set[str]:
        return {area for areas, _ in self.answered for area in areas}


def offer_slug(path: Path) -> str:
    """The setting's folder name, for its offer.md and for its translations (offer.ur.md)."""
    if path.name == OFFER_FILE or (path.name.startswith("offer.") and path.name.endswith(".md")):
        return path.parent.name
    return path.stem


def load_offer(path: Path, borough: Borough, display_path: str | None = None) -> Offer:
    """Read and parse one offer file. Problems reading it become findings, never exceptions."""
    shown = display_path or document_display_path(path, borough.root)
    offer = Offer(path=path, display_path=shown, slug=offer_slug(path))
    try:
        unsafe = layout_problem(path, borough.offers_dir)
        if unsafe is not None:
            raise unsafe
        content = read_regular_file(path, borough.max_file_bytes)
    except UnsafeFile as unsafe:
        offer.problems.append(_problem(offer, 1, unsafe.rule, unsafe.message))
        return offer
    except OSError as error:
        offer.problems.append(_problem(offer, 1, "file/encoding",
                                       f"This file could not be read ({error.strerror})."))
        return offer
    return parse_offer(content, borough, offer)


def offer_from_text(content: bytes, path: Path, borough: Borough) -> Offer:
    """The offer `path` would be if it held `content` (the web editor's text, before it is
    saved), parsed as load_offer parses a file, within the same size limit. Nothing is read
    or written."""
    offer = Offer(path=path, display_path=document_display_path(path, borough.root),
                  slug=offer_slug(path))
    if len(content) > borough.max_file_bytes:
        offer.problems.append(_problem(offer, 1, "file/too-large",
                                       too_large(len(content), borough.max_file_bytes)))
        return offer
    return parse_offer(content, borough, offer)


def parse_offer(content: bytes, borough: Borough, offer: Offer) -> Offer:
    if read_front_matter(offer, content, "Start from a template: run 'localoffer new'."):
        _split_sections(offer, borough)
    return offer


def _split_sections(offer: Offer, borough: Borough) -> None:
    question_set = question_set_of(offer, borough)
    current: Section | None = None
    too_many = False
    for number, line, heading in body_lines(offer):
        if heading is not None and heading.level == 2 and len(offer.sections) == MAX_SECTIONS:
            if not too_many:
                offer.problems.append(_too_many_sections(offer, number))
                too_many = True
            heading = None  # read as part of the last answer
        if heading is not None and heading.level == 2:
            current = Section(heading.text, number, [], anchor=heading.anchor)
            _map_to_area(current, question_set, borough)
            offer.sections.append(current)
        elif current is None:
            offer.intro.append(line)
        else:
            current.lines.append(line)


def _too_many_sections(offer: Offer, line: int) -> Finding:
    return _problem(offer, line, "file/too-many-sections",
                    f"This offer has more than {MAX_SECTIONS} answers (## headings), far more "
                    "than the questions it answers: only the first "
                    f"{MAX_SECTIONS} are read as answers, and this heading and every later "
                    "one are read as part of the last. Put each answer under its question's "
                    "heading, and the parts of an answer under ### headings.")


def question_set_of(offer: Offer, borough: Borough) -> QuestionSet | None:
    """The question set the offer's headings follow: its own `question_set`, or else the
    usual set for its type of setting (question_set is optional)."""
    chosen = borough.question_sets.get(offer.question_set_id or "")
    if chosen is None and offer.setting_type in borough.setting_types:
        chosen = borough.question_sets.get(borough.setting_types[offer.setting_type].question_set)
    return chosen


def _map_to_area(section: Section, question_set: Any, borough: Borough) -> None:
    if question_set is not None:
        section.question = question_set.match(section.heading)
    if section.anchor and section.anchor in borough.areas:
        section.area = section.anchor
    elif section.question is not None:
        section.area = section.question.area


def _problem(offer: Offer, line: int, rule: str, message: str) -> Finding:
    return Finding(offer.display_path, line, rule, Severity.ERROR, message)
