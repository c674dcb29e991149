"""Question sets, and matching an offer's headings to their questions and areas.

One scorer (`QuestionSet.ranked`) decides both whether a heading is a question (`match`, used
by the offer model, so by `check` and the site) and which question to suggest for a heading
that is not (`suggest`, the "did you mean" of `check`), and where `localoffer import` puts a
setting's own sections. A heading is compared with each question's own text and with its other
wordings: the packaged ones in data/heading_wordings.yml (statutory and Code of Practice
wording, and the ways settings write it), the other question sets' questions for the same
area, and the borough's own (`heading_wordings:` in localoffer.yml).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field


# The heading under which an offer keeps what answers none of the questions (where
# `localoffer import` puts such sections); `check` does not report it as unknown.
OTHER_INFORMATION = "Other information"

# How alike (0-100) a heading must be to one of a question's wordings to count as it.
MATCH_THRESHOLD = 85
# How alike it must be for `check` to suggest the question, and for `import` to place a section.
SUGGEST_THRESHOLD = 65

_ALTERNATIVES = [
    # "setting / school / college" and friends become one word, so a school may write "school".
    (re.compile(r"\b(?:early years setting|setting|school|college|nursery)"
                r"(?:\s*/\s*(?:early years setting|setting|school|college|nursery))+"), "setting"),
    (re.compile(r"\b(?:child(?:ren)?|young (?:person|people))(?:'s|’s)?"
                r"(?:\s*/\s*(?:child(?:ren)?|young (?:person|people))(?:'s|’s)?)+"), "child"),
    (re.compile(r"\b(?:school|college|nursery|pre-school|academy|centre)\b"), "setting"),
]
_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")

# Headings as settings number and word them: "1.", "Q3)", "2b:", "a)".
_NUMBERING = re.compile(r"^\s*(?:(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?\s*[.):\-–]?|[a-z][.)]|[ivx]{1,4}[.)])\s+")
_SAME_MEANING = [
    (re.compile(r"\b(?:special educational needs(?: and| /| and/or)? disabilit(?:y|ies) )?"
                r"co-?ordinators?\b|\bsen(?:d)?cos?\b|\bincos?\b"), "senco"),
    (re.compile(r"special educational needs?(?:(?: and| and/or| /|/| or) ?disabilit(?:y|ies))?|"
                r"\bsend\b|\bsen\b|\badditional (?:educational )?needs\b|\bspecial needs\b"),
     "send"),
    (re.compile(r"\b(?:child(?:ren)?|pupils?|students?|learners?|young (?:person|people)|"
                r"(?:your|my) (?:son|daughter))(?:'s|s')?(?=\W|$)"), "child"),
    (re.compile(r"\bparents?(?:(?: and|,| /|/| or) ?carers?)?\b|\bparent carers?\b|\bcarers?\b"),
     "parent"),
    (re.compile(r"\btypes?\b|\bsorts?\b"), "kind"),
]
_FILLER = frozenset(
    "a about am an and are as at be by can could do does for from has have how i if in is it "
    "its me my of on or our should that the their them there they this to us we what when "
    "where which who will with would you your".split())


def normalise(text: str) -> str:
    """Lower case, one spelling of 'setting'/'child', no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    for pattern, replacement in _ALTERNATIVES:
        text = pattern.sub(replacement, text)
    text = _NOT_WORD.sub(" ", text.replace("'s", "s"))
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class _Key:
    """A wording reduced for comparing: all of it, and the words that carry meaning."""

    whole: str
    words: frozenset[str]


def heading_key(text: str) -> _Key:
    """A heading or wording as the scorer compares it: numbering, case, 'SENDCo'/'SENCO',
    'pupils'/'students', 'parents and carers' and plural endings made alike."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").strip()
    text = _NUMBERING.sub("", text)
    for pattern, replacement in (*_SAME_MEANING, *_ALTERNATIVES):
        text = pattern.sub(replacement, text)
    whole = normalise(text)
    return _Key(whole, frozenset(_stem(word) for word in whole.split() if word not in _FILLER))


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class _Weights:
    """How much each word says about which question a heading asks: a word found in few
    wordings ("complaint") says more than one found in many ("child", "support")."""

    def __init__(self, keys: list[_Key]) -> None:
        counts: dict[str, int] = {}
        for key in keys:
            for word in key.words:
                counts[word] = counts.get(word, 0) + 1
        total = max(len(keys), 1)
        self._weight = {word: math.log((total + 1) / (count + 1)) + 0.2
                        for word, count in counts.items()}
        self._unknown = math.log(total + 1) + 0.2
        self._vocabulary = list(counts)
        self._spelling: dict[str, str] = {}

    def known(self, word: str) -> str:
        """The word as the wordings spell it, allowing a slip ("curriculm")."""
        if word in self._weight or len(word) < 5:
            return word
        if word not in self._spelling:
            # Imported here, as below: most headings need no fuzzy matching, and rapidfuzz's
            # import is a tenth of the pre-commit hook's start.
            from rapidfuzz import fuzz, process

            found = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio,
                                       score_cutoff=88)
            self._spelling[word] = found[0] if found else word
        return self._spelling[word]

    def of(self, words: frozenset[str]) -> float:
        return sum(self._weight.get(word, self._unknown) for word in words)


def similarity(heading: _Key, wording: _Key, weights: _Weights) -> float:
    """0-100: how alike a heading is to one wording of a question."""
    if heading.whole == wording.whole:
        return 100.0
    if not heading.words or not wording.words:
        # Nothing but common words ("How do we?"): only a near copy counts.
        from rapidfuzz import fuzz

        near = fuzz.ratio(heading.whole, wording.whole)
        return near if near >= 90 else 0.0
    shared = weights.of(heading.words & wording.words)
    both = weights.of(heading.words) + weights.of(wording.words)
    alike = 100 * 2 * shared / both if both else 0.0
    # A heading that says all of a wording and more ("Admissions and visits"), where the
    # wording says enough to tell questions apart (not just "child" and "support").
    telling = len(wording.words) >= 3 or (
        len(wording.words) == 2 and min(weights.of(frozenset([w])) for w in wording.words) >= 1.5)
    contained = 90 * shared / weights.of(wording.words) if telling else 0.0
    return max(alike, contained)


@dataclass(frozen=True)
class HeadingScore:
    """How well a heading matches one question, 0-100, and which wording it matched best."""

    question: Question
    score: float
    wording: str

    @property
    def sure(self) -> str:
        """'sure', 'likely' or 'unsure', as `localoffer import` reports it."""
        if self.score >= MATCH_THRESHOLD:
            return "sure"
        return "likely" if self.score >= 72 else "unsure"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    area: str
    also: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    borough: bool = False
    setting_types: tuple[str, ...] = ()  # empty: every type the set is for

    @property
    def areas(self) -> tuple[str, ...]:
        return (self.area, *self.also)

    def applies_to(self, setting_type: str) -> bool:
        return not self.setting_types or setting_type in self.setting_types


@dataclass
class QuestionSet:
    id: str
    title: str
    audience: str
    setting_types: tuple[str, ...]
    questions: list[Question]
    # Other wordings of each question, by question id (see the module's docstring).
    wordings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _keys: list[tuple[Question, str, _Key, bool]] = field(default_factory=list, repr=False,
                                                        compare=False)
    _weights: _Weights | None = field(default=None, repr=False, compare=False)
    # The questions of each reduced wording (_Key.whole), and of each set of its words.
    _exact: dict[str, list[Question]] = field(default_factory=dict, repr=False, compare=False)
    _same_words: dict[frozenset[str], list[Question]] = field(default_factory=dict, repr=False,
                                                              compare=False)
    # Headings already scored: thousands of offers repeat the same few dozen headings.
    _scored: dict[str, list[HeadingScore]] = field(default_factory=dict, repr=False,
                                                   compare=False)
    _matched: dict[str, Question | None] = field(default_factory=dict, repr=False,
                                                 compare=False)

    def __post_init__(self) -> None:
        self.add_wordings(self.wordings)

    def add_wordings(self, wordings: dict[str, tuple[str, ...]]) -> None:
        """Add other wordings of questions (by question id) to what the scorer compares."""
        merged = {key: tuple(value) for key, value in self.wordings.items()}
        for key, extra in wordings.items():
            merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *extra)))
        self.wordings = merged
        # The keys are made when a heading is first scored: loading a borough reads every
        # question set, and a check usually uses one (the pre-commit hook's start).
        self._keys = []
        self._weights = None
        self._exact = {}
        self._same_words = {}
        self._scored.clear()
        self._matched.clear()

    def _prepared(self) -> tuple[list[tuple[Question, str, _Key, bool]], _Weights]:
        if self._weights is None:
            keys: list[tuple[Question, str, _Key, bool]] = []
            for question in self.questions:
                keys.append((question, question.text, heading_key(question.text), True))
                keys.extend((question, wording, heading_key(wording), False)
                            for wording in self.wordings.get(question.id, ()))
            self._keys = keys
            self._weights = _Weights([key for _, _, key, _ in keys])
            for question, _, key, _ in keys:
                for index, value in ((self._exact, key.whole), (self._same_words, key.words)):
                    found = index.setdefault(value, []) if value else []  # type: ignore[attr-defined]
                    if value and question not in found:
                        found.append(question)
        return self._keys, self._weights

    def questions_for(self, setting_type: str) -> list[Question]:
        return [question for question in self.questions if question.applies_to(setting_type)]

    def ranked(self, heading: str, setting_type: str | None = None) -> list[HeadingScore]:
        """Every question with the heading's score for it, best first."""
        scores = self._scored.get(heading)
        if scores is None:
            if len(self._scored) >= 4096:
                self._scored.clear()
            scores = self._scored[heading] = self._score(heading)
        if setting_type is None:
            return scores
        return [score for score in scores if score.question.applies_to(setting_type)]

    def _score(self, heading: str) -> list[HeadingScore]:
        keys, weights = self._prepared()
        key = heading_key(heading)
        if not key.whole:
            return []
        key = _Key(key.whole, frozenset(weights.known(word) for word in key.words))
        best: dict[str, tuple[float, str]] = {}
        own: dict[str, float] = {}
        for question, wording, wording_key, is_own in keys:
            score = similarity(key, wording_key, weights)
            if is_own:
                own[question.id] = score
            if question.id not in best or score > best[question.id][0]:
                best[question.id] = (score, wording)
        by_id = {question.id: question for question in self.questions}
        # Of two questions that share a wording, the one whose own text is nearer comes first.
        order = sorted(best.items(), key=lambda item: (-item[1][0], -own.get(item[0], 0.0)))
        return [HeadingScore(by_id[qid], round(score, 1), wording)
                for qid, (score, wording) in order]

    def best(self, heading: str, setting_type: str | None = None) -> HeadingScore | None:
        scores = self.ranked(heading, setting_type)
        return scores[0] if scores else None

    def match(self, heading: str) -> Question | None:
        """The question a heading asks, tolerant of case, punctuation, numbering and the usual
        other wordings of it."""
        if heading not in self._matched:
            if len(self._matched) >= 4096:  # bounded, as _scored is
                self._matched.clear()
            self._matched[heading] = self._match(heading)
        return self._matched[heading]

    def _match(self, heading: str) -> Question | None:
        # A heading worded exactly as one of a question's wordings (after reducing both, as the
        # scorer does) scores 100 for it, the highest score. Only a wording of the same
        # meaningful words scores 100 too; when no other question has one, the question is the
        # best without scoring the rest (most headings of most offers).
        _keys, weights = self._prepared()
        key = heading_key(heading)
        tied = list(self._exact.get(key.whole, [])) if key.whole else []
        if tied:
            words = frozenset(weights.known(word) for word in key.words)
            tied += [question for question in self._same_words.get(words, [])
                     if question not in tied]
            if len(tied) == 1:
                return tied[0]
            # Only the tied questions score 100; the scorer puts first the one whose own text
            # is nearest, then the earlier question.
            own_keys = {question.id: wording_key for question, _, wording_key, is_own in _keys
                        if is_own}
            heading_words = _Key(key.whole, words)
            return max(tied, key=lambda question: (
                similarity(heading_words, own_keys[question.id], weights),
                -self.questions.index(question)))
        best = self.best(heading)
        return best.question if best is not None and best.score >= MATCH_THRESHOLD else None

    def suggest(self, heading: str) -> Question | None:
        """The question a heading that does not match probably meant ("did you mean")."""
        best = self.best(heading)
        return best.question if best is not None and best.score >= SUGGEST_THRESHOLD else None

    def areas_covered(self, setting_type: str) -> set[str]:
        return {area for question in self.questions_for(setting_type) for area in question.areas}
