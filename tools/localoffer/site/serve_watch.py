"""`localoffer serve` told at once when an offer is saved.

MkDocs' preview server finds changes by listing every folder it watches twice a second
(watchdog's PollingObserver). For thousands of offers' folders that keeps a CPU busy all the
time and starts a reload up to a second late. offers/ is watched here with the system's own
notices instead (inotify on Linux, through watchdog's Observer), which tell the server to
build again as soon as a file changes: as MkDocs' own watch does, through the server's
rebuild flag. Part of the MkDocs layer.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

# What changes a file or a folder (a folder renamed is one notice, for the folder alone). Not a
# file being opened or read: every build reads every offer, and the notices of that would
# start the next build (and, thousands at a time, overflow the system's queue of them).
_CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
            FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


def watch_for_saves(server: Any, folder: Path) -> BaseObserver | None:
    """An observer that makes `server` (MkDocs' LiveReloadServer) build again when a file in
    `folder` changes, started; None when it cannot be (an MkDocs whose server this does not
    know, or no notices to be had): the caller then lets MkDocs watch the folder."""
    rebuild = getattr(server, "_rebuild_cond", None)
    if rebuild is None or not hasattr(server, "_want_rebuild"):
        return None

    def changed(event: FileSystemEvent) -> None:
        with rebuild:
            server._want_rebuild = True
            rebuild.notify_all()

    handler = FileSystemEventHandler()
    handler.on_any_event = changed  # type: ignore[method-assign]
    observer = Observer()
    try:
        observer.schedule(handler, str(folder), recursive=True, event_filter=_CHANGES)
        observer.start()
    except OSError:  # no inotify watches left, say
        return None
    return observer
