"""Load the borough's rules: packaged defaults, overridden by the borough's localoffer.yml.

Everything that reads configuration goes through `load_borough`; a bad file raises one
ConfigError naming the file and line, which every command prints the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from localoffer.borough.questions import Question, QuestionSet
from localoffer.errors import ConfigError
from localoffer.yaml_reader import (
    AliasError,
    KeyLines,
    is_nesting_error,
    line_of_key,
    read_packaged_yaml,
    read_yaml,
)

CONFIG_FILE = "localoffer.yml"
# The packaged defaults, read as files beside the code: importlib.resources would cost the
# pre-commit hook a fifth of its start (it imports zipfile, tempfile and the compressors).
_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Area:
    id: str
    title: str
    statutory: tuple[str, ...]


@dataclass(frozen=True)
class StatutoryItem:
    id: str
    short: str
    text: str
    # Schedule 1, paragraphs 2 and 4: "in relation to mainstream schools and maintained
    # nursery schools" only.
    mainstream_and_nursery_only: bool = False
    # Schedule 1, paragraph 8: about young people, over compulsory school age.
    young_people_only: bool = False
    # s.69(3)(b): about a school's admissions and its accessibility plan (Equality Act 2010,
    # Schedule 10), which early years settings and colleges do not have.
    schools_only: bool = False
    # The area whose answer a missing piece of evidence belongs in, when several carry it.
    home_area: str | None = None


@dataclass(frozen=True)
class SettingType:
    id: str
    label: str
    duty: bool
    question_set: str
    urn_kind: str  # dfe, ukprn or ofsted
    required_areas: tuple[str, ...]
    # Who asks a setting without the duty for an SEN information report: "code" (the SEND
    # Code of Practice and the borough) or "borough". "law" for the settings with the duty.
    asked_by: str = "law"
    special_school: bool = False
    young_people: bool = False
    school: bool = False


@dataclass(frozen=True)
class FeedbackRoute:
    """How parents send comments without a Git host account: a web form, an email, or both."""

    form_url: str = ""  # may hold {setting} and {url}, filled in per page
    email: str = ""

    @property
    def given(self) -> bool:
        return bool(self.form_url or self.email)


@dataclass
class Borough:
    root: Path
    config_path: Path | None
    name: str
    local_offer_url: str
    sendiass_url: str
    feedback_url: str
    reviewers: tuple[str, ...]
    setting_types: dict[str, SettingType]
    areas: dict[str, Area]
    statutory: dict[str, StatutoryItem]
    question_sets: dict[str, QuestionSet]
    review_interval_months: int
    due_soon_days: int
    reading_ease_min: float
    word_limit: int
    min_words_to_score: int
    max_file_bytes: int
    glossary: dict[str, str]
    settings: dict[str, Any] = field(default_factory=dict, repr=False)
    feedback: FeedbackRoute = FeedbackRoute()
    # Postcode districts' centre points (latitude, longitude), for "nearest to my district".
    district_centres: dict[str, tuple[float, float]] = field(default_factory=dict)
    # "You said, we did" themes: id -> the words a reader sees (feedback/*.md, theme:).
    feedback_themes: dict[str, str] = field(default_factory=dict)

    @property
    def offers_dir(self) -> Path:
        return self.root / "offers"

    @property
    def feedback_dir(self) -> Path:
        """The published summaries of comments and what was done ("You said, we did")."""
        return self.root / "feedback"

    def section(self, name: str) -> dict[str, Any]:
        """A top-level section of the merged configuration (e.g. `site`), or {}."""
        value = self.settings.get(name)
        return dict(value) if isinstance(value, dict) else {}

    def statutory_items_for(self, area_ids: set[str] | frozenset[str]) -> set[str]:
        return {item for area in area_ids if area in self.areas
                for item in self.areas[area].statutory}

    def required_statutory_items(self, setting_type: str) -> set[str]:
        """Statutory items an offer of this type must cover: those its required areas carry."""
        kind = self.setting_types.get(setting_type)
        if kind is None:
            return set()
        return self.statutory_items_for(set(kind.required_areas))


def find_config(start: Path) -> Path | None:
    """The nearest localoffer.yml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
    return None


def load_borough(config_path: Path | None = None, start: Path | None = None) -> Borough:
    """The borough's rules. With no path, looks for localoffer.yml from `start` upwards."""
    start = (start or Path.cwd()).resolve()
    if config_path is None:
        config_path = find_config(start)
    elif not config_path.is_file():
        raise ConfigError("This configuration file does not exist.", str(config_path))
    merged = _merge(_packaged("defaults.yml"), {})
    user: dict[str, Any] = {}
    user_lines: KeyLines = {}
    if config_path is not None:
        user, user_lines = _load_yaml(config_path.read_bytes(), str(config_path))
        if not isinstance(user, dict):
            raise ConfigError("localoffer.yml must be a list of 'key: value' settings.",
                              str(config_path), 1)
        _check_shapes(merged, user, user_lines, str(config_path), ())
        merged = _merge(merged, user)
    root = config_path.parent.resolve() if config_path else start
    return _build(merged, user_lines, root, config_path)


def _packaged(name: str) -> dict[str, Any]:
    return read_packaged_yaml((_DATA / name).read_text(encoding="utf-8")) or {}


def _load_yaml(content: bytes, where: str) -> tuple[Any, KeyLines]:
    """The file's settings ({} when empty), and the line of each key."""
    try:
        data, lines = read_yaml(content.decode("utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        if is_nesting_error(error):
            raise ConfigError("This has too many brackets or dashes inside each other to be "
                              "read: write each setting as 'key: value' on its own line.",
                              where, line)
        if isinstance(error, (ConstructorError, AliasError)):  # the line is fine as YAML
            raise ConfigError(f"This value cannot be used: {error.problem}.", where, line)
        raise ConfigError(f"This is not valid YAML ({(error.problem or '').strip()}): check the "
                          "quotes, colons and indentation.", where, mark.line + 1 if mark else None)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as error:
        raise ConfigError(f"This file could not be read: {error}", where)
    return data or {}, lines


def _check_shapes(defaults: dict[str, Any], user: dict[str, Any], lines: KeyLines, where: str,
                  path: tuple[str, ...]) -> None:
    """Where the defaults have a set of settings, the borough's file must too: `borough: [1, 2]`
    would otherwise replace the borough's details with nothing, without a word."""
    for key, value in user.items():
        default = defaults.get(key)
        if isinstance(default, dict) and default and value is not None:
            keys = (*path, str(key))
            if not isinstance(value, dict):
                line = line_of_key(lines, keys)
                raise ConfigError(f"'{'.'.join(keys)}' must be a set of 'key: value' settings, "
                                  "each on its own line below it.", where,
                                  None if line is None else line + 1)
            _check_shapes(default, value, lines, where, keys)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in override.items():
        if value is None and isinstance(result.get(key), dict):
            continue  # `borough:` with nothing below it (all commented out) is left out
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = value
    return result


class _Reader:
    """Reads typed values from the merged config, blaming the right file and line."""

    def __init__(self, merged: dict[str, Any], user_lines: KeyLines, config_path: Path | None):
        self.merged = merged
        self.user_lines = user_lines
        self.config_path = config_path

    def where(self, *keys: str | int) -> tuple[str, int | None]:
        """The file and line a setting comes from: the borough's file (at the setting, or at
        the nearest enclosing one it gives), or else the packaged defaults."""
        line = line_of_key(self.user_lines, keys)
        if line is None:
            return "localoffer/data/defaults.yml", None
        return str(self.config_path), line + 1

    def fail(self, message: str, *keys: str | int) -> ConfigError:
        path, line = self.where(*keys)
        return ConfigError(message, path, line)

    def get(self, *keys: str) -> Any:
        node: Any = self.merged
        for depth, key in enumerate(keys):
            if node is not None and not isinstance(node, dict):
                raise self.fail(f"'{'.'.join(keys[:depth])}' must be a set of 'key: value' "
                                "settings.", *keys[:depth])
            node = node.get(key) if isinstance(node, dict) else None
        return node

    def text(self, *keys: str) -> str:
        value = self.get(*keys)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(f"'{'.'.join(keys)}' must be text.", *keys)
        return value

    def number(self, *keys: str, minimum: float, maximum: float) -> float:
        value = self.get(*keys)
        if (isinstance(value, bool) or not isinstance(value, (int, float))
                or not minimum <= value <= maximum):
            raise self.fail(f"'{'.'.join(keys)}' must be a number from {minimum:g} to "
                            f"{maximum:g}.", *keys)
        return value

    def text_list(self, *keys: str) -> tuple[str, ...]:
        value = self.get(*keys) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"'{'.'.join(keys)}' must be a list of names.", *keys)
        return tuple(value)

    def text_mapping(self, *keys: str) -> dict[str, str]:
        result = {}
        for key, value in self.mapping(*keys).items():
            if isinstance(value, (dict, list)):
                raise self.fail(f"'{key}' in '{'.'.join(keys)}' must be text.", *keys, str(key))
            result[str(key)] = str(value)
        return result

    def mapping(self, *keys: str) -> dict[str, Any]:
        value = self.get(*keys) or {}
        if not isinstance(value, dict):
            raise self.fail(f"'{'.'.join(keys)}' must be a set of 'key: value' settings.", *keys)
        return value


def _build(merged: dict[str, Any], user_lines: KeyLines, root: Path,
           config_path: Path | None) -> Borough:
    read = _Reader(merged, user_lines, config_path)
    areas = _areas()
    statutory = _statutory()
    question_sets = _question_sets(read, areas)
    _add_wordings(read, question_sets, areas)
    setting_types = _setting_types(read, areas, question_sets)
    glossary = read.text_mapping("glossary")
    return Borough(
        root=root,
        config_path=config_path,
        name=read.text("borough", "name"),
        local_offer_url=read.text("borough", "local_offer_url"),
        sendiass_url=read.text("borough", "sendiass_url"),
        feedback_url=read.text("borough", "feedback_url"),
        reviewers=read.text_list("borough", "reviewers"),
        setting_types=setting_types,
        areas=areas,
        statutory=statutory,
        question_sets=question_sets,
        review_interval_months=int(read.number("review", "interval_months", minimum=1,
                                               maximum=120)),
        due_soon_days=int(read.number("review", "due_soon_days", minimum=0, maximum=366)),
        reading_ease_min=float(read.number("plain_english", "reading_ease_min", minimum=-1000,
                                           maximum=1000)),
        word_limit=int(read.number("plain_english", "word_limit", minimum=1,
                                   maximum=1_000_000)),
        min_words_to_score=int(read.number("plain_english", "min_words_to_score", minimum=0,
                                           maximum=1_000_000)),
        max_file_bytes=int(read.number("limits", "max_file_kb", minimum=1,
                                       maximum=100 * 1024) * 1024),
        glossary=glossary,
        settings=merged,
        feedback=_feedback(read),
        district_centres=_district_centres(read),
        feedback_themes=_feedback_themes(read),
    )


_EMAIL = re.compile(r"^[^@\s<>\"'?&]+@[^@\s<>\"'?&]+\.[^@\s<>\"'?&.]+$")


def _feedback(read: _Reader) -> FeedbackRoute:
    form_url = read.text("feedback", "form_url").strip()
    email = read.text("feedback", "email").strip()
    if form_url and not form_url.startswith("https://"):
        raise read.fail("'feedback.form_url' must be a web address starting https://.",
                        "feedback", "form_url")
    if email and not _EMAIL.match(email):
        raise read.fail("'feedback.email' must be one email address, such as "
                        "localoffer@example.gov.uk.", "feedback", "email")
    return FeedbackRoute(form_url, email)


_THEME_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _feedback_themes(read: _Reader) -> dict[str, str]:
    themes = read.text_mapping("feedback_themes")
    for theme in themes:
        if not _THEME_ID.match(theme):
            raise read.fail(f"feedback_themes: '{theme}' may use only small letters a to z, "
                            "digits and single hyphens (for example short-breaks).",
                            "feedback_themes", theme)
    return themes


def _district_centres(read: _Reader) -> dict[str, tuple[float, float]]:
    centres = {}
    for district, value in read.mapping("postcode_districts").items():
        where = ("postcode_districts", str(district))
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(number, (int, float)) and not isinstance(number, bool)
                           for number in value)
                or not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180)):
            raise read.fail(f"Postcode district {district}: give its centre as [latitude, "
                            "longitude], for example [53.61, -2.16].", *where)
        centres[str(district).upper().strip()] = (float(value[0]), float(value[1]))
    return centres


def _areas() -> dict[str, Area]:
    raw = _packaged("areas.yml")["areas"]
    return {key: Area(key, value["title"], tuple(value.get("statutory") or ()))
            for key, value in raw.items()}


def _statutory() -> dict[str, StatutoryItem]:
    raw = _packaged("statutory.yml")["statutory"]
    return {key: StatutoryItem(key, value["short"], value["text"],
                               bool(value.get("mainstream_and_nursery_only")),
                               bool(value.get("young_people_only")),
                               bool(value.get("schools_only")), value.get("home_area"))
            for key, value in raw.items()}


def _question_sets(read: _Reader, areas: dict[str, Area]) -> dict[str, QuestionSet]:
    raw_sets: dict[str, Any] = {}
    for resource in sorted((_DATA / "question_sets").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".yml"):
            data = _packaged(f"question_sets/{resource.name}")
            raw_sets[data["id"]] = data
    for key, value in read.mapping("question_sets").items():
        raw_sets[key] = value
    return {key: _question_set(read, key, value, areas) for key, value in raw_sets.items()}


def _question_set(read: _Reader, set_id: str, raw: Any, areas: dict[str, Area]) -> QuestionSet:
    where = ("question_sets", set_id)
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise read.fail(f"Question set '{set_id}' needs a list of 'questions'.", *where)
    questions = []
    wordings: dict[str, tuple[str, ...]] = {}
    for index, item in enumerate(raw["questions"], start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str)
                                                 for k in ("id", "text", "area")):
            raise read.fail(f"Question {index} of set '{set_id}' needs an id, a text and an area.",
                            *where)
        at = (*where, "questions", index - 1)
        also = _names(read, item, "also", at)
        for area in (item["area"], *also):
            if area not in areas:
                raise read.fail(f"Question '{item['id']}' of set '{set_id}' names an unknown "
                                f"area '{area}'. Known areas: {', '.join(areas)}.", *where)
        questions.append(Question(
            id=item["id"], text=item["text"], area=item["area"], also=also,
            prompts=_names(read, item, "prompts", at), borough=bool(item.get("borough")),
            setting_types=_names(read, item, "for", at)))
        wordings[item["id"]] = _names(read, item, "wordings", at)
    return QuestionSet(id=set_id, title=_text(read, raw, "title", where) or set_id,
                       audience=_text(read, raw, "audience", where) or "parents and carers",
                       setting_types=_names(read, raw, "for", where), questions=questions,
                       wordings={key: value for key, value in wordings.items() if value})


def _names(read: _Reader, raw: dict[str, Any], key: str,
           where: tuple[str | int, ...]) -> tuple[str, ...]:
    """A list of names (or one name) in a question set or a setting type."""
    value = raw.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise read.fail(f"'{key}' in '{_dotted(where)}' must be a list of names.", *where,
                        key)
    return tuple(value)


def _dotted(keys: tuple[str | int, ...]) -> str:
    return ".".join(str(key) for key in keys)


def _text(read: _Reader, raw: dict[str, Any], key: str, where: tuple[str | int, ...]) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise read.fail(f"'{key}' in '{_dotted(where)}' must be text.", *where, key)
    return str(value)


def _add_wordings(read: _Reader, question_sets: dict[str, QuestionSet],
                  areas: dict[str, Area]) -> None:
    """Give each question the other wordings of its area: the packaged ones, every other
    set's question for that area, and the borough's own (by area or by question id)."""
    by_area: dict[str, list[str]] = {area: [] for area in areas}
    for area, wordings in (_packaged("heading_wordings.yml").get("wordings") or {}).items():
        by_area.setdefault(area, []).extend(str(w) for w in wordings)
    for question_set in question_sets.values():
        for question in question_set.questions:
            by_area.setdefault(question.area, []).append(question.text)
    by_question: dict[str, list[str]] = {}
    for key, wordings in read.mapping("heading_wordings").items():
        if not isinstance(wordings, list) or not all(isinstance(w, str) for w in wordings):
            raise read.fail(f"heading_wordings: '{key}' needs a list of headings, for example "
                            f"{key}: [\"Who is our SENCo?\"].", "heading_wordings", str(key))
        if key in areas:
            by_area[key].extend(wordings)
        else:
            by_question.setdefault(str(key), []).extend(wordings)
    known_ids = {q.id for s in question_sets.values() for q in s.questions}
    unknown = sorted(set(by_question) - known_ids)
    if unknown:
        raise read.fail(f"heading_wordings: '{unknown[0]}' is neither an area nor a question id. "
                        f"Areas: {', '.join(areas)}.", "heading_wordings", unknown[0])
    for question_set in question_sets.values():
        question_set.add_wordings({
            question.id: tuple(w for w in (*by_area.get(question.area, ()),
                                           *by_question.get(question.id, ()))
                               if w != question.text)
            for question in question_set.questions})


def _setting_types(read: _Reader, areas: dict[str, Area],
                   question_sets: dict[str, QuestionSet]) -> dict[str, SettingType]:
    result = {}
    for key, raw in read.mapping("setting_types").items():
        where = ("setting_types", key)
        if not isinstance(raw, dict):
            raise read.fail(f"Setting type '{key}' must be a set of settings.", *where)
        required = _names(read, raw, "required_areas", where)
        unknown = [area for area in required if area not in areas]
        if unknown:
            raise read.fail(f"Setting type '{key}' requires unknown area(s) {', '.join(unknown)}. "
                            f"Known areas: {', '.join(areas)}.", *where)
        question_set = _text(read, raw, "question_set", where) or "se7-parent"
        if question_set not in question_sets:
            raise read.fail(f"Setting type '{key}' uses question set '{question_set}', which "
                            f"does not exist. Known sets: {', '.join(question_sets)}.", *where)
        urn_kind = _text(read, raw, "urn", where) or "dfe"
        if urn_kind not in ("dfe", "ukprn", "ofsted"):
            raise read.fail(f"Setting type '{key}': 'urn' must be dfe, ukprn or ofsted.", *where)
        duty = bool(raw.get("duty"))
        asked_by = "law" if duty else str(raw.get("asked_by") or "borough")
        if asked_by not in ("law", "code", "borough"):
            raise read.fail(f"Setting type '{key}': 'asked_by' must be code or borough (who asks "
                            "a setting without the legal duty for an SEN information report).",
                            *where)
        result[key] = SettingType(key, _text(read, raw, "label", where) or key, duty, question_set,
                                  urn_kind, required, asked_by,
                                  bool(raw.get("special_school")), bool(raw.get("young_people")),
                                  bool(raw.get("school", urn_kind == "dfe")))
    return result
