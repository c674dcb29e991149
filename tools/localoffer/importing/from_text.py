"""Markdown and plain text. Markdown is read as it is; in plain text, a line on its own that
asks a question, is in capitals, or is a short title is taken as a heading, and lines that
start with a bullet become a list."""
from __future__ import annotations

import re
from pathlib import Path

from localoffer.importing.document import Report, decode

_BULLET = re.compile(r"^\s*[•●▪◦·*\-–]\s*")
_NUMBERED_QUESTION = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?[.):]?\s+\S.*\?\s*$", re.I)
_MARKDOWN_START = re.compile(r"^(\s*)([#>+|<=`~]|\d+[.)](?=\s))")


def read_text(path: Path, data: bytes) -> Report:
    text = decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in (".md", ".markdown"):
        return Report(path, "Markdown file", _without_front_matter(text).strip() + "\n")
    return Report(path, "text file", text_to_markdown(text))


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4:]
    return text


def text_to_markdown(text: str) -> str:
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
        alone = len(lines) == 1
        pending: list[str] = []
        for line in lines:
            if _is_heading(line, alone):
                if pending:
                    blocks.append("\n".join(pending))
                    pending = []
                blocks.append("## " + _escape(line.strip(), heading=True))
            elif _BULLET.match(line) and _BULLET.sub("", line):
                pending.append("- " + _escape(_BULLET.sub("", line).strip()))
            else:
                if pending and pending[-1].startswith("- "):
                    blocks.append("\n".join(pending))
                    pending = []
                pending.append(_escape(line.strip()))
        if pending:
            blocks.append("\n".join(pending))
    return "\n\n".join(blocks) + "\n"


def _is_heading(line: str, alone: bool) -> bool:
    text = line.strip()
    words = text.split()
    if not words or _BULLET.match(line) or len(words) > 30:
        return False
    if text.endswith("?"):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and text.upper() == text and len(words) <= 15:
        return True
    # A short line on its own that does not end a sentence: a title ("Admissions").
    return (alone and len(words) <= 10 and text[0].isupper()
            and not text.endswith((".", ",", ";", ":")) and not _NUMBERED_QUESTION.match(text)
            and not re.search(r"\d{3,}", text))


def _escape(line: str, heading: bool = False) -> str:
    """Plain text that Markdown would otherwise read as markup."""
    line = line.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    line = line.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
    if heading:
        return line
    return _MARKDOWN_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)
