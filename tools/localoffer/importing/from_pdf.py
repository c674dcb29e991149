"""PDF files: the text, with headings where the PDF marks them by a larger or bold font.

pdfplumber (MIT, on pdfminer.six) gives each word with its font and size; lines set larger
than the body text, or wholly in bold and short, are headings (the largest size first).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from localoffer.errors import LocalOfferError
from localoffer.importing.document import Report

_BULLET = re.compile(r"^\s*[•●▪◦·\-–*]\s+")


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    top: float
    bottom: float
    page: int


def read_pdf(path: Path, data: bytes) -> Report:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.startswith(b"%PDF"):
        raise LocalOfferError("This is not a PDF file that can be read.", str(path))
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines = [line for number, page in enumerate(pdf.pages) for line in _lines(page, number)]
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError, TypeError) as error:
        raise LocalOfferError(f"This PDF could not be read ({type(error).__name__}). Save the "
                              "report as a Word document or web page instead.", str(path)) from None
    return Report(path, "PDF", _markdown(lines))


def _lines(page, number: int) -> list[_Line]:  # noqa: ANN001 - a pdfplumber page
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False,
                               use_text_flow=True)
    lines: list[_Line] = []
    for word in words:
        bold = "bold" in word["fontname"].lower() or "black" in word["fontname"].lower()
        last = lines[-1] if lines else None
        if last and abs(word["top"] - last.top) < 2 and last.page == number:
            last.text += " " + word["text"]
            last.bold = last.bold and bold
            last.size = max(last.size, word["size"])
        else:
            lines.append(_Line(word["text"], round(word["size"], 1), bold, word["top"],
                               word["bottom"], number))
    return lines


def _markdown(lines: list[_Line]) -> str:
    if not lines:
        return ""
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0]
    heading_sizes = sorted({line.size for line in lines if line.size >= body * 1.12},
                           reverse=True)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        level = _heading_level(line, body, heading_sizes)
        text = line.text.strip()
        gap = (line.top - previous.bottom) if previous and previous.page == line.page else 99
        heading = "#" * level + " "
        if level and previous and out and out[-1].startswith(heading) and gap < line.size:
            out[-1] += " " + text   # a heading that runs onto the next line
        elif level:
            out += [heading + text]
        elif _BULLET.match(text):
            out.append("- " + _BULLET.sub("", text))
        elif out and out[-1] and not out[-1].startswith(("#", "- ")) and gap < line.size * 0.8:
            out[-1] += " " + text   # the same paragraph, on the next line
        elif out and out[-1].startswith("- ") and gap < line.size * 0.5:
            out[-1] += " " + text   # a list item that runs onto the next line
        else:
            out.append(text)
        previous = line
    markdown = "\n\n".join(part for part in out if part)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _heading_level(line: _Line, body: float, heading_sizes: list[float]) -> int:
    text = line.text.strip()
    if line.size in heading_sizes and len(text.split()) <= 25:
        return min(heading_sizes.index(line.size) + 1, 5)
    if line.bold and len(text.split()) <= 15 and not text.endswith((".", ",", ";")):
        return min(len(heading_sizes) + 1, 6)
    return 0
