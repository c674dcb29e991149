"""Render offers in another process while this one loads and checks them.

Loading an offer (its YAML front-matter) and rendering its Markdown are the two biggest costs
of a build; on a machine with more than one CPU they can overlap. Small boroughs are rendered
in-process: starting a worker costs more than it saves.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from localoffer.model.frontmatter import FrontMatterError, split_front_matter
from localoffer.site.render import MarkdownRenderer, Rendered

# Below this many offers everything is rendered in this process.
PARALLEL_FROM = 200

_renderer: MarkdownRenderer | None = None


class PendingBodies:
    """Bodies being rendered elsewhere; `result()` waits for them (slug: Rendered)."""

    def __init__(self, future: Future[dict[str, Rendered]] | None,
                 executor: ProcessPoolExecutor | None) -> None:
        self._future = future
        self._executor = executor

    def result(self) -> dict[str, Rendered]:
        if self._future is None:
            return {}
        try:
            return self._future.result()
        finally:
            if self._executor is not None:
                self._executor.shutdown()


def start_rendering(paths: list[Path], glossary: dict[str, str]) -> PendingBodies:
    """Start rendering these offer files in a worker process, when that is worth it."""
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return PendingBodies(None, None)
    # spawn, not fork: the build may run beside threads (mkdocs serve), which fork can hang.
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(glossary,))
    return PendingBodies(executor.submit(_render_files, [str(path) for path in paths]), executor)


def _start_worker(glossary: dict[str, str]) -> None:
    global _renderer
    _renderer = MarkdownRenderer(glossary)


def _render_files(paths: list[str]) -> dict[str, Rendered]:
    assert _renderer is not None
    bodies = {}
    for name in paths:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            _, _, body_start = split_front_matter(text)
        except (OSError, UnicodeDecodeError, FrontMatterError):
            continue  # the main process reports it; nothing to render
        bodies[path.parent.name] = _renderer.render("\n".join(text.split("\n")[body_start - 1:]))
    return bodies
