"""`localoffer pdf`: the printable booklet as a real PDF, made with WeasyPrint and read back."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.model import load_offer
from site_helpers import REPO_ROOT, TODAY, make_borough

DEMO = str(REPO_ROOT / "localoffer.yml")


def starting_pages(texts: list[str], names: dict[str, str]) -> set[str]:
    """The settings that have a page starting with their name."""
    return {name for name in names for text in texts if text.lstrip().startswith(name)}


def demo_names() -> dict[str, str]:
    borough = load_borough(REPO_ROOT / "localoffer.yml")
    offers = [load_offer(path, borough) for path in sorted(borough.offers_dir.glob("*/offer.md"))]
    return {offer.name: str(offer.get("type")) for offer in offers}


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    target = tmp_path_factory.mktemp("pdf") / "booklet.pdf"
    assert main(["pdf", "--config", DEMO, "-o", str(target), "--today", TODAY]) == 0
    return PdfReader(target)


def test_contents_first_then_each_setting_on_its_own_pages(demo_pdf: PdfReader) -> None:
    texts = [page.extract_text() for page in demo_pdf.pages]
    assert "Contents" in texts[0] and "This booklet was made on 28 November 2026" in texts[0]
    assert "https://localoffer.calderbrook.example/" in texts[0]
    names = demo_names()
    assert len(names) == 12 and len(texts) > len(names)
    assert starting_pages(texts[1:], names) == set(names), "every setting starts a new page"
    assert all(name in texts[0] for name in names), "and is in the contents"
    assert "Page 1 of" in texts[0] and f"Page {len(texts)} of {len(texts)}" in texts[-1]


def test_the_pdf_is_tagged_for_screen_readers(demo_pdf: PdfReader) -> None:
    root = demo_pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "en"
    assert demo_pdf.metadata.title == "Calderbrook Local Offer: all settings"


def test_one_type_of_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "special.pdf"
    assert main(["pdf", "--config", DEMO, "--type", "special", "-o", str(target),
                 "--today", TODAY]) == 0
    assert "1 setting on" in capsys.readouterr().err
    names = demo_names()
    texts = [page.extract_text() for page in PdfReader(target).pages]
    special = {name for name, kind in names.items() if kind == "special"}
    assert special and starting_pages(texts, names) == special
    assert all(name in texts[0] for name in special)


def test_an_unknown_type_is_named_with_the_known_ones(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pdf", "--config", DEMO, "--type", "primry", "-o", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "'primry' is not a type of setting" in err and "primary" in err
    assert "Traceback" not in err and not (tmp_path / "x.pdf").exists()


def test_an_offers_own_image_is_printed_and_nothing_is_fetched(tmp_path: Path) -> None:
    offers = make_borough(tmp_path, 1)
    Image.new("RGB", (40, 30), "navy").save(offers[0].parent / "door.png")
    with offers[0].open("a", encoding="utf-8") as file:
        file.write("\n![Our front door](door.png)\n\n![A picture elsewhere]"
                   "(https://images.example/x.png)\n")
    target = tmp_path / "booklet.pdf"
    assert main(["pdf", "--config", str(tmp_path / "localoffer.yml"), "-o", str(target),
                 "--today", TODAY]) == 0
    reader = PdfReader(target)
    images = {image.name: image for page in reader.pages for image in page.images}
    assert [image.image.size for image in images.values()] == [(40, 30)]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "[Picture: A picture elsewhere]" in text  # its description, in its place


def test_without_weasyprint_the_message_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    assert main(["pdf", "--config", DEMO, "-o", str(tmp_path / "x.pdf"), "--today", TODAY]) == 2
    assert "python3 -m pip install weasyprint" in capsys.readouterr().err



def test_a_type_with_no_published_offers(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    offers = make_borough(tmp_path, 1)
    kind = next(line.split(":", 1)[1].strip() for line in
                offers[0].read_text(encoding="utf-8").splitlines() if line.startswith("type:"))
    other = "special" if kind != "special" else "primary"
    assert main(["pdf", "--config", str(tmp_path / "localoffer.yml"), "--type", other,
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert f"There are no published offers of the type '{other}'." in capsys.readouterr().err


def test_a_missing_folder_is_said_before_any_work(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "booklet.pdf"
    assert main(["pdf", "--config", DEMO, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{target}: The folder for the PDF does not exist")
    assert "Traceback" not in err
