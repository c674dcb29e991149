"""Translations: `offers/<slug>/offer.<lang>.md` follows its English offer question by question,
holds no facts of its own, is as safe as an offer, and says when it is out of date.

The headings are translated, so questions are compared by position: the same number of
`##` sections, in the same order, each with the same number of `###` sub-headings.
"""
from __future__ import annotations

from typing import Iterator

from localoffer.checks import safety
from localoffer.checks.base import error, warning
from localoffer.checks.runner import CheckContext
from localoffer.checks.translation_state import EnglishVersions, Freshness

__all__ = ["EnglishVersions", "RULES", "check_translation"]
from localoffer.model import Finding, Offer, Section
from localoffer.model.markdown import content_lines, parse_heading
from localoffer.model.translation import Translation, language_of, translation_tag
from localoffer.model.frontmatter import as_date

RULES = {
    "translation/language": "A translation's file name is not offer.<language>.md with a known "
                            "BCP 47 language code (ur, pl, pa-Arab, ...).",
    "translation/fact": "A translation's front-matter gives a fact (name, address, dates, ...): "
                        "facts come only from the English offer.",
    "translation/details": "A translation does not say which English version it translates "
                           "(translated_from) or who translated it (translated_by).",
    "translation/no-english": "A translation whose setting has no readable English offer.md.",
    "translation/sections": "A translation does not have the English offer's sections, in the "
                            "same order (compared by position: ## and ### headings).",
    "translation/empty": "A section of a translation with no translated text, where the English "
                         "has an answer.",
    "translation/stale": "The English offer changed after the version the translation was made "
                         "from (a warning).",
}


def check_translation(translation: Translation, english: Offer | None, context: CheckContext,
                      versions: EnglishVersions) -> list[Finding]:
    """Every finding for one translation, in file order."""
    document = translation.document
    if not document.readable:
        return sorted(document.problems)
    findings = list(document.problems)
    findings.extend(_language(translation))
    findings.extend(_details(translation))
    findings.extend(safety.check(document, context))
    if english is None or not english.readable:
        findings.append(error(document, 1, "translation/no-english",
                              "This translation has no English offer to follow: its folder "
                              "needs a readable offer.md. Translate an existing offer, in its "
                              "own folder."))
    else:
        findings.extend(_sections(document, english))
        findings.extend(_freshness(translation, english, versions))
    return sorted(set(findings), key=lambda item: (item.line, item.rule, item.message))


def _language(translation: Translation) -> Iterator[Finding]:
    document = translation.document
    tag = translation_tag(translation.path.name)
    if tag is None or language_of(tag) is None:
        yield error(document, 1, "translation/language",
                    f"'{translation.path.name}' does not name a language. Call a translation "
                    "offer.<code>.md, with the language's code: offer.ur.md (Urdu), offer.pl.md "
                    "(Polish), offer.ar.md (Arabic), offer.bn.md (Bengali), offer.so.md "
                    "(Somali), offer.pa.md (Punjabi).")
        return
    stated = document.get("language")
    if stated is not None and str(stated).strip().lower() != tag.lower():
        yield error(document, document.line_of("language"), "translation/language",
                    f"'language: {stated}' does not match the file name, which says '{tag}'. "
                    "Delete this line (the file name is enough) or rename the file.")


def _details(translation: Translation) -> Iterator[Finding]:
    document = translation.document
    for key in translation.fact_keys():
        yield error(document, document.line_of(key), "translation/fact",
                    f"'{key}' is a fact about the setting, and facts come only from the "
                    "English offer.md, so that every language says the same. Delete this line "
                    "here (a translation's details are only translated_from and translated_by).")
    raw = document.get("translated_from")
    if raw is None:
        yield error(document, 1, "translation/details",
                    "Add 'translated_from:' with the English version you translated: its "
                    "last_reviewed date (such as 2026-10-14) or the commit it was in.")
    elif as_date(raw) is None and translation.translated_from_commit is None:
        yield error(document, document.line_of("translated_from"), "translation/details",
                    f"'translated_from: {raw}' is neither a date (such as 2026-10-14, the "
                    "English offer's last_reviewed) nor a commit (such as 4f2a9c1, in quotes).")
    if not translation.translated_by:
        yield error(document, document.line_of("translated_by") if document.get(
                        "translated_by") is not None else 1, "translation/details",
                    "Add 'translated_by:' with who translated it (a name, or 'Demonstration "
                    "translation'), so readers and reviewers know a person wrote it.")


def _sections(document: Offer, english: Offer) -> Iterator[Finding]:
    ours, theirs = document.sections, english.sections
    for position, (section, original) in enumerate(zip(ours, theirs), start=1):
        if _sub_headings(section) != _sub_headings(original):
            yield error(document, section.line, "translation/sections",
                        f"Section {position} has {_sub_headings(section)} sub-heading(s) (###), "
                        f"but the English section it translates ('{original.heading}') has "
                        f"{_sub_headings(original)}. Translate the English section as it is.")
        if original.text.strip() and not _has_text(section):
            yield error(document, section.line, "translation/empty",
                        f"Section {position} has no translated text. Translate the English "
                        f"answer to '{original.heading}' under this heading.")
    if len(ours) != len(theirs):
        missing = len(ours) < len(theirs)
        first = theirs[len(ours)] if missing else None
        line = ours[-1].line if ours else document.body_start
        where = (f" The first English section without a translation is number {len(ours) + 1}: "
                 f"'{first.heading}'." if first is not None else
                 f" Section {len(theirs) + 1} onwards has no English to translate.")
        yield error(document, line, "translation/sections",
                    f"This translation has {len(ours)} section(s) (## headings) and the English "
                    f"offer has {len(theirs)}: a translation follows the English question by "
                    f"question, in the same order.{where} Run 'localoffer new --translation' "
                    "for a skeleton with every English section.")


def _sub_headings(section: Section) -> int:
    count = 0
    for number, line in content_lines(section.text.split("\n"), section.body_start):
        heading = parse_heading(line, number)
        if heading is not None and heading.level >= 3:
            count += 1
    return count


def _has_text(section: Section) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#")
               for line in section.text.split("\n"))


def _freshness(translation: Translation, english: Offer,
               versions: EnglishVersions) -> Iterator[Finding]:
    document = translation.document
    state = versions.state(translation, english)
    line = document.line_of("translated_from")
    if state.freshness is Freshness.STALE:
        yield warning(document, line, "translation/stale",
                      f"This translation is out of date: {state.reason}. Ask the translator "
                      "to update it from the English, then set translated_from to the English "
                      "offer's new last_reviewed date. Until then the website tells readers the "
                      "translation is older than the English page.")
    elif state.freshness is Freshness.UNKNOWN and document.get("translated_from") is not None \
            and translation.translated_from_commit is not None:
        yield warning(document, line, "translation/stale",
                      f"It cannot be told whether this translation is up to date: "
                      f"{state.reason}. Use the English offer's last_reviewed date instead.")
