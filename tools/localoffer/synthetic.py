"""Synthetic offers that pass every check: for tests, benchmarks and generated boroughs.

Deterministic: the same arguments always give the same text.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from localoffer.borough import Borough
from localoffer.model.vocabulary import ACCESS_FEATURES, NEEDS

# Writes one answer: (the offer's random generator, how many words) -> text.
Answerer = Callable[[random.Random, int], str]

_SENTENCES = (
    "We meet you to talk about how your child is getting on.",
    "Your child's class teacher plans lessons that suit the way your child learns.",
    "The SENCO checks the plan with you every term.",
    "We use small groups, visual timetables and short, clear steps.",
    "Teaching assistants help children to practise new skills in class.",
    "We listen to what children tell us and write down their views.",
    "You can ask to see us at any time, and we will call you back within two days.",
    "We share a short report with you after each review meeting.",
    "Staff have training in speech, language and communication every year.",
    "We ask for advice from the speech and language therapy team when we need it.",
    "Our building has a lift, wide doors and an accessible toilet.",
    "Children with an EHCP have a review meeting once a year, and you are invited.",
    "We plan trips early so that every child can take part.",
    "If you are not happy, please talk to the class teacher first.",
    "We keep you up to date with a home and school book.",
    "We check that the support is working and change it if it is not.",
    "New children can visit before they start, with their family.",
    "We give medicines only when a parent has signed the form.",
    "Quiet spaces are open at break and lunch for children who need them.",
    "We will tell you who to contact if you have a question.",
)


@dataclass(frozen=True)
class SyntheticSetting:
    slug: str
    name: str
    setting_type: str
    last_reviewed: date
    next_review: date


def synthetic_setting(borough: Borough, index: int, today: date) -> SyntheticSetting:
    types = sorted(borough.setting_types)
    setting_type = types[index % len(types)]
    last = today - timedelta(days=30 + index % 200)
    return SyntheticSetting(
        slug=f"setting-{index:05d}",
        name=f"Example {borough.setting_types[setting_type].label} {index}",
        setting_type=setting_type,
        last_reviewed=last,
        next_review=last + timedelta(days=330),
    )


def synthetic_offer(borough: Borough, setting: SyntheticSetting, words_per_answer: int = 150,
                    seed: int = 0, varied: bool = False, answer: Answerer | None = None,
                    town: str = "") -> str:
    """A complete offer: front-matter and an answer to every question its type needs.

    `varied`: ages, places, needs, access and languages drawn at random (for the finder's
    benchmark), instead of the same for every offer. `answer` writes each answer (the offer's
    random generator, how many words); by default from 20 fixed sentences. `town`: the
    setting's town, when not drawn or the usual one."""
    chooser = random.Random(f"{seed}-{setting.slug}")
    place = _varied_place(chooser, setting.setting_type) if varied else _PLACE
    if town:
        place = {**place, "town": town}
    kind = borough.setting_types[setting.setting_type]
    question_set = borough.question_sets[kind.question_set]
    identifier = {"dfe": ("urn", f'"{100000 + int(setting.slug[-5:]):06d}"'),
                  "ukprn": ("ukprn", f'"{10000000 + int(setting.slug[-5:]):08d}"'),
                  "ofsted": ("urn", f"EY{100000 + int(setting.slug[-5:]):06d}")}[kind.urn_kind]
    lines = [
        "---",
        f"name: {setting.name}",
        f"type: {setting.setting_type}",
        f"{identifier[0]}: {identifier[1]}",
        f'age_range: "{place["ages"]}"',
        f"address: 1 Example Street, {place['town']}",
        f"town: {place['town']}",
        f"ward: {place['ward']}",
        f"postcode: {place['postcode']}",
        f"website: https://{setting.slug}.example",
        "phone: 0161 496 0000",
        "senco:",
        "  name: Sam Example",
        f"  email: senco@{setting.slug}.example",
        "  phone: 0161 496 0001",
        f"question_set: {question_set.id}",
        f"last_reviewed: {setting.last_reviewed.isoformat()}",
        f"next_review: {setting.next_review.isoformat()}",
        f"approved_by: Governing Body, {setting.last_reviewed:%d %b %Y}",
        "status: published",
        f'maintainers: ["@example/{setting.slug}"]',
        f"languages: [{place['languages']}]",
        *place["needs"],
        "---",
        "",
        f"Welcome to the offer of {setting.name}.",
        "",
    ]
    for question in question_set.questions_for(setting.setting_type):
        lines += [f"## {question.text}", "", (answer or _answer)(chooser, words_per_answer), ""]
        for area in question.areas:
            lines += [line for sentence in _EVIDENCE.get(area, ()) for line in
                      (sentence.format(borough=borough.name, local_offer=borough.local_offer_url,
                                       sendiass=borough.sendiass_url or "tel:01614960002"), "")]
    return "\n".join(lines)


# What the statutory checks look for in an answer (checks/evidence.py), one paragraph each.
_EVIDENCE = {
    "contacts": ("Read the [{borough} Local Offer]({local_offer}).",
                 "The SEND information, advice and support service gives free, independent "
                 "advice: [{borough} SENDIASS]({sendiass})."),
    "complaints": ("If you want to complain, please talk to the headteacher first.",),
    "admissions": ("Disabled children are admitted on the same terms as other children, and we "
                   "make reasonable adjustments so that no child is treated less favourably.",),
    "access-and-activities": ("Our building has a lift and an accessible toilet, and we "
                              "make reasonable adjustments so that disabled children are not "
                              "treated less favourably. Our accessibility plan is on our "
                              "website.",),
}


# Every synthetic answer may mention a lift, an accessible toilet and quiet spaces, so every
# offer gives those access facts (check's access/facts-missing).
_PLACE = {"ages": "4-11", "town": "Calderbrook", "ward": "Central", "postcode": "CK1 1AA",
          "languages": "English",
          "needs": ["access:", "  lift: true", "  accessible_toilet: true", "  quiet_room: true"]}
_TOWNS = ("Calderbrook", "Hollins", "Eastfold", "Marsden Vale", "Kirkby Moor")
_LANGUAGES = ("Urdu", "Polish", "Arabic", "Bengali", "Punjabi", "Somali", "Romanian",
              "British Sign Language", "Portuguese", "Gujarati", "Lithuanian", "Tigrinya")
# The ages a type of setting usually takes; some settings differ.
_AGES = {"early-years": "0-5", "childminder": "0-8", "primary": "4-11", "secondary": "11-16",
         "all-through": "4-16", "special": "2-19", "pru": "11-16", "sixth-form": "16-19",
         "fe-college": "16-25"}
_OTHER_AGES = ("2-4", "3-11", "11-18", "3-16", "5-19")
# What settings say they provide for: most a usual set, some more (see model/vocabulary.py).
_NEED_PROFILES = (
    ("communication-and-interaction", "cognition-and-learning", "semh", "sensory"),
    ("communication-and-interaction", "cognition-and-learning", "semh", "sensory", "autism"),
    ("communication-and-interaction", "cognition-and-learning", "semh", "sensory", "autism",
     "specific-learning-difficulties", "adhd"),
    ("semh", "adhd"),
)


def _varied_place(chooser: random.Random, setting_type: str) -> dict[str, object]:
    """A setting in one of 60 wards: a ward lies in one town and one postcode district, as in
    a real borough; the other facts are drawn for each setting."""
    ward = chooser.randrange(60)
    town = _TOWNS[ward % len(_TOWNS)]
    district = 1 + ward // 2
    ages = _AGES.get(setting_type, "4-11") if chooser.random() < 0.8 \
        else chooser.choice(_OTHER_AGES)
    spoken = ["English"] + [language for language in _LANGUAGES if chooser.random() < 0.08]
    needs = list(chooser.choice(_NEED_PROFILES))
    needs += [need for need in list(NEEDS)[8:] if chooser.random() < 0.05]
    access = {feature: chooser.random() < 0.5 for feature in ACCESS_FEATURES}
    access.update(lift=True, accessible_toilet=True, quiet_room=True)
    lines = [f"provides_for: [{', '.join(needs)}]"]
    lines += ["access:"] + [f"  {feature}: {'true' if has else 'false'}"
                            for feature, has in access.items()]
    return {"ages": ages, "town": town, "ward": f"{town} Ward {ward + 1}",
            "postcode": f"CK{district} {chooser.randrange(10)}AA",
            "languages": ", ".join(spoken), "needs": lines}


def synthetic_town(number: int, towns: int) -> str:
    """The name of town `number` of `towns`: the borough's own five names while there are no
    more towns than that."""
    return _TOWNS[number] if towns <= len(_TOWNS) else f"Town {number + 1:03d}"


def _answer(chooser: random.Random, words: int) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = chooser.choice(_SENTENCES)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def write_borough(borough: Borough, folder: Path, count: int, today: date,
                  words_per_answer: int = 150, varied: bool = False,
                  answer: Answerer | None = None, towns: int = 0) -> list[Path]:
    """Write `count` synthetic offers into folder/offers/<slug>/offer.md; return their paths.
    `towns`: the settings shared in turn among that many towns (as a directory of several
    local authorities would be), instead of all in one."""
    paths = []
    for index in range(count):
        setting = synthetic_setting(borough, index, today)
        path = folder / "offers" / setting.slug / "offer.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        town = synthetic_town(index % towns, towns) if towns > 0 else ""
        path.write_text(synthetic_offer(borough, setting, words_per_answer, varied=varied,
                                        answer=answer, town=town), encoding="utf-8")
        paths.append(path)
    return paths
