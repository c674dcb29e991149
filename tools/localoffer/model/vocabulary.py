"""The fixed words an offer chooses from in its front-matter: the kinds of special educational
need it provides for, and the facts about physical access to its buildings.

One list each, read by the schema (what an offer may write), the checks (what to suggest), the
site (the facts box and the filters of "Find a setting") and search (words that mean the same).
Ids are stable: offers, links and saved searches use them.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    label: str  # as a parent reads it
    # Other words a parent may use for it, lower case; the first few are also search synonyms.
    words: tuple[str, ...] = ()


# The four broad areas of need of the SEND Code of Practice (6.28 to 6.35), then the kinds of
# need within them that parents most often look for.
NEEDS: dict[str, Term] = {term.id: term for term in (
    Term("communication-and-interaction", "Communication and interaction",
         ("communication", "interaction")),
    Term("cognition-and-learning", "Cognition and learning", ("learning difficulties",)),
    Term("semh", "Social, emotional and mental health",
         ("semh", "emotional", "mental health", "anxiety")),
    Term("sensory", "Sensory and physical needs", ("sensory",)),
    Term("autism", "Autism", ("autism", "autistic", "asd", "asc")),
    Term("speech-language-communication", "Speech, language and communication needs",
         ("slcn", "speech", "language delay")),
    Term("specific-learning-difficulties", "Dyslexia and other specific learning difficulties",
         ("spld", "dyslexia", "dyslexic", "dyspraxia", "dyscalculia")),
    Term("adhd", "ADHD", ("adhd", "attention deficit")),
    Term("moderate-learning-difficulties", "Moderate learning difficulties", ("mld",)),
    Term("severe-learning-difficulties", "Severe learning difficulties", ("sld",)),
    Term("profound-and-multiple-learning-difficulties",
         "Profound and multiple learning difficulties", ("pmld",)),
    Term("hearing", "Hearing impairment", ("hearing", "deaf", "hi")),
    Term("vision", "Vision impairment", ("vision", "visual", "blind", "sight", "vi")),
    Term("multi-sensory", "Multi-sensory impairment", ("msi", "deafblind")),
    Term("physical", "Physical disability", ("physical", "pd", "mobility")),
    Term("complex-needs", "Complex needs", ("complex",)),
)}

# Physical access to the setting's buildings. An offer gives each as true or false under
# `access:`; one it leaves out is not known.
ACCESS_FEATURES: dict[str, Term] = {term.id: term for term in (
    Term("step_free_entrance", "Step-free entrance",
         ("step-free", "step free", "ramp", "level access", "one floor", "one level")),
    Term("wheelchair_access", "Wheelchair access to every room children use",
         ("wheelchair",)),
    Term("lift", "Lift between floors", ("lift", "lifts", "elevator")),
    Term("accessible_toilet", "Accessible toilet", ("accessible toilet", "disabled toilet")),
    Term("changing_place", "Changing Places toilet or changing bench",
         ("changing place", "changing bench", "changing table", "changing room")),
    Term("hoist", "Hoist", ("hoist",)),
    Term("hearing_loop", "Hearing loop", ("hearing loop", "induction loop")),
    Term("quiet_room", "Quiet room or calm space",
         ("quiet room", "quiet space", "calm room", "calm space")),
    Term("sensory_room", "Sensory room", ("sensory room",)),
    Term("accessible_parking", "Accessible parking", ("blue badge", "disabled parking",
                                                      "accessible parking")),
)}


def need_label(need: str) -> str:
    term = NEEDS.get(need)
    return term.label if term else need.replace("-", " ").capitalize()


def access_label(feature: str) -> str:
    term = ACCESS_FEATURES.get(feature)
    return term.label if term else feature.replace("_", " ").capitalize()
