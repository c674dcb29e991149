"""The rule of localoffer/markup.py, kept: HTML in site/ and in reporting/ (the LA's report and
the site's dashboard page) is made by autoescaping templates, not by formatting strings. A new
page built with an f-string fails here, before any payload runs."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from markupsafe import Markup

from localoffer.site.markup import environment, fragment

PACKAGE = Path(__file__).resolve().parents[2] / "tools" / "localoffer"
SITE = PACKAGE / "site"
REPORTING = PACKAGE / "reporting"
_TAG = re.compile(r"<[a-zA-Z/!]")
# Functions that rewrite HTML nh3 has already sanitised (see markup.py): the only places in
# site/ that may format HTML themselves.
REWRITES_SANITISED_HTML = {("render.py", "wrap"), ("booklet.py", "prepare"),
                           ("booklet.py", "attribute")}


def formatted_html(path: Path) -> list[str]:
    """Each f-string, % or .format() that writes a tag, as 'file:line in function'."""
    found = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        text = None
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values
                           if isinstance(part, ast.Constant) and isinstance(part.value, str))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and \
                isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            text = node.left.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr == "format" and isinstance(node.func.value, ast.Constant):
            text = str(node.func.value.value)
        if text and _TAG.search(text) and (path.name, function) not in REWRITES_SANITISED_HTML:
            found.append(f"{path.name}:{node.lineno} in {function}")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_no_module_of_the_site_formats_html_itself() -> None:
    found = [place for path in sorted(SITE.glob("*.py")) for place in formatted_html(path)]
    assert found == []


def test_no_module_of_the_reports_formats_html_itself() -> None:
    found = [place for path in sorted(REPORTING.rglob("*.py")) for place in formatted_html(path)]
    assert found == []


def test_the_rule_finds_html_made_with_an_f_string(tmp_path: Path) -> None:
    module = tmp_path / "page.py"
    module.write_text('def page(name):\n    return f"<h1>{name}</h1>"\n'
                      'def other(name):\n    return "<p>%s</p>" % name\n', encoding="utf-8")
    assert formatted_html(module) == ["page.py:2 in page", "page.py:4 in other"]


def test_every_template_escapes_what_it_prints() -> None:
    assert environment().autoescape is True
    names = [path.name for folder in (SITE, REPORTING)
             for path in (folder / "templates").glob("*.html")]
    assert len(names) == len(set(names)), "a template's name must be unique across the folders"
    assert sorted(names) == sorted(environment().list_templates())
    assert {"dashboard.html", "report.html", "report_parts.html"} <= set(names)
    assert fragment("offer.html", "link", 'javascript:"x"', "<b>") == Markup(
        '<a href="javascript:&#34;x&#34;">&lt;b&gt;</a>')
