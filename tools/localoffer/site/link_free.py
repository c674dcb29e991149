"""Folders a build keeps between runs inside a checkout (the search index's cache in
.localoffer-cache/search/, the site's pagefind/), where a pull request may have committed a
symbolic link to anywhere on the machine, at any depth. Everything here reads, writes, copies
and deletes without ever following a link: a link is treated as not there (a cached bundle
holding one is not used, and is built again), and is removed, never copied into the site."""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


def is_real_folder(path: Path) -> bool:
    """True when `path` is a folder itself, not a link to one."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def holds_no_link(folder: Path) -> bool:
    """True when `folder` is a real folder and everything below it is an ordinary file or a
    real folder: no symbolic link (to anything, broken too), pipe or device anywhere."""
    if not is_real_folder(folder):
        return False
    for top, folders, files in os.walk(folder):  # os.walk does not enter linked folders
        for name in folders + files:
            try:
                mode = os.lstat(os.path.join(top, name)).st_mode
            except OSError:
                return False
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                return False
    return True


def read_file(path: Path) -> bytes | None:
    """The bytes of `path` when it is an ordinary file and not a link; None otherwise."""
    try:
        # O_NONBLOCK: a named pipe opens without waiting for a writer, and fstat refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None
        return file.read()


def write_file(path: Path, data: bytes, mode: int | None = None) -> None:
    """`data` into `path`, whole: a new file renamed over whatever is there, so a link at
    `path` is replaced, not written through, and no reader ever sees half a file. The folder
    must be a real one. `mode`: the file's permissions, when not the usual."""
    handle, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(name, mode)
        os.replace(name, path)
    except BaseException:
        try:
            os.unlink(name)
        except OSError:
            pass
        raise


def make_folder(path: Path) -> None:
    """`path` as a real folder: a link (or file) there is removed first. Its parent must be a
    real folder."""
    if not is_real_folder(path):
        remove(path)
        path.mkdir()


def remove(path: Path) -> None:
    """Whatever is at `path` gone: a link itself (never what it points to), a file, or a real
    folder with everything in it (shutil.rmtree removes the links inside, not their targets)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(path)
    else:
        path.unlink()


def copy_tree(source: Path, target: Path) -> None:
    """The ordinary files and real folders of `source` into `target` (which must not exist):
    hard links where they can be made (instant, and the source keeps its copy when the target
    is cleaned), copies otherwise. Links and anything else in `source` are left out."""
    target.mkdir()
    with os.scandir(source) as entries:
        for entry in entries:
            there = target / entry.name
            if entry.is_dir(follow_symlinks=False):
                copy_tree(Path(entry.path), there)
            elif entry.is_file(follow_symlinks=False):
                link_or_copy(entry.path, str(there))


def link_or_copy(source: str, destination: str) -> None:
    """An ordinary file at `destination` with the bytes of `source`, which must not be a link
    (a hard link to a link would keep the link)."""
    if not stat.S_ISREG(os.lstat(source).st_mode):
        raise OSError(f"{source} is not an ordinary file")
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)
