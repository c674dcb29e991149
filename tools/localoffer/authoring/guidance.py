"""The guidance written into offers as HTML comments: a question's prompts.

Readers of the website never see HTML comments, and the checks ignore them, so a section with
only its guidance in it counts as unanswered (rule sections/empty).
"""
from __future__ import annotations

from localoffer.borough import Borough, Question



def comment(lines: list[str]) -> list[str]:
    """An HTML comment holding `lines`, safe even if a line contains '--'."""
    safe = [line.replace("--", "- -") for line in lines]
    if len(safe) == 1:
        return [f"<!-- {safe[0]} -->"]
    return ["<!--", *safe, "-->"]


def question_guidance(question: Question, borough: Borough,
                      audience: str = "parents and carers") -> list[str]:
    """The comment under a question's heading: its prompts, and what the area must include."""
    lines = [f"Answer this question for {audience}, in plain English. Think about:"]
    lines += [f"- {prompt}" for prompt in question.prompts]
    if question.area == "contacts" or "contacts" in question.also:
        # No "https://" here: a link inside a comment must not look like the real link.
        address = borough.local_offer_url.split("://", 1)[-1]
        lines.append(f"- Give the SENCO's name, email and phone, and link to the {borough.name} "
                     f"Local Offer ({address}).")
    if question.area == "complaints" and borough.sendiass_url:
        lines.append("- Say where families can get free, independent advice "
                     f"({borough.sendiass_url.split('://', 1)[-1]}).")
    lines.append("Delete this note when you have written your answer.")
    return comment(lines)


def section_lines(question: Question, borough: Borough,
                  audience: str = "parents and carers") -> list[str]:
    """A question as an empty section: its heading and its guidance, then a blank line."""
    return [f"## {question.text}", "", *question_guidance(question, borough, audience), ""]
