"""Reading the files in offers/ safely. Anyone who can edit an offer can also add files beside
it, so a file is read only when it is an ordinary file of its own: never through a symbolic
link (which could point at the build machine's secrets), never a named pipe or a device
(which would hang the build or fill its memory), never more than a size limit."""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

OFFER_FILE = "offer.md"
# A translation, offer.<language>.md: a BCP 47 tag, a language of 2 or 3 letters then optional
# subtags (script, region), such as offer.ur.md or offer.pa-Arab.md.
TRANSLATION_NAME = re.compile(r"^offer\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
# What an offer's folder may be called: the characters of a web address that need no escaping.
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_ADVICE = ("may use only small letters a to z, digits and single hyphens between them "
               "(for example oakfield-primary-school). Rename the folder.")
SYMLINK_ADVICE = ("is a symbolic link. Files in offers/ must be ordinary files: replace the "
                  "link with a copy of the file itself.")
FOLDER_SYMLINK_ADVICE = ("is a symbolic link. offers/, feedback/ and the folders in them must be "
                         "ordinary folders of the repository: replace the link with the folder "
                         "itself.")
SPECIAL_ADVICE = ("is not an ordinary file (it is a named pipe, a device or a socket). Remove "
                  "it: a setting's folder may only hold its offer, pictures and documents.")
MISPLACED_ADVICE = ("is inside another setting's folder. Each setting's offer must be "
                    "offers/<setting>/offer.md: move this folder up into offers/, or remove it.")


class UnsafeFile(Exception):
    """A file that is not read: `rule` and a plain-English `message` say why."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@dataclass(frozen=True)
class UnsafeEntry:
    path: Path
    rule: str
    message: str


def is_safe_slug(slug: str) -> bool:
    return bool(SAFE_SLUG.match(slug))


def too_large(size: int, limit: int) -> str:
    return (f"This file is {size // 1024} KB; the limit is {limit // 1024} KB. Move long "
            "documents to your own website and link to them.")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, an ordinary file that is not a symbolic link and holds at most
    `limit` bytes; UnsafeFile otherwise (OSError when it cannot be read at all)."""
    try:
        # O_NOFOLLOW refuses a link (broken or looping ones too); O_NONBLOCK lets a named pipe
        # open without waiting for a writer, and fstat then refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if path.is_symlink():
            raise UnsafeFile("file/symlink", f"This file {SYMLINK_ADVICE}") from error
        raise
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("file/not-a-file", f"This {SPECIAL_ADVICE}")
        if info.st_size > limit:
            raise UnsafeFile("file/too-large", too_large(info.st_size, limit))
        content = file.read(limit + 1)
    if len(content) > limit:  # it grew while being read
        raise UnsafeFile("file/too-large", f"This file is larger than the limit of "
                         f"{limit // 1024} KB.")
    return content


def is_regular_file_inside(path: Path, folder: Path) -> bool:
    """True when `path` is an ordinary file, not a link, whose real path is in `folder`."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    real = Path(os.path.realpath(path))
    return real.parent == Path(os.path.realpath(folder))


def no_link_below(root: Path, relative: Path) -> bool:
    """True when no part of root/relative below `root` is a symbolic link (parts not made yet
    are none): a folder a build writes to, and deletes from, inside a checkout, where a pull
    request could have put a link to anywhere on the machine."""
    path = root
    for part in relative.parts:
        path = path / part
        if path.is_symlink():
            return False
    return True


def unsafe_entries(offers_dir: Path) -> list[UnsafeEntry]:
    """What in offers/ is never read: symbolic links (to anything, broken or looping too),
    pipes and devices. Nothing is followed: a linked folder is reported, not entered."""
    if not offers_dir.is_dir():
        return []
    found: list[UnsafeEntry] = []
    for entry in _entries(str(offers_dir)):
        try:
            if entry.is_symlink():
                found.append(UnsafeEntry(Path(entry.path), "file/symlink",
                                         f"This {SYMLINK_ADVICE}"))
            elif not (entry.is_file(follow_symlinks=False)
                      or entry.is_dir(follow_symlinks=False)):
                found.append(UnsafeEntry(Path(entry.path), "file/not-a-file",
                                         f"This {SPECIAL_ADVICE}"))
        except OSError:
            continue
    return found


def ordinary_files(folder: Path, wanted: Callable[[str], bool], below: bool = True) -> list[Path]:
    """The ordinary files (not links, folders or devices) in `folder`, and in the folders
    below it unless `below` is False, whose names `wanted` accepts; sorted. Links to folders
    are not followed."""
    found = []
    for entry in _entries(str(folder), below):
        try:
            if wanted(entry.name) and entry.is_file(follow_symlinks=False):
                found.append(Path(entry.path))
        except OSError:
            continue
    return sorted(found)


def _entries(folder: str, below: bool = True) -> Iterator[os.DirEntry[str]]:
    """Every entry in `folder` and, unless `below` is False, in the folders below it: each
    folder's entries by name, links never followed, unreadable folders passed over. The
    entries' kinds come from the listing itself: thousands of offers' folders are walked in
    every build."""
    if os.path.islink(folder):
        return  # a pull request can commit offers/ itself as a link to anywhere on the machine
    waiting = [folder]
    while waiting:
        try:
            with os.scandir(waiting.pop()) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        folders = []
        for entry in entries:
            yield entry
            try:
                if below and entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
            except OSError:
                continue
        waiting.extend(reversed(folders))


def offer_files_in(folder: Path) -> list[Path]:
    """Every ordinary file called offer.md under `folder`, links not followed, sorted."""
    return ordinary_files(folder, lambda name: name == OFFER_FILE)


def layout_problem(path: Path, offers_dir: Path) -> UnsafeFile | None:
    """Why an offer file inside offers/ is not where an offer must be, or None. Outside
    offers/ (a file named on the command line) any place will do."""
    folder = Path(os.path.abspath(path)).parent
    offers = Path(os.path.abspath(offers_dir))
    if path.name == OFFER_FILE and (folder == offers or (offers in folder.parents
                                                         and folder.parent != offers)):
        return UnsafeFile("file/misplaced", f"This offer {MISPLACED_ADVICE}")
    if folder.parent == offers and not is_safe_slug(folder.name):
        return UnsafeFile("file/folder-name", f"The folder name '{folder.name}' {SLUG_ADVICE}")
    if folder.parent == offers and os.path.realpath(folder) != os.path.join(
            os.path.realpath(offers), folder.name):
        return UnsafeFile("file/symlink", f"The folder {folder.name} {SYMLINK_ADVICE}")
    return None
