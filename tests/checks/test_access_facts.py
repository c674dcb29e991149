"""access-facts/missing, and the access: and provides_for: front-matter keys."""
from __future__ import annotations

from .helpers import ERROR, WARNING, WELLBEING, add_to_answer, line_of, of_rule

MISSING = "access-facts/missing"
ACCESSIBLE = "How accessible is the setting environment?"


def test_a_hoist_mentioned_in_the_access_answer_asks_for_the_fact(check, primary: str) -> None:
    text = add_to_answer(primary, ACCESSIBLE, "We have a ceiling hoist in the changing room.")
    findings = of_rule(check(text), MISSING)
    assert [(f.line, f.severity) for f in findings] == [
        (line_of(text, "ceiling hoist"), WARNING), (line_of(text, "ceiling hoist"), WARNING)]
    messages = " ".join(f.message for f in findings)
    assert "'hoist: true' (or false) under 'access:'" in messages
    assert "'changing_place: true'" in messages


def test_a_fact_given_as_false_is_enough(check, primary: str) -> None:
    text = add_to_answer(primary, ACCESSIBLE, "There is no hearing loop yet.")
    assert len(of_rule(check(text), MISSING)) == 1
    text = text.replace("  quiet_room: true\n", "  quiet_room: true\n  hearing_loop: false\n")
    assert of_rule(check(text), MISSING) == []


def test_other_answers_are_not_read_for_access_facts(check, primary: str) -> None:
    text = add_to_answer(primary, WELLBEING, "A nurse helps with the hoist on trips.")
    assert of_rule(check(text), MISSING) == []


def test_an_unknown_access_fact_is_named(check, primary: str) -> None:
    text = primary.replace("  quiet_room: true\n", "  quiet_room: true\n  hoyst: true\n")
    findings = [f for f in check(text) if f.rule == "front-matter/unknown-field"]
    assert len(findings) == 1 and "Did you mean access.hoist?" in findings[0].message


def test_an_access_fact_must_be_true_or_false(check, primary: str) -> None:
    text = primary.replace("  lift: true\n", "  lift: yes please\n")
    findings = [f for f in check(text) if f.rule == "front-matter/bad-value"]
    assert [(f.line, f.severity) for f in findings] == [(line_of(text, "lift: yes please"), ERROR)]
    assert findings[0].message == "access.lift: lift must be true or false."


def test_provides_for_takes_only_the_listed_kinds_of_need(check, primary: str) -> None:
    text = primary.replace("access:\n", "provides_for: [autism, dyslexia]\naccess:\n", 1)
    findings = [f for f in check(text) if f.rule == "front-matter/bad-value"]
    assert len(findings) == 1
    assert "'dyslexia' is not one of the kinds of need" in findings[0].message
    good = primary.replace("access:\n", "provides_for: [autism, specific-learning-difficulties]"
                                        "\naccess:\n", 1)
    assert check(good) == []
