"""What changed between two versions of one offer, section by section, in words a reviewer reads.

Sections are matched by the question they answer (so a heading reworded to the same question
still counts as the same section), else by their {#area} attribute, else by their heading.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from localoffer.borough.questions import normalise
from localoffer.model import Offer, Section
from localoffer.text.readability import reading_ease

SNIPPET_WORDS = 8
MAX_SNIPPETS = 3


@dataclass
class FieldChange:
    key: str  # dotted for nested keys: senco.email
    old: str | None
    new: str | None

    def describe(self) -> str:
        if self.old is None:
            return f"{self.key}: added ({self.new})"
        if self.new is None:
            return f"{self.key}: removed (was {self.old})"
        return f"{self.key}: {self.old} → {self.new}"


@dataclass
class Rewording:
    heading: str
    old_heading: str
    words_added: int
    words_removed: int
    snippets: list[str] = field(default_factory=list)
    ease_before: float | None = None
    ease_after: float | None = None

    def describe(self) -> str:
        counts = []
        if self.words_added:
            counts.append(f"{self.words_added} word{'s' if self.words_added != 1 else ''} added")
        if self.words_removed:
            counts.append(f"{self.words_removed} word{'s' if self.words_removed != 1 else ''} "
                          "removed")
        text = ", ".join(counts) or "layout or punctuation only"
        if self.old_heading != self.heading:
            text = f'heading was "{self.old_heading}"; ' + text
        return text


@dataclass
class OfferComparison:
    old_exists: bool
    new_exists: bool
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reworded: list[Rewording] = field(default_factory=list)
    unchanged: int = 0
    fields: list[FieldChange] = field(default_factory=list)
    introduction: Rewording | None = None
    ease_before: float | None = None
    ease_after: float | None = None

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.reworded or self.fields
                    or self.introduction or self.old_exists != self.new_exists)

    def short(self) -> str:
        """One line, for a history entry: 'reworded "A"; added "B"; details: next_review'."""
        if not self.old_exists and self.new_exists:
            return f"offer created with {len(self.added)} sections"
        if self.old_exists and not self.new_exists:
            return "offer removed"
        parts = []
        parts += [f'added "{heading}"' for heading in self.added]
        parts += [f'removed "{heading}"' for heading in self.removed]
        parts += [f'reworded "{item.heading}"' for item in self.reworded]
        if self.introduction:
            parts.append("reworded the introduction")
        if self.fields:
            parts.append("details changed: " + ", ".join(item.key for item in self.fields))
        return "; ".join(parts) or "no change to the words"

    def as_dict(self) -> dict[str, Any]:
        return {
            "old_exists": self.old_exists,
            "new_exists": self.new_exists,
            "sections_added": self.added,
            "sections_removed": self.removed,
            "sections_reworded": [
                {"heading": item.heading, "old_heading": item.old_heading,
                 "words_added": item.words_added, "words_removed": item.words_removed,
                 "changes": item.snippets, "reading_ease_before": _round(item.ease_before),
                 "reading_ease_after": _round(item.ease_after)} for item in self.reworded],
            "sections_unchanged": self.unchanged,
            "introduction_reworded": self.introduction is not None,
            "fields_changed": [{"field": item.key, "old": item.old, "new": item.new}
                               for item in self.fields],
            "reading_ease_before": _round(self.ease_before),
            "reading_ease_after": _round(self.ease_after),
        }


def compare_offers(old: Offer | None, new: Offer | None) -> OfferComparison:
    """Compare two parsed versions of an offer; either may be None (created or removed)."""
    old = old if old is not None and old.readable else None
    new = new if new is not None and new.readable else None
    result = OfferComparison(old_exists=old is not None, new_exists=new is not None)
    old_sections = _keyed(old.sections) if old else {}
    new_sections = _keyed(new.sections) if new else {}
    for key, section in new_sections.items():
        before = old_sections.get(key)
        if before is None:
            result.added.append(section.heading)
            continue
        rewording = _reword(before.heading, before.text, section.heading, section.text)
        if rewording is None:
            result.unchanged += 1
        else:
            result.reworded.append(rewording)
    result.removed = [section.heading for key, section in old_sections.items()
                      if key not in new_sections]
    if old and new:
        result.introduction = _reword("Introduction", old.intro_text, "Introduction",
                                      new.intro_text)
    result.fields = _field_changes(old.front_matter.data if old and old.front_matter else {},
                                   new.front_matter.data if new and new.front_matter else {})
    result.ease_before = _offer_ease(old)
    result.ease_after = _offer_ease(new)
    return result


def _key(section: Section) -> str:
    if section.question is not None:
        return f"question:{section.question.id}"
    if section.anchor:
        return f"area:{section.anchor}"
    return f"heading:{normalise(section.heading)}"


def _keyed(sections: list[Section]) -> dict[str, Section]:
    keyed: dict[str, Section] = {}
    for section in sections:
        key, number = _key(section), 1
        while key in keyed:  # a repeated section: match the second with the second
            number += 1
            key = f"{_key(section)}#{number}"
        keyed[key] = section
    return keyed


def _reword(old_heading: str, old_text: str, new_heading: str, new_text: str) -> Rewording | None:
    old_words, new_words = old_text.split(), new_text.split()
    if old_words == new_words and old_heading == new_heading:
        return None
    rewording = Rewording(new_heading, old_heading, 0, 0)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = old_words[old_start:old_end], new_words[new_start:new_end]
        rewording.words_removed += len(removed)
        rewording.words_added += len(added)
        if len(rewording.snippets) < MAX_SNIPPETS:
            if tag == "replace":
                rewording.snippets.append(f'"{_clip(removed)}" → "{_clip(added)}"')
            elif tag == "insert":
                rewording.snippets.append(f'added "{_clip(added)}"')
            else:
                rewording.snippets.append(f'removed "{_clip(removed)}"')
    if old_words != new_words:
        rewording.ease_before = reading_ease(old_text)
        rewording.ease_after = reading_ease(new_text)
    return rewording


def _clip(words: list[str]) -> str:
    if len(words) <= SNIPPET_WORDS:
        return " ".join(words)
    return " ".join(words[:SNIPPET_WORDS]) + " …"


def _flatten(data: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(data, dict):
        flat: dict[str, str] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): _show(data)}


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "(empty)"
    return str(value)


def _field_changes(old: Any, new: Any) -> list[FieldChange]:
    before, after = _flatten(old), _flatten(new)
    changes = []
    for key in list(dict.fromkeys([*before, *after])):
        if before.get(key) != after.get(key):
            changes.append(FieldChange(key, before.get(key), after.get(key)))
    return changes


def _offer_ease(offer: Offer | None) -> float | None:
    if offer is None:
        return None
    return reading_ease("\n\n".join([offer.intro_text, *(s.text for s in offer.sections)]))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
