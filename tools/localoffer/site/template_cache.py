"""The theme's templates compiled once, not in every build.

MkDocs compiles every template of the theme (about 40) in each build, which is a large part
of a build that keeps most pages (and of each `serve` reload). Jinja can keep the compiled
templates (FileSystemBytecodeCache, checked against each template's source): they are kept in
the user's own cache folder, readable and writable by the user alone, because loading one
runs it (never in the project, where a pull request could put files).
"""
from __future__ import annotations

import os
import stat

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from localoffer.site.signed_store import user_cache_folder

_FOLDER = "templates"


def template_cache() -> BytecodeCache | None:
    """The cache of compiled templates, or None when its folder is not the user's alone."""
    folder = user_cache_folder() / _FOLDER
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return None
    if (not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid()
            or found.st_mode & (stat.S_IRWXG | stat.S_IRWXO)):
        return None
    return FileSystemBytecodeCache(str(folder))
