"""A report read from a file: its text as Markdown, and the images it holds."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from localoffer.errors import LocalOfferError

# File endings we read, and what to call them in messages.
KINDS = {".html": "web page", ".htm": "web page", ".docx": "Word document",
         ".md": "Markdown file", ".markdown": "Markdown file", ".txt": "text file",
         ".pdf": "PDF"}


@dataclass(frozen=True)
class ImportedImage:
    """An image found in the report: its bytes (None where it could not be had), the name to
    save it under in the offer's folder, and its alt text ('' when the report gives none)."""

    name: str
    data: bytes | None
    alt: str
    source: str = ""


@dataclass
class Report:
    """A report as Markdown, with what a reader noticed that the user should check."""

    path: Path
    kind: str
    markdown: str
    images: list[ImportedImage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The web address the page was saved from, where the page says so.
    address: str = ""


def decode(path: Path, data: bytes) -> str:
    """Text from a file in UTF-8 (with or without a byte order mark) or Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LocalOfferError("The report's text could not be read: save it as UTF-8.", str(path))
