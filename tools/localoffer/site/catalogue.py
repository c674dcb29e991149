"""Every offer of the borough, loaded and checked once per build: what the site publishes.

Published offers become pages; drafts are left out. Errors found by the checks stop a strict
build, except review dates: an overdue review is shown to readers as a warning on the page
instead, so the site keeps building as real time passes the review dates.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.checks.feedback import check_feedback_item
from localoffer.checks.runner import unsafe_files
from localoffer.checks.translation_state import EnglishVersions
from localoffer.checks.translations import check_translation
from localoffer.model import Finding, Offer, Severity, load_offer
from localoffer.model.discover import find_offer_files, known_slugs
from localoffer.model.feedback import FeedbackItem, load_feedback
from localoffer.model.files import is_regular_file_inside
from localoffer.model.offer_folder import IMAGE_SUFFIXES
from localoffer.model.translation import Translation, load_translation, translation_files_in
from localoffer.site.facts import SettingFacts, setting_facts
from localoffer.site.review_notice import ReviewNotice, review_notice

# Findings shown to readers (as the review notice) rather than stopping the build.
NOT_BUILD_FAILURES = ("review/",)
NEVER_READ = {"file/symlink", "file/not-a-file", "file/misplaced", "file/folder-name"}


@dataclass
class PublishedOffer:
    offer: Offer
    facts: SettingFacts
    review: ReviewNotice
    images: list[Path] = field(default_factory=list)
    # Its readable translations into a known language (offer.<lang>.md), by language tag.
    translations: list[Translation] = field(default_factory=list)
    # The areas its answers cover (Offer.areas_covered), found once where it is loaded: a
    # build that takes the offer from its cache need not read its answers again.
    areas_covered: frozenset[str] = frozenset()

    @property
    def slug(self) -> str:
        return self.offer.slug

    @property
    def name(self) -> str:
        return self.offer.name

    @property
    def url(self) -> str:
        return f"settings/{self.offer.slug}/"


@dataclass
class Catalogue:
    borough: Borough
    today: date
    offers: list[PublishedOffer]
    drafts: list[Offer]
    # Errors in published (or unreadable) offers and in "You said, we did" items: a strict
    # build stops on these.
    errors: list[Finding]
    # "You said, we did" items without errors (feedback/*.md), as published.
    feedback: list[FeedbackItem] = field(default_factory=list)

    def by_slug(self) -> dict[str, PublishedOffer]:
        return {item.slug: item for item in self.offers}


def offer_paths(borough: Borough) -> list[Path]:
    return find_offer_files([borough.offers_dir]) if borough.offers_dir.is_dir() else []


@dataclass
class Examined:
    """One offer file, loaded (and checked): a published offer, a draft, or unreadable."""

    offer: Offer
    errors: list[Finding]
    published: PublishedOffer | None


def examine(path: Path, borough: Borough, today: date,
            context: CheckContext | None = None) -> Examined:
    """Load one offer; check it if `context` is given and it is to be published."""
    offer = load_offer(path, borough)
    if offer.readable and offer.is_draft:
        return Examined(offer, [], None)
    # Files that are never read (links, misplaced offers, unsafe folder names) are always told.
    errors = [finding for finding in offer.problems if finding.rule in NEVER_READ]
    if context is not None:
        errors = [finding for finding in check_offer(offer, context)
                  if finding.severity is Severity.ERROR
                  and not finding.rule.startswith(NOT_BUILD_FAILURES)]
    published = None
    if offer.readable:
        translations = [load_translation(each, borough)
                        for each in translation_files_in(offer.path.parent)]
        if context is not None:
            errors += translation_errors(translations, offer, context)
        published = publish(offer, borough, today, translations)
    return Examined(offer, errors, published)


def publish(offer: Offer, borough: Borough, today: date,
            translations: list[Translation] | None = None) -> PublishedOffer:
    """A readable offer as its page shows it: its facts, review notice, pictures and readable
    translations (read from beside it unless given). The build and the editor's preview
    (offer_preview.py) both make it here."""
    if translations is None:
        translations = [load_translation(each, borough)
                        for each in translation_files_in(offer.path.parent)]
    return PublishedOffer(offer, setting_facts(offer, borough), review_notice(offer, borough, today),
                          _images(offer.path.parent),
                          [each for each in translations
                           if each.readable and each.language is not None],
                          frozenset(offer.areas_covered))


def translation_errors(translations: list[Translation], offer: Offer,
                       context: CheckContext) -> list[Finding]:
    """The errors in an offer's translations that stop a strict build (as an offer's do)."""
    versions = EnglishVersions(context.borough.offers_dir)
    return [finding for each in translations
            for finding in check_translation(each, offer, context, versions)
            if finding.severity is Severity.ERROR]


def check_context(borough: Borough, today: date, paths: list[Path]) -> CheckContext:
    return CheckContext(borough, today, frozenset(path.parent.name for path in paths))


def assemble(borough: Borough, today: date, examined: list[Examined]) -> Catalogue:
    published = sorted((item.published for item in examined if item.published is not None),
                       key=lambda item: (sort_key(item.name), item.slug))
    drafts = [item.offer for item in examined
              if item.published is None and item.offer.readable]
    errors = [finding for item in examined for finding in item.errors]
    errors += unsafe_files([borough.offers_dir], borough)
    feedback, feedback_errors = published_feedback(borough, today)
    return Catalogue(borough, today, published, drafts, errors + feedback_errors, feedback)


def published_feedback(borough: Borough, today: date) -> tuple[list[FeedbackItem], list[Finding]]:
    """The "You said, we did" items to publish, and the errors of those left out. They are
    few and quick to check, so they are always checked: an item with an error is never
    published half right, and the build says why it is missing."""
    if not borough.feedback_dir.is_dir():
        return [], []
    context = CheckContext(borough, today, known_slugs(borough))
    published, errors = [], []
    for item in load_feedback(borough):
        found = [finding for finding in check_feedback_item(item, context)
                 if finding.severity is Severity.ERROR]
        if found:
            errors += found
        else:
            published.append(item)
    errors += unsafe_files([borough.feedback_dir], borough)
    return published, errors


def load_catalogue(borough: Borough, today: date, run_checks: bool = True,
                   paths: list[Path] | None = None) -> Catalogue:
    paths = offer_paths(borough) if paths is None else paths
    context = check_context(borough, today, paths)
    return assemble(borough, today, [examine(path, borough, today,
                                             context if run_checks else None) for path in paths])


def sort_key(name: str) -> str:
    """A to Z order as a reader expects it: 'The Bridge Centre' under B."""
    lowered = name.casefold().strip()
    return lowered[4:] if lowered.startswith("the ") else lowered


def _images(folder: Path) -> list[Path]:
    """The pictures beside an offer: ordinary files whose real path is in its folder (a link
    could publish any file of the build machine)."""
    if folder.is_symlink() or not folder.is_dir():  # a new offer, not saved yet
        return []
    return sorted(path for path in folder.iterdir()
                  if path.suffix.lower() in IMAGE_SUFFIXES and is_regular_file_inside(path, folder))
