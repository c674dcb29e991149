"""Reading a report of any kind: the reader for its file type (from_html, from_docx, from_pdf,
from_text), each turning the file into a Report (document.py). Its own module so that the
readers and the Report they make do not import each other."""
from __future__ import annotations

from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.importing.document import KINDS, Report


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
