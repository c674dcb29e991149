"""`localoffer import`: its files, its refusals and its safety, on documents made here."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from localoffer.cli import main
from localoffer.model.offer_folder import folder_file_problem

PAGE = """<!DOCTYPE html><html><head><title>SEND</title>
<link rel="canonical" href="https://www.oak.example/send/report"></head><body>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main>
<h1>Oakfield Primary School SEND Information Report</h1>
<p>Reviewed in October 2023. Our SENCO is Mrs Asha Patel (senco@oak.example, 0161 496 0541).
Oakfield Primary School, 12 Oak Lane, Hollins CK4 2QT. URN 113562. Telephone 0161 496 0540.</p>
<h2>Who is the SENDCo?</h2>
<p>Read our <a href="/policies/send.pdf">SEND policy</a> and the
<a href="https://www.example.gov.uk/localoffer">Local Offer</a>.</p>
<h2>WHAT TYPES OF SEND ARE PROVIDED FOR?</h2>
<ul><li>Autism</li><li>Dyslexia</li></ul>
<table><tr><th>Need</th><th>Pupils</th></tr><tr><td>Speech</td><td>12</td></tr></table>
<h2>Our school garden</h2><p>Everyone grows tomatoes.</p>
<h2>Who decides if a child has special needs?</h2><p>We decide together with you.</p>
</main>
<footer>Copyright 2024 Oakfield. Sitemap</footer></body></html>
"""


def _run(borough_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["import", *args, "--config", str(borough_dir / "localoffer.yml")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _offer(borough_dir: Path, slug: str) -> str:
    return (borough_dir / "offers" / slug / "offer.md").read_text(encoding="utf-8")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_web_page_keeps_links_lists_tables_and_its_details(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], page: Path) -> None:
    code, out = _run(borough_dir, capsys, str(page), "--type", "primary")
    assert code == 0, out
    offer = _offer(borough_dir, "oakfield-primary-school")
    front = offer.split("\n---\n", 1)[0]
    assert "name: Oakfield Primary School\n" in front
    assert "urn: \"113562\"" in front or "urn: '113562'" in front
    assert "postcode: CK4 2QT\n" in front
    assert "address: 12 Oak Lane, Hollins\n" in front
    assert "phone: 0161 496 0540\n" in front
    assert "  name: Mrs Asha Patel\n  email: senco@oak.example\n  phone: 0161 496 0541" in front
    assert "last_reviewed: 2023-10-01  # The report says \"Reviewed in October 2023\"." in front
    assert "\nnext_review:  # " in front
    # Links stay links, made whole from the page's own address; lists and tables stay.
    assert "[SEND policy](https://www.oak.example/policies/send.pdf)" in offer
    assert "[Local Offer](https://www.example.gov.uk/localoffer)" in offer
    assert "- Autism\n- Dyslexia" in offer
    assert "| Need | Pupils |" in offer and "| Speech | 12 |" in offer
    # Headings as settings write them, under the question; the rest under Other information.
    assert "## Who can I contact for further information?\n\n### Who is the SENDCo?\n" in offer
    assert ("## Which kinds of special educational needs do you provide for?\n\n"
            "### WHAT TYPES OF SEND ARE PROVIDED FOR?\n") in offer
    assert offer.rstrip().endswith("## Other information\n\n### Our school garden\n\n"
                                   "Everyone grows tomatoes.")
    assert "cookies" not in offer and "Sitemap" not in offer and "News" not in offer


def test_two_sections_answering_one_question_both_go_under_it_in_order(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "report.md"
    source.write_text("# Ash Nursery\n\n## How will staff support my child?\n\nFirst part.\n\n"
                      "## Admissions\n\nAsk us.\n\n## Who will support my child?\n\nSecond part.\n",
                      encoding="utf-8")
    assert _run(borough_dir, capsys, str(source), "--type", "early-years")[0] == 0
    offer = _offer(borough_dir, "ash-nursery")
    assert ("## How will staff support my child?\n\nFirst part.\n\n"
            "### Who will support my child?\n\nSecond part.\n") in offer


def test_dry_run_prints_the_mapping_and_writes_nothing(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], page: Path) -> None:
    code, out = _run(borough_dir, capsys, str(page), "--type", "primary", "--dry-run")
    assert code == 0
    assert ("'WHAT TYPES OF SEND ARE PROVIDED FOR?'\n      -> 'Which kinds of special educational "
            "needs do you provide for?' (sure, 100/100)") in out
    assert "'Our school garden'\n      -> 'Other information' (it answers no question)" in out
    assert "Dry run: nothing was written." in out
    assert not any((borough_dir / "offers").iterdir())


def test_an_existing_offer_is_kept_without_force(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], page: Path) -> None:
    target = borough_dir / "offers" / "oak" / "offer.md"
    target.parent.mkdir()
    target.write_text("mine\n", encoding="utf-8")
    code, out = _run(borough_dir, capsys, str(page), "--type", "primary", "--slug", "oak")
    assert code == 2 and "already exists" in out and "--force" in out
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert _run(borough_dir, capsys, str(page), "--type", "primary", "--slug", "oak",
                "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("---\nname: Oakfield Primary School\n")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.rtf", b"{\\rtf1 hello}", "cannot read '.rtf' files"),
    ("report.html", b"   \n", "The report is empty"),
    ("report.txt", b"", "The report is empty"),
    ("report.docx", b"not a zip at all", "not a Word document that can be read"),
    ("report.pdf", b"%PDF-1.4 broken", "could not be read"),
    ("report.pdf", b"hello", "not a PDF file"),
    ("report.html", b"<html><body><nav>Home</nav></body></html>", "No text was found"),
])
def test_unreadable_empty_or_unsupported_input_exits_2_with_a_plain_message(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
        content: bytes, message: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary", "--name", "Oak")
    assert code == 2
    assert message in out and "Traceback" not in out
    assert not any((borough_dir / "offers").iterdir())


def test_a_missing_file_a_bad_type_or_no_name_exits_2(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = _run(borough_dir, capsys, str(tmp_path / "nope.html"), "--type", "primary")
    assert code == 2 and "There is no report file here" in out
    source = tmp_path / "r.txt"
    source.write_text("Admissions\n\nWe welcome everyone.\n", encoding="utf-8")
    code, out = _run(borough_dir, capsys, str(source), "--type", "castle")
    assert code == 2 and "There is no setting type 'castle'" in out
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary")
    assert code == 2 and "--name" in out


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _hyperlink(paragraph, url: str, text: str) -> None:  # noqa: ANN001 - python-docx objects
    part = paragraph.part
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def test_a_word_document_keeps_headings_lists_tables_links_and_images(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Birch College Local Offer", level=1)
    document.add_heading("How do I apply if I have a disability?", level=2)
    paragraph = document.add_paragraph("Apply online at ")
    _hyperlink(paragraph, "https://birch.example/apply", "our admissions page")
    document.add_paragraph("Visit us first", style="List Bullet")
    document.add_paragraph("Bring your EHC plan", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["Course", "Support", "Bakery", "Tutor"]):
        cell.text = text
    document.add_heading("Our campus", level=2)
    document.add_picture(io.BytesIO(_png()))
    document.inline_shapes[0]._inline.docPr.set("descr", "The ramp at the main entrance")
    document.add_picture(io.BytesIO(_png()))
    source = tmp_path / "offer.docx"
    document.save(source)

    code, out = _run(borough_dir, capsys, str(source), "--type", "fe-college")
    assert code == 0, out
    offer = _offer(borough_dir, "birch-college")
    assert ("## How do I apply if I have a disability or special educational needs?\n\n"
            "### How do I apply if I have a disability?\n") in offer
    assert "[our admissions page](https://birch.example/apply)" in offer
    assert "- Visit us first\n- Bring your EHC plan" in offer
    assert "| Course | Support |" in offer and "| Bakery | Tutor |" in offer
    assert "![The ramp at the main entrance](images/image-1.png)" in offer
    assert "![](images/image-2.png)" in offer
    folder = borough_dir / "offers" / "birch-college" / "images"
    assert (folder / "image-1.png").read_bytes() == _png()
    assert (folder / "image-2.png").read_bytes() == _png()
    # The image without alt text is named in what to check next.
    assert "images/image-2.png has no alt text" in out
    assert "images/image-1.png has no alt text" not in out


def test_a_pdf_keeps_its_marked_headings(borough_dir: Path, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    source = tmp_path / "report.pdf"
    SimpleDocTemplate(str(source), pagesize=A4).build([
        Paragraph("Elm Special School", styles["Title"]),
        Paragraph("Complaints", styles["Heading2"]),
        Paragraph("Talk to the class teacher first, then the head teacher.", styles["Normal"]),
        Paragraph("Our minibus", styles["Heading2"]),
        Paragraph("It takes pupils swimming on Fridays.", styles["Normal"]),
    ])
    code, out = _run(borough_dir, capsys, str(source), "--type", "special")
    assert code == 0, out
    offer = _offer(borough_dir, "elm-special-school")
    assert ("## What can I do if I am not happy with my child's support?\n\n### Complaints\n\n"
            "Talk to the class teacher first, then the head teacher.") in offer
    assert "## Other information\n\n### Our minibus\n\nIt takes pupils swimming on Fridays." in offer


def test_a_symlinked_offer_folder_is_not_written_through(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], page: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (borough_dir / "offers" / "oak").symlink_to(elsewhere)
    code, out = _run(borough_dir, capsys, str(page), "--type", "primary", "--slug", "oak")
    assert code == 2 and "symbolic link" in out
    assert not any(elsewhere.iterdir())


def test_a_link_to_the_old_website_without_its_address_is_named_to_check(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "saved.htm"
    source.write_text("<html><body><main><h1>Ash Primary School</h1><h2>Admissions</h2>"
                      "<p>See <a href='/admissions.pdf'>our admissions policy</a>.</p>"
                      "</main></body></html>", encoding="utf-8")
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary")
    assert code == 0
    assert "[our admissions policy](/admissions.pdf)" in _offer(borough_dir, "ash-primary-school")
    assert ("The link 'our admissions policy' points to '/admissions.pdf' on the old website: "
            "write its full address") in out


def _import_saved_page(borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                       name: str, pictures: str,
                       saved: dict[str, bytes]) -> tuple[Path, str, str]:
    """Import a web page saved with its pictures (`saved`, in report_files/) whose one answer
    holds `pictures`: the offer's folder, its text and what the command printed."""
    (tmp_path / "report_files").mkdir()
    for file_name, data in saved.items():
        (tmp_path / "report_files" / file_name).write_bytes(data)
    source = tmp_path / "report.html"
    source.write_text(f"<html><body><main><h1>{name}</h1><h2>How accessible is the building?"
                      f"</h2><p>{pictures}</p></main></body></html>", encoding="utf-8")
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary")
    assert code == 0, out
    folder = borough_dir / "offers" / name.lower().replace(" ", "-")
    return folder, (folder / "offer.md").read_text(encoding="utf-8"), out


def test_a_saved_web_pages_images_are_copied_with_their_alt_text(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pictures = ("<img src='report_files/ramp.png' alt='The ramp to the front door'> "
                "<img src='https://cdn.example/logo.png' alt='Logo'> "
                "<img src='report_files/missing.png' alt=''>")
    folder, offer, out = _import_saved_page(borough_dir, capsys, tmp_path, "Ash Primary School",
                                            pictures, {"ramp.png": _png()})
    assert "![The ramp to the front door](images/image-1.png)" in offer
    assert (folder / "images" / "image-1.png").read_bytes() == _png()
    # An image on the web is not downloaded; one not saved with the page is named to add.
    assert "![Logo](https://cdn.example/logo.png)" in offer
    assert "An image is on the web, not in the saved page: https://cdn.example/logo.png" in out
    assert "'report_files/missing.png' was not saved with the page" in out
    assert not (folder / "images" / "image-3.png").exists()


def test_a_text_file_with_capital_headings_follows_the_chosen_question_set(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("Rowan Primary School\n\nWelcome to our report.\n\nCOMPLAINTS\n\n"
                      "Speak to the class teacher first.\n\n• Then the SENCO\n• Then the governors\n",
                      encoding="utf-8")
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary",
                     "--question-set", "stockport-school")
    assert code == 0, out
    offer = _offer(borough_dir, "rowan-primary-school")
    assert "question_set: stockport-school" in offer
    assert ("## What can I do if I am not happy with my child's support?\n\n### COMPLAINTS\n\n"
            "Speak to the class teacher first.\n\n- Then the SENCO\n- Then the governors\n") in offer
    assert "**Rowan Primary School**\n\nWelcome to our report." in offer


def _bmp() -> bytes:
    """A 1 x 1 red picture as a Windows bitmap (BMP), written out by hand."""
    pixels = b"\x00\x00\xff\x00"  # blue, green, red, and padding to 4 bytes
    header = struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(header) + len(pixels), 0, 0,
                               14 + len(header)) + header + pixels


def test_pictures_of_kinds_the_site_refuses_are_made_png_or_named_to_replace(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`submit` and the checks refuse BMP and SVG files in an offer's folder, so `import` must
    not write them: a bitmap becomes a PNG showing the same, an SVG is named to replace."""
    from PIL import Image

    svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    folder, offer, out = _import_saved_page(
        borough_dir, capsys, tmp_path, "Elm Primary School",
        "<img src='report_files/hall.bmp' alt='The hall'> "
        "<img src='report_files/logo.svg' alt='Our logo'>", {"hall.bmp": _bmp(), "logo.svg": svg})
    assert "![The hall](images/image-1.png)" in offer
    with Image.open(folder / "images" / "image-1.png") as picture:
        assert (picture.format, picture.size) == ("PNG", (1, 1))
        assert picture.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    assert "![Our logo](images/image-2.png)" in offer
    assert sorted(path.name for path in (folder / "images").iterdir()) == ["image-1.png"]
    assert ("Picture 2 (SVG) is a kind of file the website does not publish, so it was not saved. "
            "Save it as a PNG or JPEG picture named images/image-2.png") in " ".join(out.split())
    # What import wrote, submit and the ownership gate accept.
    written = [path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()]
    assert sorted(written) == ["images/image-1.png", "offer.md"]
    assert [folder_file_problem(inside) for inside in written] == [None, None]


def test_a_bitmap_in_a_word_document_is_saved_as_png(
        borough_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Rowan Primary School", level=1)
    document.add_heading("How accessible is the building?", level=2)
    document.add_picture(io.BytesIO(_bmp()))
    document.inline_shapes[0]._inline.docPr.set("descr", "The lift")
    source = tmp_path / "rowan.docx"
    document.save(source)
    code, out = _run(borough_dir, capsys, str(source), "--type", "primary")
    assert code == 0, out
    folder = borough_dir / "offers" / "rowan-primary-school"
    assert "![The lift](images/image-1.png)" in (folder / "offer.md").read_text(encoding="utf-8")
    assert (folder / "images" / "image-1.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert not list((folder / "images").glob("*.bmp"))
