"""Generated boroughs with known defects, and what the report must say about each offer.

Offers start from localoffer.synthetic (complete, up to date, passing every check); then
sections are removed, dates moved, drafts made and front-matter broken. The expected values
are worked out here from the question bank, independently of localoffer.reporting.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from localoffer.borough import Borough
from localoffer.review import ReviewState
from localoffer.synthetic import synthetic_offer, synthetic_setting

TODAY = date(2026, 11, 28)


@dataclass(frozen=True)
class Planted:
    """One offer with its defects, and the report's expected view of it."""

    slug: str
    setting_type: str | None      # as the report should see it (None: unknown or unreadable)
    written_type: str             # the type the synthetic offer was made for
    state: ReviewState
    dropped: tuple[str, ...] = ()  # question ids whose sections were removed
    readable: bool = True
    status: str = "published"


# index: (dropped question ids, change) -- index % 10 picks the type (alphabetical):
# 0 all-through, 1 childminder, 2 early-years, 3 fe-college, 4 nursery-school, 5 primary,
# 6 pru, 7 secondary, 8 sixth-form, 9 special
DEFECTS: dict[int, tuple[tuple[str, ...], str]] = {
    0: ((), "none"),
    1: (("se7p-14", "se7p-complaints"), "none"),
    2: ((), "overdue"),
    3: ((), "due-soon"),
    4: ((), "draft"),
    5: ((), "broken-front-matter"),
    6: (("se7p-05",), "none"),
    7: ((), "no-next-review"),
    8: ((), "unknown-type"),
    9: (("se7p-adulthood",), "draft-and-overdue"),
}


def drop_sections(text: str, headings: set[str]) -> str:
    """Remove each `## heading` section (to the next level-2 heading)."""
    kept, skipping = [], False
    for line in text.split("\n"):
        if line.startswith("## "):
            skipping = line[3:].strip() in headings
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def replace_answer(text: str, heading: str, answer: str) -> str:
    """Replace the answer under `## heading` with `answer`."""
    out, replacing = [], False
    for line in text.split("\n"):
        if line.startswith("## "):
            if replacing:
                out.append("")
            replacing = line[3:].strip() == heading
            out.append(line)
            if replacing:
                out += ["", answer]
            continue
        if not replacing:
            out.append(line)
    return "\n".join(out)


def _set_line(text: str, key: str, value: str | None) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            if value is None:
                del lines[index]
            else:
                lines[index] = f"{key}: {value}"
            break
    return "\n".join(lines)


def write_defect_borough(borough: Borough, folder: Path) -> dict[str, Planted]:
    """Write the ten offers of DEFECTS into folder/offers; return what each should report."""
    planted = {}
    for index, (dropped, change) in DEFECTS.items():
        setting = synthetic_setting(borough, index, TODAY)
        question_set = borough.question_sets[borough.setting_types[setting.setting_type].question_set]
        text = synthetic_offer(borough, setting, words_per_answer=80)
        text = drop_sections(text, {q.text for q in question_set.questions if q.id in dropped})
        state, reported_type, readable, status = ReviewState.OK, setting.setting_type, True, "published"
        if change in ("overdue", "draft-and-overdue"):
            text = _set_line(text, "last_reviewed", (TODAY - timedelta(days=300)).isoformat())
            text = _set_line(text, "next_review", (TODAY - timedelta(days=10)).isoformat())
            state = ReviewState.OVERDUE
        if change == "due-soon":
            text = _set_line(text, "last_reviewed", (TODAY - timedelta(days=300)).isoformat())
            text = _set_line(text, "next_review", (TODAY + timedelta(days=10)).isoformat())
            state = ReviewState.DUE_SOON
        if change in ("draft", "draft-and-overdue"):
            text = _set_line(text, "status", "draft")
            state, status = ReviewState.NEVER_PUBLISHED, "draft"
        if change == "broken-front-matter":
            # No closing '---': the offer cannot be read; it is not published either.
            text = text.replace("\n---\n\nWelcome", "\n\nWelcome", 1)
            state, reported_type, readable, status = (ReviewState.NEVER_PUBLISHED, None, False,
                                                      "draft")
        if change == "no-next-review":
            text = _set_line(text, "next_review", None)
            state = ReviewState.UNKNOWN
        if change == "unknown-type":
            text = _set_line(text, "type", "academy-of-magic")
            reported_type = None
        path = folder / "offers" / setting.slug / "offer.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        planted[setting.slug] = Planted(setting.slug, reported_type, setting.setting_type, state,
                                        dropped, readable, status)
    return planted


def expected_areas(borough: Borough, planted: Planted) -> tuple[set[str], set[str]]:
    """(areas covered, areas required) as the report should count them."""
    if not planted.readable:
        return set(), set()
    question_set = borough.question_sets[
        borough.setting_types[planted.written_type].question_set]
    covered = {area for question in question_set.questions_for(planted.written_type)
               if question.id not in planted.dropped for area in question.areas}
    required = (set(borough.setting_types[planted.setting_type].required_areas)
                if planted.setting_type else set())
    return covered, required


def expected_statutory_gaps(borough: Borough, planted: Planted) -> set[str]:
    covered, required = expected_areas(borough, planted)
    needed = {item for area in required for item in borough.areas[area].statutory}
    have = {item for area in covered for item in borough.areas[area].statutory}
    return needed - have
