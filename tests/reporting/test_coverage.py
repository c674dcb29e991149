"""The coverage matrix (settings x areas) and the areas the borough answers poorly."""
from __future__ import annotations

from pathlib import Path

from localoffer.borough import Borough, load_borough
from localoffer.reporting import Report, report_on_folder
from localoffer.reporting.coverage import Cell
from localoffer.synthetic import synthetic_offer, synthetic_setting
from reporting.defects import TODAY, Planted, drop_sections, expected_areas, replace_answer


def test_every_cell_of_the_matrix(defect_report: Report,
                                  defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    counts = {cell: 0 for cell in Cell}
    for row in defect_report.rows:
        covered, required = expected_areas(borough, planted[row.slug])
        for area in borough.areas:
            expected = (Cell.COVERED if area in covered else
                        Cell.MISSING if area in required else Cell.NOT_REQUIRED)
            assert defect_report.cell(row, area) is expected, (row.slug, area)
            counts[expected] += 1
    assert all(counts.values())  # the borough has cells of all three kinds
    assert counts[Cell.MISSING] == 2 + 3 + 1  # complaints+contacts, se7p-05, adulthood (a draft)


def test_an_answered_area_that_is_not_required_counts_as_covered(defect_report: Report) -> None:
    unknown_type = next(row for row in defect_report.rows if row.slug == "setting-00008")
    assert unknown_type.areas_required == ()
    assert defect_report.cell(unknown_type, "admissions") is Cell.COVERED
    broken = next(row for row in defect_report.rows if not row.readable)
    assert {defect_report.cell(broken, area) for area in defect_report.borough.areas} == {
        Cell.NOT_REQUIRED}


def test_area_totals(defect_report: Report, defects: tuple[Borough, dict[str, Planted]]) -> None:
    borough, planted = defects
    for area in defect_report.areas:
        expectations = [expected_areas(borough, planted[slug]) for slug in sorted(planted)]
        required_by = sum(1 for _, required in expectations if area.id in required)
        answered = sum(1 for covered, required in expectations
                       if area.id in required and area.id in covered)
        answered_by = sum(1 for covered, _ in expectations if area.id in covered)
        assert (area.required_by, area.covered_required, area.covered_by) == (
            required_by, answered, answered_by), area.id
        assert len(area.missing_in) == required_by - answered, area.id
    contacts = next(area for area in defect_report.areas if area.id == "contacts")
    assert contacts.missing_in == ("setting-00001",)
    assert contacts.concerns == ("Answered by only 7 of the 8 settings that must answer it.",)


def _borough(folder: Path, count: int = 4) -> tuple[Borough, list[Path]]:
    (folder / "offers").mkdir(parents=True, exist_ok=True)
    borough = load_borough(folder / "localoffer.yml")
    types = sorted(borough.setting_types)  # synthetic_setting picks the type by index, in order
    paths = []
    for index in range(count):
        setting = synthetic_setting(borough, types.index("primary") + len(types) * index, TODAY)
        assert setting.setting_type == "primary"
        path = folder / "offers" / setting.slug / "offer.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_offer(borough, setting, words_per_answer=80), encoding="utf-8")
        paths.append(path)
    return borough, paths


def _question(borough: Borough, question_id: str) -> str:
    return next(q.text for q in borough.question_sets["se7-parent"].questions
                if q.id == question_id)


def test_an_area_no_setting_answers(borough_dir: Path) -> None:
    borough, paths = _borough(borough_dir)
    heading = _question(borough, "se7p-admissions")
    for path in paths:
        path.write_text(drop_sections(path.read_text(encoding="utf-8"), {heading}),
                        encoding="utf-8")
    report = report_on_folder(borough, TODAY, history=False)
    admissions = next(area for area in report.areas if area.id == "admissions")
    assert (admissions.required_by, admissions.covered_required, admissions.answers) == (4, 0, 0)
    assert admissions.concerns == ("Not answered by any of the 4 settings that must answer it.",)
    assert [area.id for area in report.areas if area.concerns] == ["admissions"]


def test_short_and_hard_to_read_answers_are_flagged(borough_dir: Path) -> None:
    borough, paths = _borough(borough_dir)
    complaints = _question(borough, "se7p-complaints")
    staff = _question(borough, "se7p-07")
    hard = ("Notwithstanding institutional considerations, individualised differentiation "
            "necessitates comprehensive interdisciplinary collaboration. ") * 8
    for index, path in enumerate(paths):
        text = replace_answer(path.read_text(encoding="utf-8"), complaints,
                              "Talk to the class teacher first.")
        if index < 3:
            text = replace_answer(text, staff, hard)
        path.write_text(text, encoding="utf-8")
    report = report_on_folder(borough, TODAY, history=False)
    areas = {area.id: area for area in report.areas}
    assert areas["complaints"].short_answers == 4
    assert areas["complaints"].mean_words == 6
    assert areas["complaints"].reading_ease is None  # too short to score
    assert areas["complaints"].concerns == (
        "Very short answers: 4 of 4 have fewer than 40 words.",)
    assert areas["staff-expertise"].reading_ease < borough.reading_ease_min
    assert areas["staff-expertise"].concerns[0].startswith("Hard to read: mean reading ease")
    assert not areas["identifying-needs"].concerns


def test_thresholds_come_from_localoffer_yml(borough_dir: Path) -> None:
    with open(borough_dir / "localoffer.yml", "a", encoding="utf-8") as config:
        config.write("\nreport:\n  short_answer_words: 200\n  coverage_min_percent: 100\n")
    borough, _ = _borough(borough_dir, count=2)
    report = report_on_folder(borough, TODAY, history=False)
    assert report.settings.short_answer_words == 200
    # Every synthetic answer has 80 to 100 words: now all of them are "very short".
    assert all("Very short answers" in " ".join(area.concerns)
               for area in report.areas if area.answers)
