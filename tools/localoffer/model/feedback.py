"""One "You said, we did" item, parsed once: what people told the local authority about its
Local Offer and what it did about it (SEND Regulations 2014, regulation 56).

An item is `feedback/<name>.md`: front-matter (model/feedback_schema.py says what each key
holds) and two answers, `## You said` and `## We did`. The checks, the site and the report all
read items through `load_feedback`. Files are read as offers are (model/files.py): ordinary
files only, never through a symbolic link, never above the size limit.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from localoffer.model.document import MarkdownDocument, body_lines, read_front_matter
from localoffer.model.document import display_path as document_display_path
from localoffer.model.files import UnsafeFile, is_safe_slug, ordinary_files, read_regular_file
from localoffer.model.finding import Finding, Severity
from localoffer.model.frontmatter import FrontMatter, as_date
from localoffer.model.markdown import (
    strip_html_comments,
)

if TYPE_CHECKING:
    from localoffer.borough import Borough

FEEDBACK_FOLDER = "feedback"
# What `about:` says when an item is about the Local Offer as a whole, not one setting.
WHOLE_LOCAL_OFFER = "local-offer"
# Each status, as a reader sees it. Open and in progress are "not done yet" in the report.
STATUSES: dict[str, str] = {"open": "Open", "in-progress": "In progress", "done": "Done"}
YOU_SAID, WE_DID = "You said", "We did"
ANSWERS = (YOU_SAID, WE_DID)
_NOT_ITEMS = frozenset({"readme.md"})  # a note for the editors, not an item
_NOT_WORD = re.compile(r"[^a-z ]+")


@dataclass
class Answer:
    """`## You said` or `## We did`, and the lines under it."""

    heading: str
    line: int
    lines: list[str] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        """The answer as written, without HTML comments (the template's guidance)."""
        return strip_html_comments("\n".join(self.lines))

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass
class FeedbackItem(MarkdownDocument):
    path: Path
    display_path: str
    name: str  # the file's name without .md: the item's id on the site
    text: str = ""
    front_matter: FrontMatter | None = None
    body_start: int = 1
    answers: dict[str, Answer] = field(default_factory=dict)  # by heading, ANSWERS only
    other_headings: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)

    @property
    def title(self) -> str:
        value = self.get("title")
        return value.strip() if isinstance(value, str) and value.strip() else self.name

    @property
    def received(self) -> date | None:
        return as_date(self.get("received"))

    @property
    def done_on(self) -> date | None:
        return as_date(self.get("done_on"))

    @property
    def theme(self) -> str:
        value = self.get("theme")
        return value if isinstance(value, str) else ""

    @property
    def about(self) -> str:
        """A setting's folder name in offers/, or WHOLE_LOCAL_OFFER."""
        value = self.get("about")
        return value.strip() if isinstance(value, str) else ""

    @property
    def about_a_setting(self) -> bool:
        return bool(self.about) and self.about != WHOLE_LOCAL_OFFER

    @property
    def status(self) -> str:
        value = self.get("status")
        return value if isinstance(value, str) and value in STATUSES else ""

    @property
    def is_done(self) -> bool:
        return self.status == "done"

    def days_waiting(self, today: date) -> int | None:
        """Days since the comments were received, for an item not done yet."""
        if self.is_done or self.received is None:
            return None
        return max(0, (today - self.received).days)

    def answer(self, heading: str) -> Answer | None:
        return self.answers.get(heading)


def feedback_files(folder: Path) -> list[Path]:
    """Every ordinary .md file under `folder` (links not followed; README.md left out), sorted."""
    return ordinary_files(folder, lambda name: name.endswith(".md")
                          and not is_editors_note(Path(name)))


def is_editors_note(path: Path) -> bool:
    """feedback/README.md and the like: notes for the editors, not items."""
    return path.name.casefold() in _NOT_ITEMS


def is_feedback_path(path: Path, borough: Borough) -> bool:
    """True when `path` is the borough's feedback/ folder or inside it."""
    folder = Path(os.path.abspath(borough.feedback_dir))
    here = Path(os.path.abspath(path))
    return here == folder or folder in here.parents


def load_feedback(borough: Borough) -> list[FeedbackItem]:
    """Every item in the borough's feedback/ folder, parsed (problems kept as findings)."""
    return [load_feedback_item(path, borough) for path in feedback_files(borough.feedback_dir)]


def load_feedback_item(path: Path, borough: Borough) -> FeedbackItem:
    """Read and parse one item. Problems reading it become findings, never exceptions."""
    item = FeedbackItem(path=path, display_path=document_display_path(path, borough.root),
                        name=path.name.removesuffix(".md"))
    if not is_safe_slug(item.name):
        item.problems.append(_problem(item, 1, "file/folder-name", (
            f"The file name '{path.name}' may use only small letters a to z, digits and single "
            "hyphens before .md (for example 2026-03-travel-forms.md): it becomes the item's "
            "address on the website. Rename the file.")))
        return item
    try:
        content = read_regular_file(path, borough.max_file_bytes)
    except UnsafeFile as unsafe:
        item.problems.append(_problem(item, 1, unsafe.rule, unsafe.message))
        return item
    except OSError as error:
        item.problems.append(_problem(item, 1, "file/encoding",
                                      f"This file could not be read ({error.strerror})."))
        return item
    return parse_feedback(content, item)


def parse_feedback(content: bytes, item: FeedbackItem) -> FeedbackItem:
    if read_front_matter(item, content, "Copy an item from the guide for 'You said, we did' "
                         "and fill it in."):
        _split_answers(item)
    return item


def answer_heading(text: str) -> str | None:
    """'You said' or 'We did' for a heading that means one of them, whatever its case."""
    words = " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
    return next((heading for heading in ANSWERS if words == heading.casefold()), None)


def _split_answers(item: FeedbackItem) -> None:
    current: Answer | None = None
    for number, line, heading in body_lines(item):
        if heading is not None and heading.level <= 2:
            known = answer_heading(heading.text)
            if known is not None and known not in item.answers:
                current = item.answers[known] = Answer(known, number)
                continue
            item.other_headings.append((number, heading.text))
            current = None
        elif current is not None:
            current.lines.append(line)


def _problem(item: FeedbackItem, line: int, rule: str, message: str) -> Finding:
    return Finding(item.display_path, line, rule, Severity.ERROR, message)
