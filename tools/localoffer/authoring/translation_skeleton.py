"""The skeleton of a new translation (`localoffer new --translation ur SLUG`): the English
offer's headings in place, each followed by the English text in an HTML comment for the
translator to translate. Comments are never published, and `localoffer check` reports every
section still without translated text (translation/empty)."""
from __future__ import annotations

from localoffer.model import Offer
from localoffer.model.markdown import content_lines, parse_heading, strip_html_comments
from localoffer.model.translation import Language


def translation_skeleton(english: Offer, language: Language) -> str:
    translated_from = (english.last_reviewed.isoformat() if english.last_reviewed
                       else "YYYY-MM-DD  # the English offer's last_reviewed")
    lines = ["---", f"translated_from: {translated_from}", "translated_by: \"\"", "---", "",
             _comment(f"A translation into {language.english_name} ({language.autonym}) of "
                      f"{english.display_path}. Put who translated it in translated_by above. "
                      "Translate each heading where it is, and the English under it (in "
                      "comments like this one, which the website never shows) in your own "
                      "words. Keep every heading, in the same order. Facts (address, phone, "
                      "dates) come from the English offer: do not add them above."), ""]
    lines += _chunk(english.intro_text)
    for section in english.sections:
        lines += [f"## {section.heading}", ""]
        lines += _section_body(section.text, section.body_start)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section_body(text: str, first_line: int) -> list[str]:
    """The body's ### (and deeper) headings kept as headings, the text between them as
    comments."""
    out: list[str] = []
    body = text.split("\n")
    outside = dict(content_lines(body, first_line))
    waiting: list[str] = []
    for offset, line in enumerate(body):
        number = first_line + offset
        heading = parse_heading(line, number) if number in outside else None
        if heading is not None and heading.level >= 3:
            out += _chunk("\n".join(waiting))
            waiting = []
            out += [f"{'#' * heading.level} {heading.text}", ""]
        else:
            waiting.append(line)
    return out + _chunk("\n".join(waiting))


def _chunk(text: str) -> list[str]:
    text = strip_html_comments(text).strip("\n")
    if not text.strip():
        return []
    return [_comment("English:\n" + text), ""]


def _comment(text: str) -> str:
    # '-->' in the English would end the comment early and show the rest.
    return "<!-- " + text.replace("-->", "-- >").replace("--!>", "-- !>") + " -->"
