"""Each format of the report says the same things: text, csv, json, md and html."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from localoffer.borough import Borough
from localoffer.reporting import Report, render, report_on_folder
from localoffer.reporting.data import ROW_COLUMNS
from localoffer.reporting.as_published import MonthCount
from reporting.defects import TODAY, Planted


def test_text(defect_report: Report) -> None:
    text = render(defect_report, "text")
    for heading in ("How up to date are these offers?", "Totals by type of setting",
                    "What each offer leaves out", "Which questions do the offers answer?",
                    "Which areas each setting answers", "How easy are the offers to read?"):
        assert f"\n{heading}\n" in text
    line = next(line for line in text.splitlines() if line.startswith("Example Childminder 1 "))
    assert re.search(r"Up to date\s+7 of 9\s+4\s+\d+\s+\d+", line)
    assert "Example Childminder 1: No answer on Complaints and sorting out disagreements; " \
           "Who to contact, and the Local Offer. Statutory items not covered:" in text
    matrix_row = next(line for line in text.splitlines()
                      if line.startswith("Example Secondary school 6 ") and " Y " in line)
    cells = matrix_row.split()[-19:]
    areas = list(defect_report.borough.areas)
    # Setting 6 had three answers taken out (reporting/defects.py): child voice, wellbeing,
    # behaviour and SEMH, the 9th to 11th of the borough's 19 areas.
    assert areas[8:11] == ["child-voice", "wellbeing", "behaviour-and-semh"]
    assert cells == ["Y"] * 8 + ["N"] * 3 + ["Y"] * 8


def test_csv(defect_report: Report) -> None:
    lines = list(csv.DictReader(io.StringIO(render(defect_report, "csv"))))
    assert len(lines) == 10
    first = render(defect_report, "csv").split("\r\n")[0].split(",")
    assert first[: len(ROW_COLUMNS)] == list(ROW_COLUMNS)
    assert first[len(ROW_COLUMNS):] == [f"area:{a}" for a in defect_report.borough.areas]
    rows = {line["slug"]: line for line in lines}
    childminder = rows["setting-00001"]
    assert childminder["review_state"] == "ok"
    assert (childminder["areas_required"], childminder["areas_answered"]) == ("9", "7")
    assert childminder["areas_missing"] == "complaints;contacts"
    assert childminder["statutory_uncovered"] == "sch1-4;sch1-9;sch1-11;sch1-13"
    assert childminder["area:contacts"] == "missing"
    assert childminder["area:admissions"] == "not required"
    assert childminder["area:wellbeing"] == "covered"
    assert rows["setting-00002"]["review_state"] == "overdue"
    assert rows["setting-00007"]["review_state"] == "no review date"
    assert rows["setting-00004"]["complete"] == "yes"


def test_json(defect_report: Report) -> None:
    data = json.loads(render(defect_report, "json"))
    assert data["today"] == TODAY.isoformat() and data["as_of"] is None
    assert len(data["settings"]) == 10
    settings = {item["slug"]: item for item in data["settings"]}
    assert settings["setting-00006"]["areas_missing"] == [
        "child-voice", "wellbeing", "behaviour-and-semh"]
    assert settings["setting-00006"]["coverage"]["wellbeing"] == "missing"
    assert settings["setting-00005"]["readable"] is False
    overall = data["totals"][-1]
    assert overall["label"] == "All settings" and overall["settings"] == 10
    assert overall["review_states"] == {"ok": 4, "due soon": 1, "overdue": 1,
                                        "never published": 3, "no review date": 1}
    contacts = next(area for area in data["areas"] if area["id"] == "contacts")
    assert contacts["missing_in"] == ["setting-00001"]
    assert data["history"] is None


def test_markdown(defect_report: Report) -> None:
    text = render(defect_report, "md")
    assert text.startswith("# Local Offer report for Calderbrook\n")
    assert "## How up to date are these offers?" in text
    assert "## Which questions do the offers answer?" in text
    header = "| Setting | Type | Status | Last reviewed | Next review | Review |"
    assert header in text
    table_lines = [line for line in text.splitlines()
                   if line.startswith(("| Example ", "| setting-00005 "))]
    assert len(table_lines) == 20  # every setting, in the table and in the matrix


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_html_is_one_self_contained_page(defect_report: Report) -> None:
    defect_report.history = [MonthCount(TODAY.replace(day=1), TODAY, 10, 7, 1, 1)]
    html = render(defect_report, "html")
    page = _page(html)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    svgs = [attrs for tag, attrs in page.tags if tag == "svg"]
    assert len(svgs) == 4  # review states, coverage, reading ease, month by month
    for attrs in svgs:
        chart = attrs["id"]
        assert attrs["role"] == "img"
        assert attrs["aria-labelledby"] == f"{chart}-title {chart}-desc"
        assert f'<title id="{chart}-title">' in html and f'<desc id="{chart}-desc">' in html
    # Each chart has its data as a table beside it.
    assert html.count('<div class="lr-chart"') == 4
    assert html.count("<caption>Figures: ") == 4
    ids = [attrs["id"] for _, attrs in page.tags if attrs.get("id")]
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    headings = {"How up to date are these offers?", "Which questions do the offers answer?",
                "How easy are the offers to read?", "How has this changed month by month?"}
    assert headings <= set(page.text)


def test_html_without_history_says_why(defect_report: Report) -> None:
    html = render(defect_report, "html")
    assert html.count("<svg") == 3
    assert "not in a Git repository" in html


def test_names_from_offers_are_text_not_markup(borough_dir: Path, borough: Borough) -> None:
    from localoffer.synthetic import synthetic_offer, synthetic_setting

    names = {4: "'<script>alert(1)</script> School'", 13: "'=HYPERLINK(\"http://x\") School'"}
    for index, name in names.items():
        setting = synthetic_setting(borough, index, TODAY)
        text = synthetic_offer(borough, setting).replace(f"name: {setting.name}", f"name: {name}")
        path = borough_dir / "offers" / setting.slug / "offer.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    report = report_on_folder(borough, TODAY, history=False)
    html = render(report, "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; School" in html
    assert "<script>" not in render(report, "md")
    names_in_csv = sorted(line[1] for line in csv.reader(io.StringIO(render(report, "csv"))))
    assert names_in_csv == ["'=HYPERLINK(\"http://x\") School",
                            "<script>alert(1)</script> School", "name"]


def test_csv_cells_cannot_start_a_formula() -> None:
    from localoffer.reporting.spreadsheet import safe_cell

    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0"
    assert safe_cell("+44 161 496 0000") == "+44 161 496 0000"
    assert safe_cell("Oakfield") == "Oakfield" and safe_cell(3) == 3


def test_demo_report_in_every_format(demo_report: Report) -> None:
    for output_format in ("text", "csv", "json", "md", "html"):
        output = render(demo_report, output_format)
        for row in demo_report.rows:
            assert row.name in output, (output_format, row.name)


def test_same_data_gives_the_same_html(defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, _ = defects
    first = render(report_on_folder(borough, TODAY, history=False), "html")
    second = render(report_on_folder(borough, TODAY, history=False), "html")
    assert first == second
