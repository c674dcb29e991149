"""A tiny material site with the demo site's page types, used until the repo has mkdocs.yml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MKDOCS_YML = """\
site_name: Calderbrook Local Offer
theme:
  name: material
  font: false
  language: en
plugins:
  - search
"""

PAGES = {
    "index.md": "# Support for Learners\n\nWhat the Local Offer is, and how to find a setting.\n\n"
    "[All settings A to Z](settings/index.md)\n",
    "settings/index.md": "# Settings A to Z\n\n- [Oakfield Primary School](oakfield-primary-school.md)\n",
    "settings/by-type.md": "# Settings by type\n\n## Primary\n\n- [Oakfield Primary School](oakfield-primary-school.md)\n",
    "settings/oakfield-primary-school.md": "# Oakfield Primary School\n\n"
    "## How does the school know if my child needs extra help?\n\n"
    "We listen to you. Our speech and language support starts in Reception.\n",
    "booklet.md": "# Printable booklet\n\n## Oakfield Primary School\n\nOur speech and language support.\n",
}


def build_minimal_site(dest: Path) -> None:
    source = dest.parent / (dest.name + "-source")
    for name, text in PAGES.items():
        path = source / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (source / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(dest)],
        cwd=source, check=True,
    )
