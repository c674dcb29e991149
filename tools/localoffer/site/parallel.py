"""Load, check and render a large borough's offers on every CPU.

Loading an offer (its YAML front-matter), checking it and rendering its Markdown are the
biggest costs of a build, and each offer is independent of the others: the files are split
between worker processes and this one, and the workers send back the parsed offers (unpickling
an offer costs a tenth of parsing it). Small boroughs are done in this process: starting a
worker costs more than it saves.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from localoffer.borough import Borough
from localoffer.site.catalogue import (
    Catalogue,
    Examined,
    assemble,
    check_context,
    examine,
    offer_paths,
)
from localoffer.site.render import MarkdownRenderer, Rendered
from localoffer.site.bodies import render_body
from localoffer.site.light_offer import light_body, lightened
from localoffer.site.search import SearchCopies

# Below this many offers everything is done in this process.
PARALLEL_FROM = 200
# Called in the process that examined an offer, with its body and its search copy (None for a
# draft, or without search copies): the build's cache is written there, beside the work, not
# all at the end in the main process. True when the cache now holds the offer whole: then a
# light offer and a light body (light_offer.py) are handed back, and the main process reads
# the rest from the cache when it needs it, so it never holds every offer's text at once.
Keep = Callable[[Path, Examined, "Rendered | None", "bytes | None"], bool]


@dataclass
class _Job:
    borough: Borough
    today: date
    run_checks: bool
    every_path: list[Path]  # the checks look up links to other offers in it
    search_copies: SearchCopies | None
    keep: Keep | None = None


_worker: tuple[_Job, MarkdownRenderer] | None = None


def load_and_render(borough: Borough, today: date, run_checks: bool,
                    workers: int | None = None, search_copies: SearchCopies | None = None,
                    paths: list[Path] | None = None, every_path: list[Path] | None = None,
                    ) -> tuple[Catalogue, dict[str, Rendered]]:
    """The catalogue, and every published offer's body rendered, by slug; with
    `search_copies`, each published offer's copy for the search index is written too.
    `paths`: the offer files to build, when the caller has listed them already;
    `every_path`: all of the borough's (for the checks of links between offers), when
    `paths` are only some of them."""
    paths = offer_paths(borough) if paths is None else paths
    examined, bodies = examine_all(borough, today, run_checks, paths, every_path or paths,
                                   search_copies, workers)
    return assemble(borough, today, examined), bodies


def examine_all(borough: Borough, today: date, run_checks: bool, paths: list[Path],
                every_path: list[Path], search_copies: SearchCopies | None = None,
                workers: int | None = None,
                keep: Keep | None = None) -> tuple[list[Examined], dict[str, Rendered]]:
    """Each of `paths` loaded (and checked), and the published ones' bodies rendered;
    `keep` is given each one as it is made (the workers are forked: it need not pickle)."""
    job = _Job(borough, today, run_checks, every_path, search_copies, keep)
    if workers is None:
        workers = (os.cpu_count() or 1) - 1 if len(paths) >= PARALLEL_FROM else 0
    if threading.active_count() > 1:
        workers = 0  # forking beside other threads (mkdocs serve's) can hang the child
    if workers < 1:
        return _do(job, MarkdownRenderer(borough.glossary), paths)
    chunks = [paths[index::workers + 1] for index in range(workers + 1)]
    # fork: the workers start at once with the borough already loaded, and (unlike spawn) do
    # not run the program's main module again, which would start a second build.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker, initargs=(job,)) as pool:
        futures = [pool.submit(_work, [str(path) for path in chunk]) for chunk in chunks[1:]]
        examined, bodies = _do(job, MarkdownRenderer(borough.glossary), chunks[0])
        for future in futures:
            more_examined, more_bodies = future.result()
            examined += more_examined
            bodies.update(more_bodies)
    return examined, bodies


def _do(job: _Job, renderer: MarkdownRenderer,
        chunk: list[Path]) -> tuple[list[Examined], dict[str, Rendered]]:
    context = check_context(job.borough, job.today, job.every_path) if job.run_checks else None
    examined, bodies = [], {}
    for path in chunk:
        item = examine(path, job.borough, job.today, context)
        examined.append(item)
        body = copy = None
        if item.published is not None:
            body = bodies[item.published.slug] = render_body(item.published, renderer)
            if job.search_copies is not None:
                copy = job.search_copies.add(item.published, body)
        if job.keep is not None and job.keep(path, item, body, copy):
            examined[-1] = lightened(item)
            if item.published is not None and body is not None:
                bodies[item.published.slug] = light_body(body)
    return examined, bodies


def _start_worker(job: _Job) -> None:
    global _worker
    _worker = (job, MarkdownRenderer(job.borough.glossary))


def _work(chunk: list[str]) -> tuple[list[Examined], dict[str, Rendered]]:
    assert _worker is not None
    job, renderer = _worker
    return _do(job, renderer, [Path(name) for name in chunk])
