"""`file/conflict`: the lines Git leaves in an offer after a merge conflict are errors."""
from __future__ import annotations

from localoffer.model.conflict_markers import conflict_marker_lines


def test_each_marker_is_an_error_at_its_line_in_the_body(check, primary: str) -> None:
    lines = primary.split("\n")
    where = lines.index(next(line for line in lines if line.startswith("## "))) + 2
    conflicted = "\n".join(lines[:where] + [
        "<<<<<<< HEAD", "We have a lift.", "=======", "We have a ramp.",
        ">>>>>>> origin/main"] + lines[where:])
    findings = [f for f in check(conflicted) if f.rule == "file/conflict"]
    assert [(f.line, f.severity.value) for f in findings] == [
        (where + 1, "error"), (where + 3, "error"), (where + 5, "error")]
    assert "delete the lines that start with <<<<<<<, ======= and >>>>>>>" in findings[0].message


def test_markers_in_the_front_matter_are_named_too(check, primary: str) -> None:
    conflicted = primary.replace("status: published", "<<<<<<< HEAD\nstatus: published\n"
                                 "=======\nstatus: draft\n>>>>>>> main", 1)
    start = primary.split("\n").index("status: published") + 1
    findings = check(conflicted)
    assert [f.line for f in findings if f.rule == "file/conflict"] == [start, start + 2,
                                                                        start + 4]


def test_a_heading_underlined_with_equals_signs_is_not_a_conflict() -> None:
    assert conflict_marker_lines("Our offer\n=======\n\nText.\n<<<<<<<< eight\n") == []
    assert conflict_marker_lines("<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs"
                                 ) == [1, 3, 5, 7]
    assert conflict_marker_lines("a\r\n<<<<<<<\r\n=======\r\n>>>>>>>\r\n") == [2, 3, 4]
