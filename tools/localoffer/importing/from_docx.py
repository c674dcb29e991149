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

_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
"""
_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
               "image/bmp": ".bmp", "image/svg+xml": ".svg", "image/webp": ".webp"}


def read_docx(path: Path, data: bytes) -> Report:
    import mammoth

    images: list[ImportedImage] = []

    def save(image: Any) -> dict[str, str]:
        name = f"image-{len(images) + 1}{_EXTENSIONS.get(image.content_type, '.png')}"
        with image.open() as stream:
            images.append(ImportedImage(name, stream.read(), " ".join((image.alt_text or "").split())))
        return {"src": f"images/{name}"}

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LocalOfferError("This is not a Word document that can be read (.docx). If it is an "
                              "older .doc file, open it in Word and save it as .docx.", str(path))
    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=_STYLE_MAP,
                                         convert_image=mammoth.images.img_element(save))
    except (KeyError, ValueError, zipfile.BadZipFile):
        raise LocalOfferError("This Word document could not be read. Open it in Word and save "
                              "it again as .docx.", str(path)) from None
    report = Report(path, "Word document", "", images)
    report.markdown = html_to_markdown(result.value)
    return report
