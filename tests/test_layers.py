"""The layers of localoffer only look down, and no modules import each other in a circle.

    faces:      cli, commands/, the MkDocs plugin (site/mkdocs_plugin.py)
    features:   site/, reporting/, workflow/, importing/, exporting/, authoring/, synthetic
    checks:     checks/, review (the review-date rule the checks and the pages share)
    foundation: model/, borough/, git/
    utilities:  text/, yaml_reader, errors, collector, markup (the one escaping path)

A module may import its own layer or any layer below it. Every import statement counts:
those inside functions (a cycle all the same, only later), and those made for type checkers
only (under `if TYPE_CHECKING:`), since two modules that name each other's types still cannot
be read, moved or tested one without the other.
"""
from __future__ import annotations

import ast
from pathlib import Path

from testpaths import REPO_ROOT

PACKAGE = REPO_ROOT / "tools" / "localoffer"
LAYERS = (
    ("faces", ("localoffer.cli", "localoffer.__main__", "localoffer.commands",
               "localoffer.site.mkdocs_plugin")),
    ("features", ("localoffer.site", "localoffer.reporting", "localoffer.workflow",
                  "localoffer.importing", "localoffer.exporting", "localoffer.authoring",
                  "localoffer.synthetic")),
    ("checks", ("localoffer.checks", "localoffer.review")),
    ("foundation", ("localoffer.model", "localoffer.borough", "localoffer.git")),
    ("utilities", ("localoffer.text", "localoffer.yaml_reader", "localoffer.errors",
                   "localoffer.collector", "localoffer.markup")),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def layer_of(module: str) -> int:
    """The layer of a module: the longest prefix listed wins (site.mkdocs_plugin is a face).
    The package's own __init__ (its version) is at the bottom."""
    if module == "localoffer":
        return len(LAYERS) - 1
    best, rank = -1, len(LAYERS)
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank < len(LAYERS), f"{module} is in no layer: add it to LAYERS"
    return rank


def imports_of(module: str) -> set[str]:
    """The localoffer modules that `module` imports (a name imported from a package counts as
    its submodule when there is one, and the package counts too)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    waiting: list[ast.AST] = [tree]
    while waiting:
        node = waiting.pop()
        waiting.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in MODULES else node.module)
    # Importing a.b.c runs the package a.b first: that counts too (but not the packages that
    # hold `module` itself, which are already being imported when it runs).
    own = {".".join(module.split(".")[:end]) for end in range(1, module.count(".") + 1)}
    for name in list(found):
        parts = name.split(".")
        found.update(".".join(parts[:end]) for end in range(2, len(parts)))
    return {name for name in found if name in MODULES and name != module and name not in own}


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_is_in_a_layer() -> None:
    assert len(MODULES) > 100
    for module in MODULES:
        layer_of(module)


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = sorted(f"{module} ({LAYERS[layer_of(module)][0]}) imports {target} "
                    f"({LAYERS[layer_of(target)][0]})"
                    for module, targets in GRAPH.items() for target in targets
                    if layer_of(target) < layer_of(module))
    assert upward == []


def test_the_site_does_not_reach_into_reporting() -> None:
    """The dashboard page is handed to the site builder by the MkDocs plugin (a face)."""
    reaching = sorted(f"{module} imports {target}" for module, targets in GRAPH.items()
                      for target in targets
                      if module.startswith("localoffer.site.") and layer_of(module) == 1
                      and target.startswith("localoffer.reporting"))
    assert reaching == []


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's strongly connected
    components of more than one module, or a module importing itself)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in on_stack:
                lowest[module] = min(lowest[module], index[target])
        if lowest[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def test_the_cycle_finder_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
