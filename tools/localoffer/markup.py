"""The one escaping path for the HTML localoffer writes: the site's pages and the LA's report
(with the dashboard page the site shows from it). Read this before adding a page.

The rule: every value that comes from an offer, its folder name, Git or localoffer.yml reaches
HTML only through a template, rendered by `fragment` below: those in site/templates/ and in
reporting/templates/, one environment for both. The environment escapes every value it prints
(autoescape), so safety holds by construction, not by care. Do not build HTML with f-strings,
`+` or `str.format` in site/ or reporting/ (tests/site/test_site_escaping_rule.py looks).

`Markup` marks HTML that must not be escaped again. Only these may be marked: what these
templates render (they return Markup), an offer's body after nh3 has sanitised it
(site/sanitise.clean_html) and rewrites of it that add only escaped values (site/booklet.prepare),
a chart's SVG as pygal's XML writer serialises it (reporting/svg.py), and files or constants of
localoffer's own package (a stylesheet). Page titles, descriptions and tags handed to a site
engine are plain text; the engine's shell (site/mkdocs_plugin.py) escapes them once.

Templates are written one element to a line for reading: the loader joins the lines and drops
their indentation, so no line break or indent reaches a page. Keep a sentence on one line.
Each template's name is unique across the folders.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "fragment", "environment", "TEMPLATE_FOLDERS"]

# Folders of the package whose templates are rendered here (read as files: this module sits
# below site/ and reporting/ and imports neither).
TEMPLATE_FOLDERS = tuple(Path(__file__).resolve().parent / folder / "templates"
                         for folder in ("site", "reporting"))


class _JoinedLines(BaseLoader):
    """Templates with each line's indentation and line break removed."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


@lru_cache(maxsize=1)
def environment() -> Environment:
    folders = ChoiceLoader([FileSystemLoader(folder) for folder in TEMPLATE_FOLDERS])
    return Environment(loader=_JoinedLines(folders), autoescape=True,
                       undefined=StrictUndefined, auto_reload=False)


@lru_cache(maxsize=None)
def _macro(template: str, name: str) -> Any:
    return getattr(environment().get_template(template).module, name)


def fragment(template: str, macro: str, /, *args: Any, **values: Any) -> Markup:
    """The HTML of `macro` in `template` (in site/templates/ or reporting/templates/), every
    value escaped."""
    return _macro(template, macro)(*args, **values)  # Markup: the environment autoescapes
