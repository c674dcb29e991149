"""Safe fixes: changes to an offer that need no guessing, and keep every word the author wrote.

- front-matter keys in the documented order (model/schema.py), each mapping's own keys too;
- values that must be text but were read as numbers or dates (a URN, a phone number with its
  leading 0) put in quotes exactly as written;
- review dates written the UK way ("12/09/2026", "12 September 2026") written as 2026-09-12;
- trailing spaces and tabs removed (a Markdown line break, two spaces before the next line of
  the same paragraph, is kept);
- the sections a setting type must have but the offer lacks added, empty, in question-set order,
  with the question's guidance as a comment.

The front-matter is rewritten with ruamel.yaml's round trip, which keeps comments and quoting.
Before a rewritten front-matter is used, it is read back: if any comment or word is missing, or
a value changed that was not meant to, the front-matter is left exactly as it was.
"""
from __future__ import annotations

import calendar
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from localoffer.authoring.guidance import section_lines
from localoffer.borough import Borough, Question, QuestionSet
from localoffer.checks.sections import question_for_area
from localoffer.model import Offer, parse_offer
from localoffer.model.frontmatter import FrontMatterError, parse_front_matter, split_front_matter
from localoffer.model.markdown import lines_inside_comments
from localoffer.model.schema import FRONT_MATTER_FIELDS, Field

# Field kinds whose values are text, even when they look like numbers or dates.
TEXT_KINDS = frozenset({"text", "urn", "ukprn", "postcode", "email", "phone", "website"})

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WORDY_DATE = re.compile(r"(?:([A-Za-z]+),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})",
                         re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_TRAILING = re.compile(r"[ \t]+$")
_HARD_BREAK = re.compile(r"\S {2,}$")
# A heading starts a block of its own, so spaces before it break no line (and `fix` may put a
# missing section there, after which a second `fix` would remove them).
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")


@dataclass
class FixResult:
    """The fixed text, and one plain-English line for each kind of fix made."""

    text: str
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def uk_date(text: str) -> date | None:
    """A date written the UK way, day first ("12/09/2026", "12 Sept 2026", "Saturday 12th
    September 2026") or as YYYY-MM-DD; None for anything that could be read two ways (a
    2-digit year), is not a real date, or names the wrong day of the week."""
    text = text.strip()
    try:
        if match := _ISO_DATE.fullmatch(text):
            return date(*map(int, match.groups()))
        if match := _NUMERIC_DATE.fullmatch(text):
            return date(int(match.group(4)), int(match.group(3)), int(match.group(1)))
        if match := _WORDY_DATE.fullmatch(text):
            weekday, day, month, year = match.groups()
            if month.lower() not in _MONTHS:
                return None
            found = date(int(year), _MONTHS[month.lower()], int(day))
            if weekday is not None and _WEEKDAYS.get(weekday.lower()) != found.weekday():
                return None
            return found
    except ValueError:
        return None
    return None


def fix_text(text: str, borough: Borough) -> FixResult:
    """Apply every safe fix to the text of one offer."""
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    working = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = FixResult(working)
    _fix_front_matter(result, borough)
    _fix_whitespace(result)
    _add_missing_sections(result, borough)
    fixed = bom + result.text.replace("\n", newline)
    if fixed == text:
        result.changes = []
    result.text = fixed
    return result


# Front-matter -----------------------------------------------------------------------------------

def _round_trip(indent: tuple[int, int, int] = (2, 2, 0)) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    yaml.width = 4096  # never fold a long line the author wrote on one line
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _fix_front_matter(result: FixResult, borough: Borough) -> None:
    try:
        # What the checks' reader refuses (tags, aliases, nesting) is left alone; ruamel.yaml
        # also stops on values the checks read as text, such as the date 2027-02-30.
        parse_front_matter(result.text)
        yaml_text, _close, body_start = split_front_matter(result.text)
        data = _round_trip().load(yaml_text)
    except (FrontMatterError, YAMLError, ValueError, OverflowError, RecursionError):
        return  # the check reports it; there is nothing safe to do
    if not isinstance(data, CommentedMap):
        return
    source = yaml_text.split("\n")
    changes: list[str] = []
    changes += _write_dates(data)
    changes += _quote_text_values(data, FRONT_MATTER_FIELDS, source, prefix="")
    changes += _put_keys_in_order(data)
    if not changes:
        return
    out = io.StringIO()
    yaml = _round_trip(_guess_indent(source))
    yaml.dump(data, out)
    new_yaml = out.getvalue()
    if not _keeps_everything(yaml_text, new_yaml, yaml):
        return
    lines = result.text.split("\n")
    result.text = "\n".join(["---", *new_yaml.rstrip("\n").split("\n"), lines[body_start - 2],
                             *lines[body_start - 1:]])
    result.changes += changes


def _write_dates(data: CommentedMap) -> list[str]:
    changes = []
    for key, spec in FRONT_MATTER_FIELDS.items():
        value = data.get(key)
        if spec.kind != "date" or not isinstance(value, str):
            continue
        found = uk_date(value)
        if found is not None:
            data[key] = found
            changes.append(f"wrote {key} as {found.isoformat()} (it was '{value.strip()}')")
    return changes


def _quote_text_values(data: CommentedMap, fields: dict[str, Field], source: list[str],
                       prefix: str) -> list[str]:
    """Put values that must be text in quotes, exactly as the author typed them."""
    changes = []
    for key, spec in fields.items():
        if key not in data:
            continue
        value = data[key]
        if spec.fields and isinstance(value, CommentedMap):
            changes += _quote_text_values(value, spec.subfields, source, f"{prefix}{key}.")
            continue
        if spec.kind not in TEXT_KINDS or not _is_plain_scalar(value):
            continue
        typed = _typed_text(data, key, source)
        if typed is not None:
            data[key] = DoubleQuotedScalarString(typed)
            changes.append(f"put {prefix}{key} in quotes, so it is read as text: \"{typed}\"")
    return changes


def _is_plain_scalar(value: Any) -> bool:
    return isinstance(value, (bool, int, float, date, datetime))


def _typed_text(data: CommentedMap, key: str, source: list[str]) -> str | None:
    """The value of `key` exactly as typed, when it sits on one line and reads back the same."""
    try:
        line, column = data.lc.value(key)
    except (KeyError, TypeError, AttributeError):
        return None
    if line >= len(source):
        return None
    typed = re.split(r"\s+#", source[line][column:], maxsplit=1)[0].strip()
    if not typed or typed[0] in "\"'&*!|>[{":
        return None
    try:
        again = _round_trip().load(f"value: {typed}\n")
    except YAMLError:
        return None
    return typed if isinstance(again, CommentedMap) and again.get("value") == data[key] else None


def _put_keys_in_order(data: CommentedMap) -> list[str]:
    changes = []
    if _reorder(data, FRONT_MATTER_FIELDS):
        changes.append("put the front-matter keys in the usual order")
    for key, spec in FRONT_MATTER_FIELDS.items():
        nested = data.get(key)
        if spec.fields and isinstance(nested, CommentedMap) and _reorder(nested, spec.subfields):
            changes.append(f"put the keys under {key} in the usual order")
    return changes


def _reorder(mapping: CommentedMap, fields: dict[str, Field]) -> bool:
    """Known keys in the documented order, then any others in the order they were written."""
    rank = {key: index for index, key in enumerate(fields)}
    current = list(mapping)
    wanted = sorted(current, key=lambda key: (rank.get(key, len(rank)), current.index(key)))
    if wanted == current:
        return False
    _comments_travel_with_the_key_below(mapping, current)
    for key in wanted:
        mapping.move_to_end(key)
    return True


def _comments_travel_with_the_key_below(mapping: CommentedMap, keys: list[str]) -> None:
    """ruamel.yaml files a comment on its own line under the key above it; a person writes it
    about the key below. Before keys move, hand such lines to the key below, so that
    '# Our SENCO since 2024' stays above 'senco:'. (Comments after a nested block belong to
    its last line inside, and move with the block.)"""
    for key, below in zip(keys, keys[1:]):
        slots = mapping.ca.items.get(key)
        token = slots[2] if slots and len(slots) > 2 else None
        if not isinstance(token, CommentToken):
            continue
        end_of_line, _, lines = token.value.partition("\n")
        if not lines:
            continue
        token.value = end_of_line + "\n"
        if not end_of_line:
            slots[2] = None
        before = [CommentToken(line + "\n", CommentMark(0)) for line in lines.split("\n")[:-1]]
        below_slots = mapping.ca.items.setdefault(below, [None, None, None, None])
        below_slots[1] = before + list(below_slots[1] or [])


def _guess_indent(source: list[str]) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation as the author wrote it, so only what is fixed
    changes: the first nested mapping and the first block list under a key."""
    mapping, sequence, offset = 0, 0, -1
    parent: int | None = None
    for raw in source:
        line = re.split(r"\s+#", raw, maxsplit=1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.lstrip(" ")
        if parent is not None and indent > parent:
            if body.startswith("- ") and offset < 0:
                offset = indent - parent
                sequence = offset + 1 + len(body[1:]) - len(body[1:].lstrip(" "))
            elif not body.startswith("-") and not mapping:
                mapping = indent - parent
        parent = indent if line.endswith(":") else None
    mapping = mapping or 2
    if offset < 0:
        offset, sequence = 0, mapping
    return mapping, max(sequence, offset + 2), offset


def _keeps_everything(before: str, after: str, yaml: YAML) -> bool:
    """True when `after` keeps every comment and word of `before` (dates may be rewritten:
    their words are compared as dates), and reads back with the same keys."""
    try:
        old, new = yaml.load(before), yaml.load(after)
    except YAMLError:
        return False
    if not isinstance(new, CommentedMap) or not _same_value(old, new):
        return False
    rewritten = Counter(word for key in FRONT_MATTER_FIELDS
                        if FRONT_MATTER_FIELDS[key].kind == "date" and isinstance(old.get(key), str)
                        for word in _WORD.findall(old[key]))
    missing = Counter(_WORD.findall(before)) - Counter(_WORD.findall(after)) - rewritten
    return not missing and _comments(before) <= _comments(after)


def _same_value(old: Any, new: Any, field: Field | None = None) -> bool:
    """True when `new` holds what `old` held: the same keys in any order, a date rewritten as
    the same day, a number or date put in quotes exactly as it was typed."""
    if isinstance(old, dict):
        fields = field.subfields if field is not None else FRONT_MATTER_FIELDS
        return (isinstance(new, dict) and set(old) == set(new)
                and all(_same_value(old[key], new[key], fields.get(key)) for key in old))
    if isinstance(old, list):
        return (isinstance(new, list) and len(old) == len(new)
                and all(_same_value(a, b) for a, b in zip(old, new)))
    if field is not None and field.kind == "date" and isinstance(old, str):
        return new == old or (isinstance(new, date) and new == uk_date(old))
    if _is_plain_scalar(old) and isinstance(new, str) and type(old) is not type(new):
        try:
            return _round_trip().load(f"value: {new}\n")["value"] == old
        except YAMLError:
            return False
    same_kind = type(old) is type(new) or (isinstance(old, str) and isinstance(new, str))
    return same_kind and old == new


def _comments(yaml_text: str) -> Counter[str]:
    """Every comment's text. Over-counts '#' inside quoted values, which is harmless here:
    those values are kept too."""
    return Counter(part.strip() for line in yaml_text.split("\n")
                   for part in re.findall(r"(?:^|\s)(#.*)$", line))


# Whitespace -------------------------------------------------------------------------------------

def _fix_whitespace(result: FixResult) -> None:
    lines = result.text.split("\n")
    body_start = _body_start(result.text)
    fixed, count = [], 0
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (index + 1 >= body_start and _HARD_BREAK.search(line) and following.strip()
                and not _ATX_HEADING.match(following)):
            new = line.rstrip(" ") + "  "  # a Markdown line break: two spaces, kept
        else:
            new = _TRAILING.sub("", line)
        count += new != line
        fixed.append(new)
    while len(fixed) > 1 and not fixed[-1] and not fixed[-2]:
        fixed.pop()
        count += 1
    if fixed and fixed[-1]:
        fixed.append("")  # end with one newline
        count += 1
    if count:
        result.text = "\n".join(fixed)
        result.changes.append("removed spaces at the ends of lines and blank lines at the end")


def _body_start(text: str) -> int:
    try:
        return split_front_matter(text)[2]
    except FrontMatterError:
        return 1


# Missing sections -------------------------------------------------------------------------------

def _add_missing_sections(result: FixResult, borough: Borough) -> None:
    """Add the missing sections, round after round: a section that could not go where it
    belongs (at the end of a file whose comment is never closed, say) may have a place once
    the others are in, and a second `fix` must find nothing left to add."""
    added: list[Question] = []
    while True:
        more = _add_missing_sections_once(result, borough)
        if not more:
            break
        added += more  # each round adds questions still missing: the rounds end
    result.changes += [f"added an empty section for you to answer: ## {question.text}"
                       for question in added]


def _add_missing_sections_once(result: FixResult, borough: Borough) -> list[Question]:
    """One round: the questions added (each round adds at least one, or none at all)."""
    offer = _parsed(result.text, borough)
    question_set = _question_set(offer, borough)
    if question_set is None or not offer.readable:
        return []  # without a known type and question set, which sections are missing is a guess
    missing = missing_questions(offer, question_set, borough)
    if not missing:
        return []
    lines = result.text.split("\n")
    order = {question.id: index for index, question in enumerate(question_set.questions)}
    inserts: dict[int, list[Question]] = {}
    for question in missing:
        inserts.setdefault(_insert_before(offer, order, order[question.id], len(lines)),
                           []).append(question)
    # Never inside the author's comment: the guidance's own '-->' would end it early and
    # publish what was hidden. (Only at the end of a file whose comment is never closed: every
    # other place is before a heading a reader sees.)
    hidden = lines_inside_comments(result.text)
    skipped = {before for before in inserts if _index_of(before, len(lines)) in hidden}
    text, added = _with_sections(lines, inserts, skipped, borough, question_set.audience)
    # A heading the reader of offers cannot see (at the end of a file whose code block is
    # never closed, say) would be added again by every later fix: leave those out.
    unseen = {question.id for question in missing_questions(_parsed(text, borough),
                                                             question_set, borough)}
    if unseen & added:
        skipped |= {before for before, questions in inserts.items()
                    if unseen.intersection(question.id for question in questions)}
        text, added = _with_sections(lines, inserts, skipped, borough, question_set.audience)
    result.text = text
    return [question for question in missing if question.id in added]


def _parsed(text: str, borough: Borough) -> Offer:
    return parse_offer(text.encode("utf-8", "surrogatepass"), borough,
                       Offer(path=Path("offer.md"), display_path="offer.md", slug="offer"))


def _index_of(before: int, line_count: int) -> int:
    """The 0-based index of the line a block goes before (the 1-based line `before`); at the
    end of the file, before the empty string that stands for the last newline."""
    return min(before - 1, line_count - 1)


def _with_sections(lines: list[str], inserts: dict[int, list[Question]], skipped: set[int],
                   borough: Borough, audience: str) -> tuple[str, set[str]]:
    """The text with each block of new sections put before its line (except those `skipped`),
    and the ids of the questions added."""
    lines = list(lines)
    added: set[str] = set()
    for before in sorted(inserts, reverse=True):
        if before in skipped:
            continue
        at = _index_of(before, len(lines))
        block: list[str] = []
        for question in inserts[before]:
            block += section_lines(question, borough, audience)
        if at >= len(lines) - 1:
            block = block[:-1]
        if at > 0 and lines[at - 1].strip():
            block.insert(0, "")
        lines[at:at] = block
        added.update(question.id for question in inserts[before])
    return "\n".join(lines), added


def _question_set(offer: Offer, borough: Borough) -> QuestionSet | None:
    kind = borough.setting_types.get(offer.setting_type or "")
    chosen = offer.get("question_set")
    if kind is None or not isinstance(chosen, (str, type(None))):
        return None
    return borough.question_sets.get(chosen or kind.question_set)


def missing_questions(offer: Offer, question_set: QuestionSet, borough: Borough) -> list[Question]:
    """The questions to add, in set order: for each area the offer's type requires and no
    heading covers, the question rule sections/missing names for it."""
    kind = borough.setting_types[offer.setting_type or ""]
    covered = {area for section in offer.sections for area in section.areas}
    chosen: list[Question] = []
    for area in kind.required_areas:
        question = None if area in covered else question_for_area(question_set, kind.id, area)
        if question is not None:
            covered.update(question.areas)
            chosen.append(question)
    order = {question.id: index for index, question in enumerate(question_set.questions)}
    return sorted(chosen, key=lambda question: order[question.id])


def _insert_before(offer: Offer, order: dict[str, int], position: int, line_count: int) -> int:
    """The 1-based line a new section for the question at `position` goes before: after the
    last section answering an earlier question, else before the first answering a later one."""
    mapped = [(order[s.question.id], index) for index, s in enumerate(offer.sections)
              if s.question is not None and s.question.id in order]
    earlier = [index for rank, index in mapped if rank < position]
    if earlier:
        following = max(earlier) + 1
        return offer.sections[following].line if following < len(offer.sections) else line_count + 1
    later = [index for rank, index in mapped if rank > position]
    if later:
        return offer.sections[min(later)].line
    return line_count + 1

