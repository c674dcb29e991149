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


def read_report(path: Path) -> Report:
    """Read a report of any kind we know; raise LocalOfferError (exit 2) if we cannot."""
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise LocalOfferError(f"localoffer import cannot read '{path.suffix or path.name}' files. "
                              f"Save the report as one of: {known}.", str(path))
    if path.is_symlink() or not path.is_file():
        raise LocalOfferError("There is no report file here. Check the name and folder.",
                              str(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LocalOfferError(f"The report could not be read ({error.strerror}).", str(path)) \
            from None
    if not data.strip():
        raise LocalOfferError("The report is empty: there is nothing to import.", str(path))
    try:
        reader = _reader(suffix)
    except ModuleNotFoundError as error:
        raise LocalOfferError(f"Reading a {KINDS[suffix]} needs the 'import' extra, which is not "
                              f"installed ({error.name} is missing). Install it with: "
                              "python3 -m pip install 'localoffer[import]'", str(path)) from None
    report = reader(path, data)
    if not report.markdown.strip():
        raise LocalOfferError(f"No text was found in this {KINDS[suffix]}. If it is a scan, "
                              "save the report as a Word document or web page instead.",
                              str(path))
    return report


def _reader(suffix: str):  # noqa: ANN202 - one of the from_* functions below
    if suffix in (".html", ".htm"):
        from localoffer.importing.from_html import read_html
        return read_html
    if suffix == ".docx":
        from localoffer.importing.from_docx import read_docx
        return read_docx
    if suffix == ".pdf":
        from localoffer.importing.from_pdf import read_pdf
        return read_pdf
    from localoffer.importing.from_text import read_text
    return read_text


def decode(path: Path, data: bytes) -> str:
    """Text from a file in UTF-8 (with or without a byte order mark) or Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LocalOfferError("The report's text could not be read: save it as UTF-8.", str(path))
