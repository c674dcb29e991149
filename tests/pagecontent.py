"""A page's content as the HTML5 parsing algorithm reads it, to compare two pages' content
whatever the quoting and spelling of their HTML: (tag, attributes, text, children, tail)."""
from __future__ import annotations

from typing import Any

import html5lib


def content_of(html: str, tag: str = "article") -> tuple[Any, ...]:
    """The first `tag` element of the document, as nested tuples. Only the blank lines the
    theme's template puts around the page's content, directly inside `tag`, are left out."""
    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    found = document.find(f".//{tag}")
    assert found is not None, f"no <{tag}> in the page"
    tag_name, attributes, text, children, _tail = _tree(found, tail=False)
    return (tag_name, attributes, text.strip() and text,
            tuple(child[:4] + (child[4].strip() and child[4],) for child in children), "")


def _tree(element: Any, tail: bool = True) -> tuple[Any, ...]:
    return (element.tag, tuple(sorted(element.attrib.items())), element.text or "",
            tuple(_tree(child) for child in element), (element.tail or "") if tail else "")
