"""Plain English: answers a parent can read, without unexplained abbreviations or padding."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from localoffer.checks.base import warning
from localoffer.checks.runner import CheckContext
from localoffer.model import Finding, Offer, Section
from localoffer.text.readability import TextStats, text_stats

RULES = {
    "plain-english/readability": "An answer whose reading ease is below the borough's minimum "
                                 "(a warning).",
    "plain-english/jargon": "An abbreviation used without being explained at its first use, "
                            "and not in the borough's glossary (a warning).",
    "plain-english/too-long": "An answer longer than the borough's word limit (a warning).",
}

# Words in capitals that are everyday English, not jargon; and placeholders, which
# sections/empty reports.
_EVERYDAY = frozenset({"OK", "TV", "AM", "PM", "TODO", "TBC", "TBA", "XXX", "FAQ", "PC", "ID",
                       "DVD", "CD", "USB", "UK"})
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# What a reader does not read as words: link addresses, HTML tags, web and email addresses,
# code. Each comes with a cheap test that says whether a line can hold it at all. (Each
# expression stops at the next character that could start it again, so a long line cannot
# make the search slow.)
_NOT_PROSE = (
    ("](", re.compile(r"\]\([^()\n]*\)")),
    ("<", re.compile(r"<[^<>\n]*>")),
    ("://", re.compile(r"https?://\S+")),
    ("www.", re.compile(r"www\.\S+")),
    ("@", re.compile(r"(?<!\S)[^\s@]+@\S+")),
    ("`", re.compile(r"`[^`]*`")),
)
# A word of letters starting with two capitals, perhaps with one small letter between them:
# EHCP, SALT, SpLD, DfE, SENCo (and McDonald, sifted out by `abbreviation`). It starts with
# a capital so that the search can skip quickly over ordinary words.
_CAPITALS = re.compile(r"[A-Z](?<![A-Za-z0-9].)[a-z]?[A-Z][A-Za-z]*(?![A-Za-z0-9])")
_BRACKET_AFTER = re.compile(r"^\s*\)")
# "SALT (speech and language therapy)", "SALT stands for ...", "SALT means ..."
_EXPLAINED_AFTER = re.compile(
    r"^(?:'?s)?\s*(?:\(\s*[A-Za-z]|,?\s+(?:which\s+)?(?:stands\s+for|means|is\s+short\s+for)\b)")


def check(offer: Offer, context: CheckContext) -> Iterator[Finding]:
    borough = context.borough
    for section in offer.sections:
        count = section.word_count
        if count > borough.word_limit:
            yield warning(offer, section.line, "plain-english/too-long",
                          f"This answer has {count:,} words; the borough's limit is "
                          f"{borough.word_limit:,}. Parents often read on a phone: keep to what "
                          "they need to know, and link to your policies for the detail.")
        prose = prose_stats(section)
        if prose.words >= borough.min_words_to_score:
            score = prose.reading_ease
            if score is not None and score < borough.reading_ease_min:
                yield warning(offer, section.line, "plain-english/readability",
                              f"This answer is hard to read: its reading ease is {score:.0f}, "
                              f"and the borough asks for at least {borough.reading_ease_min:g}. "
                              "Use shorter sentences (about 15 words) and shorter, everyday "
                              "words, for example 'help' rather than 'intervention'.")
    known = frozenset(key.upper() for key in borough.glossary) | own_names(offer.name)
    yield from _jargon(offer, known)


# Lines a reader does not read as sentences: list items, table rows, sub-headings, and short
# lines without a full stop (a job title, "Mrs A Khan, SENCO", a need's name).
_LIST_OR_TABLE = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s|\d+[.)]\s|\|)")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")
_SHORT_LINE_WORDS = 8


def prose_stats(section: Section) -> TextStats:
    """Words, sentences and syllables of the section's prose: the paragraphs of sentences.
    Readability is measured on these, never on a list of need names or of job titles."""
    lines = section.text.split("\n")
    # The cheapest test first: a file of short lines fails it at once.
    if all(_SENTENCE_END.search(line) or not line.strip() or len(line.split()) > _SHORT_LINE_WORDS
           for line in lines) and not any(_LIST_OR_TABLE.match(line) or _HEADING.match(line)
                                          for line in lines):
        return section.stats  # all prose already: the cached statistics
    kept = [line for line in lines if line.strip()
            and (_SENTENCE_END.search(line) or len(line.split()) > _SHORT_LINE_WORDS)
            and not _LIST_OR_TABLE.match(line) and not _HEADING.match(line)]
    return text_stats("\n".join(kept))


_NAME_WORD = re.compile(r"[A-Za-z][\w'’]*")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "at", "on", "&"})


def own_names(name: str) -> frozenset[str]:
    """The setting's own name is not jargon: its capitalised words (KEYS Academy) and its
    initials, with and without the small words (East Kent College: EKC)."""
    words = _NAME_WORD.findall(name)
    found = {word.upper() for word in words if abbreviation(word)}
    big = [word for word in words if word.lower() not in _SMALL_WORDS]
    found.add("".join(word[0] for word in big).upper())
    found.add("".join(word[0] for word in words).upper())
    # The initials without the kind of setting: East Kent College is also "EK".
    if len(big) > 2:
        found.add("".join(word[0] for word in big[:-1]).upper())
    return frozenset(item for item in found if len(item) >= 2)


# A line of capitalised words only (a motto, "ASPIRE BELIEVE ACHIEVE", or a shouted title).
_ALL_CAPS_LINE = re.compile(r"^[\W\d_]*(?:[A-Z][A-Z'’]+[\W\d_]+){2,}[A-Z][A-Z'’]*[\W\d_]*$")
# A line that is only the term, as a list item, bold or a sub-heading: "**ELSA**", "- THRIVE:".
_TERM_LINE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?([A-Za-z]+)(?:\*\*|__)?\s*[:\-–]?\s*$")


def _explained_on_next_lines(lines: list[tuple[int, str]], index: int, word: str) -> bool:
    """A term alone on its line (or before a colon) with the explanation on the lines after:
    "ELSA" then "Our emotional literacy support assistant meets children each week"."""
    line = lines[index][1]
    alone = _TERM_LINE.match(line)
    colon = re.match(rf"^\s*(?:[-*+]\s+)?(?:\*\*|__)?{re.escape(word)}(?:\*\*|__)?\s*[:\-–]\s+\S",
                     line)
    if colon:
        return True
    if not alone or alone.group(1) != word:
        return False
    following = next((text for _, text in lines[index + 1:index + 4] if text.strip()), "")
    return len(following.split()) >= 4


def _jargon(offer: Offer, glossary: frozenset[str]) -> Iterator[Finding]:
    seen: set[str] = set()
    lines = offer.readable_lines
    for index, (number, line) in enumerate(lines):
        # Most lines have no capital letters after the first: no abbreviation to look for.
        if not line or line[1:].lower() == line[1:] or _HEADING.match(line) \
                or _ALL_CAPS_LINE.match(line):
            continue
        prose = line
        for hint, pattern in _NOT_PROSE:
            if hint in prose:
                prose = pattern.sub(" ", prose)
        for match in _CAPITALS.finditer(prose):
            key = abbreviation(match.group(0))
            if key is None or key in seen:
                continue
            seen.add(key)
            if key in glossary or _explained(prose, match.start(), match.end()) or \
                    _explained_on_next_lines(lines, index, match.group(0)):
                continue
            yield warning(offer, number, "plain-english/jargon",
                          f"Parents may not know what {match.group(0)} means. Explain it the "
                          f"first time you use it, for example 'the words in full "
                          f"({match.group(0)})', or ask the Local Offer team to add it to the "
                          "borough's glossary. If it is not an abbreviation, write it in "
                          "lower case.")


@lru_cache(maxsize=16384)
def abbreviation(word: str) -> str | None:
    """The abbreviation a word is (EHCPs -> EHCP), or None for ordinary words like McDonald."""
    # A plural: EHCPs -> EHCP, SENCos -> SENCO, FAQs -> FAQ.
    if len(word) > 2 and word.endswith("s") and sum(1 for c in word[:-1] if c.isupper()) >= 2:
        word = word[:-1]
    capitals = sum(1 for letter in word if letter.isupper())
    if capitals < 2 or capitals < len(word) - capitals or word.upper() in _EVERYDAY:
        return None
    return word.upper()


def _explained(line: str, start: int, end: int) -> bool:
    after = line[end:end + 40]
    if _EXPLAINED_AFTER.match(after):
        return True
    # "speech and language therapy (SALT)": the abbreviation in brackets after the words.
    before = line[:start].rstrip()
    return before.endswith("(") and bool(before[:-1].strip()) and bool(_BRACKET_AFTER.match(after))
