"""An import worked out in full before anything is written: the offer, where it goes, its
images, how each section was placed, and what the user should check next."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from localoffer.authoring.template import check_slug, slug_for, template_request
from localoffer.borough import Borough
from localoffer.errors import LocalOfferError
from localoffer.importing.details import Details, find_details
from localoffer.importing.document import ImportedImage, Report
from localoffer.importing.reading import read_report
from localoffer.importing.mapping import Placement, place_sections
from localoffer.importing.sections import split_sections
from localoffer.importing.writer import offer_text
from localoffer.model.offer import OFFER_FILE


@dataclass
class ImportPlan:
    report: Report
    slug: str
    path: Path
    text: str
    details: Details
    title: str | None
    placements: list[Placement]
    images: list[ImportedImage]
    notes: list[str] = field(default_factory=list)


def plan_import(borough: Borough, source: Path, setting_type: str, name: str | None = None,
                slug: str | None = None, question_set: str | None = None,
                output: Path | None = None) -> ImportPlan:
    """Read the report and work out the offer; raise LocalOfferError (exit 2) if it cannot be
    made. Nothing is written."""
    if setting_type not in borough.setting_types:
        raise LocalOfferError(f"There is no setting type '{setting_type}'. Choose one of: "
                              f"{', '.join(borough.setting_types)}.")
    report = read_report(source)
    split = split_sections(report.markdown)
    details = find_details(_plain(report.markdown), split.title)
    name = (name or details.name or "").strip()
    if not name:
        raise LocalOfferError("The report does not say the setting's name clearly: give it with "
                              "--name, for example --name \"Oakfield Primary School\".",
                              str(source))
    # The template's `today` is never written: review dates come from the report or stay empty.
    request = template_request(borough, name, setting_type, question_set, date.today())
    slug = check_slug(slug) if slug else slug_for(request.name)
    if not slug:
        raise LocalOfferError("The name has no letters or digits to make a folder name from: "
                              "give one with --slug, for example --slug oakfield-primary.")
    placements = place_sections(split.sections, request.question_set, setting_type)
    text = offer_text(borough, request, details, split.title, placements)
    path = (output or borough.offers_dir) / slug / OFFER_FILE
    plan = ImportPlan(report, slug, path, text, details, split.title, placements,
                      [image for image in report.images if image.name])
    plan.notes = list(report.notes) + [
        f"The image images/{image.name} has no alt text: describe what it shows in the "
        f"brackets of ![...](images/{image.name}), or remove it if it only decorates."
        for image in plan.images if not image.alt]
    return plan


def _plain(markdown: str) -> str:
    """The report's words without Markdown's marks, for finding its details."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\((?:mailto:)?([^)]*)\)", r"\1 \2", text)
    return text.replace("\\", "").replace("**", "")


def write_import(plan: ImportPlan, force: bool) -> None:
    """Write the offer and its images; raise LocalOfferError if that cannot be done safely."""
    folder = plan.path.parent
    for place in (folder, plan.path, folder / "images"):
        if place.is_symlink():
            raise LocalOfferError("This is a symbolic link: localoffer import does not write "
                                  "through links. Remove the link or choose another --slug.",
                                  str(place))
    if plan.path.exists() and not force:
        raise LocalOfferError("An offer already exists here, so nothing was written. To replace "
                              "it with the imported report, run the command again with --force.",
                              str(plan.path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        plan.path.write_text(plan.text, encoding="utf-8", newline="\n")
        if any(image.data for image in plan.images):
            (folder / "images").mkdir(exist_ok=True)
        for image in plan.images:
            if image.data:
                (folder / "images" / image.name).write_bytes(image.data)
    except OSError as error:
        raise LocalOfferError(f"The offer could not be written ({error.strerror}). Check the "
                              "folder exists and you may write to it.", str(plan.path)) from None
