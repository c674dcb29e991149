"""Word documents (.docx): mammoth (BSD-2) turns the document's structure into HTML, headings
by their Word style, lists, tables, links and images with their alt text; that HTML is then
written as Markdown the same way as a web page's."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from localoffer.errors import LocalOfferError
from localoffer.importing.document import ImportedImage, Report
from localoffer.importing.from_html import html_to_markdown
from localoffer.importing.pictures import publishable

_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
"""
_SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
             "image/bmp": ".bmp", "image/tiff": ".tiff", "image/svg+xml": ".svg",
             "image/webp": ".webp", "image/x-emf": ".emf", "image/x-wmf": ".wmf"}


def read_docx(path: Path, data: bytes) -> Report:
    import mammoth

    images: list[ImportedImage] = []
    notes: list[str] = []

    def save(image: Any) -> dict[str, str]:
        with image.open() as stream:
            picture = publishable(len(images) + 1, _SUFFIXES.get(image.content_type, ""),
                                  stream.read())
        images.append(ImportedImage(picture.name, picture.data,
                                    " ".join((image.alt_text or "").split())))
        if picture.note:
            notes.append(picture.note)
        return {"src": f"images/{picture.name}"}

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LocalOfferError("This is not a Word document that can be read (.docx). If it is an "
                              "older .doc file, open it in Word and save it as .docx.", str(path))
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP,
                                         convert_image=mammoth.images.img_element(save))
    except (KeyError, ValueError, zipfile.BadZipFile):
        raise LocalOfferError("This Word document could not be read. Open it in Word and save "
                              "it again as .docx.", str(path)) from None
    report = Report(path, "Word document", "", images, notes)
    report.markdown = html_to_markdown(result.value)
    return report
