"""Records put aside on disk as they are made, and given back in the order of their keys.

An export lists settings by name, but a setting's name is known only once its offer is read.
Keeping every parsed offer until the end held 2.5 GB at 10,000 offers; keeping every JSON
record (with each answer's Markdown) would still hold about 250 MB. So each record is written
to a temporary file as its offer is checked, and only its key and place are kept.
"""
from __future__ import annotations

import tempfile
from types import TracebackType
from typing import Iterator


class SortedSpool:
    """Texts kept in a temporary file; iterating gives them back sorted by their keys (texts
    with equal keys in the order they were added)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._places: list[tuple[tuple[str, ...], int, int]] = []
        self._end = 0

    def add(self, key: tuple[str, ...], text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._file.write(data)
        self._places.append((key, self._end, len(data)))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[str]:
        self._file.flush()
        for _key, start, size in sorted(self._places, key=lambda place: place[0]):
            self._file.seek(start)
            yield self._file.read(size).decode("utf-8", "surrogatepass")
        self._file.seek(self._end)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SortedSpool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
