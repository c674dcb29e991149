"""The theme's menu (mkdocs-material's partials/nav.html), drawn once for many pages.

A page that is not in the menu (an offer, an age list, a booklet) highlights nothing in it,
so the menu's HTML depends only on the folder the page is in, which sets its relative links:
every offer page in settings/ has the same menu. Drawing it once per folder, not once per page,
saves about a third of the theme's work on each offer page. Pages in the menu are drawn as
usual. Part of the MkDocs layer: nothing else in localoffer knows about it.
"""
from __future__ import annotations

from typing import Any, Iterable

from jinja2 import ChoiceLoader, DictLoader, Environment, PrefixLoader, TemplateNotFound, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

MENU = "partials/nav.html"
_THEME = "theme"  # the theme's own templates, under this prefix


def draw_menu_once_per_folder(env: Environment) -> None:
    """Make the theme's menu partial come from a cache (themes without it are left alone)."""
    original = env.loader
    try:
        original.get_source(env, MENU)  # type: ignore[union-attr]
    except TemplateNotFound:
        return
    drawn: dict[str, Markup] = {}
    in_menu: set[int] = set()  # the pages in the menu (filled once the menu is final)

    @pass_context
    def menu(context: Context) -> Markup:
        theme_menu = context.environment.get_template(f"{_THEME}/{MENU}")
        page, nav = context.get("page"), context.get("nav")
        if nav is not None and not in_menu:
            in_menu.update(_pages(nav.items))
        if page is None or nav is None or id(page) in in_menu:
            return Markup(theme_menu.render(context.get_all()))
        folder = page.url.rstrip("/").rpartition("/")[0]
        if folder not in drawn:
            drawn[folder] = Markup(theme_menu.render(context.get_all()))
        return drawn[folder]

    env.loader = ChoiceLoader([DictLoader({MENU: "{{ localoffer_menu() }}"}),
                               PrefixLoader({_THEME: original}), original])  # type: ignore[dict-item]
    env.globals["localoffer_menu"] = menu


def _pages(items: Iterable[Any]) -> set[int]:
    """The ids of every page in a menu, inside sections too (plugins may add to the menu after
    MkDocs lists nav.pages, so that list is not enough)."""
    found: set[int] = set()
    for item in items:
        if getattr(item, "is_page", False):
            found.add(id(item))
        found |= _pages(getattr(item, "children", None) or ())
    return found
