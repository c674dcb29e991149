"""A PDF booklet for each language (localoffer pdf --language), drawn with fonts that have
Urdu, Arabic and Bengali letters: the text read back with pypdf, the fonts the PDF embeds,
and a picture of a page drawn by PDFium, kept in test-artifacts/translations/."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from localoffer.cli import main
from site_helpers import REPO_ROOT, make_borough, translate

# (language, a sentence of the answers, the heading word, the font that must draw it)
LANGUAGES = {
    "ur": ("ہم ہر بچے کی مدد کرتے ہیں۔", "سوال", "NotoNaskhArabic"),
    "ar": ("نحن نساعد كل طفل.", "سؤال", "NotoNaskhArabic"),
    "bn": ("আমরা সব শিশুকে সাহায্য করি।", "প্রশ্ন", "NotoSansBengali"),
    "pl": ("Pomagamy każdemu dziecku.", "Pytanie", "DejaVuSans"),
}
# What pypdf reads back: the whole sentence, but in Bengali the words before "করি", whose
# vowel sign, drawn before its consonant, the PDF's text map gives back as another (the page
# itself shows it right: see the picture test).
READ_BACK = {**{tag: sentence for tag, (sentence, _, _) in LANGUAGES.items()},
             "bn": "আমরা সব শিশুকে সাহায্য"}


@pytest.fixture(scope="module")
def borough(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("translated-pdf")
    make_borough(folder, 1)
    for tag, (answer, heading, _font) in LANGUAGES.items():
        translate(folder, tag, answer, heading, "2026-10-14", "Demo")
    return folder


def make_pdf(borough: Path, tag: str) -> pypdf.PdfReader:
    target = borough / f"booklet-{tag}.pdf"
    assert main(["pdf", "--language", tag, "-o", str(target), "--today", "2026-11-28",
                 "--config", str(borough / "localoffer.yml")]) == 0
    return pypdf.PdfReader(io.BytesIO(target.read_bytes()))


def fonts_of(reader: pypdf.PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.add(re.sub(r"^[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"]).lstrip("/")))
    return found


def where_drawn(reader: pypdf.PdfReader, page_number: int, words: str) -> list[float]:
    """The x of each piece of text on the page that holds `words`."""
    found: list[float] = []

    def visit(text: str, _cm, tm, _font, _size) -> None:  # type: ignore[no-untyped-def]
        if words in text:
            found.append(tm[4])

    reader.pages[page_number].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("tag", list(LANGUAGES))
def test_each_languages_booklet_has_its_words_and_a_font_that_draws_them(borough, tag):
    answer, heading, font = LANGUAGES[tag]
    reader = make_pdf(borough, tag)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert READ_BACK[tag] in text
    assert f"{heading} 1" in text or f"1 {heading}" in text
    assert any(name.replace("-", "").startswith(font) for name in fonts_of(reader)), fonts_of(reader)
    assert reader.metadata is not None


def test_urdu_is_laid_out_from_the_right_and_polish_from_the_left(borough):
    """The short answer sentence is drawn in the right half of an A4 page (595 points wide) in
    Urdu, and at the left margin in Polish."""
    urdu, polish = make_pdf(borough, "ur"), make_pdf(borough, "pl")
    page = next(number for number, each in enumerate(urdu.pages)
                if LANGUAGES["ur"][0] in each.extract_text())
    assert min(where_drawn(urdu, page, "ہم ہر بچے")) > 300
    page = next(number for number, each in enumerate(polish.pages)
                if LANGUAGES["pl"][0] in each.extract_text())
    assert max(where_drawn(polish, page, "Pomagamy")) < 100


@pytest.mark.parametrize("tag", ["ur", "ar", "bn"])
def test_a_picture_of_the_first_answer_page(borough, tag):
    make_pdf(borough, tag)
    document = pypdfium2.PdfDocument(str(borough / f"booklet-{tag}.pdf"))
    image = document[0].render(scale=1).to_pil().convert("L")
    path = REPO_ROOT / "test-artifacts" / "translations" / f"booklet-{tag}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    width, height = image.size
    assert width in (595, 596) and height == 842  # A4 in points
    dark = [x for x in range(width) for y in range(0, height // 3, 2)
            if image.getpixel((x, y)) < 128]
    assert dark, "nothing drawn at the top of the page"
    # The title (right to left for Urdu and Arabic) ends at the right margin.
    if tag in ("ur", "ar"):
        assert max(dark) > width - 80 and min(dark) > 40
