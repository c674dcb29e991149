"""Helpers for the site tests: real MkDocs builds of small boroughs in temporary folders."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from localoffer.borough import load_borough
from localoffer.cli import main
from localoffer.commands.build import build_site
from localoffer.synthetic import write_borough

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-28"
SLUG = "setting-00000"  # the first synthetic offer
# The English in the comments of a translation's skeleton (localoffer new --translation).
COMMENT = re.compile(r"<!-- English:\n.*?-->", re.S)


def make_borough(folder: Path, count: int, words: int = 25, **plugin: Any) -> list[Path]:
    """The repository's mkdocs.yml, docs/ and localoffer.yml, with `count` synthetic offers."""
    shutil.copy(REPO_ROOT / "localoffer.yml", folder / "localoffer.yml")
    shutil.copytree(REPO_ROOT / "docs", folder / "docs")
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in plugin.items():
        line = f"      {key}: {json.dumps(value)}"
        if re.search(rf"(?m)^      {key}:.*$", config):
            config = re.sub(rf"(?m)^      {key}:.*$", lambda _: line, config, count=1)
        else:
            config = config.replace("\n  - localoffer:\n", f"\n  - localoffer:\n{line}\n", 1)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    borough = load_borough(folder / "localoffer.yml")
    from datetime import date
    return write_borough(borough, folder, count, date.fromisoformat(TODAY), words_per_answer=words)


def translate(folder: Path, tag: str, answer: str, heading: str, translated_from: str,
              translated_by: str, slug: str | None = None) -> Path:
    """The skeleton `localoffer new --translation` writes, filled in as a translator would:
    each English comment but the welcome's replaced by `answer`, each heading translated."""
    slug = slug or SLUG
    assert main(["new", "--translation", tag, slug, "--config",
                 str(folder / "localoffer.yml")]) == 0
    path = folder / "offers" / slug / f"offer.{tag}.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('translated_by: ""', f"translated_by: {translated_by}")
    text = re.sub(r"(?m)^translated_from: .*$", f"translated_from: {translated_from}", text)
    body_start = text.index("\n---\n") + 5
    body = text[body_start:]
    welcome = COMMENT.search(body)  # the welcome keeps the English in its comment
    assert welcome is not None
    body = body[:welcome.end()] + COMMENT.sub(answer, body[welcome.end():])
    count = iter(range(1, 100))
    body = re.sub(r"(?m)^## .*$", lambda _: f"## {heading} {next(count)}", body)
    body = re.sub(r"(?m)^### .*$", lambda _: f"### {heading}", body)
    path.write_text(text[:body_start] + body, encoding="utf-8")
    return path


def set_field(offer: Path, key: str, value: str) -> None:
    """Change (or add) one front-matter line of a synthetic offer."""
    text = offer.read_text(encoding="utf-8")
    line = f"{key}: {value}"
    if re.search(rf"(?m)^{re.escape(key)}:.*$", text):
        text = re.sub(rf"(?m)^{re.escape(key)}:.*$", lambda _: line, text, count=1)
    else:
        text = text.replace("\n---\n", f"\n{line}\n---\n", 1)
    offer.write_text(text, encoding="utf-8")


def build(folder: Path, strict: bool = False) -> Path:
    return build_site(folder / "mkdocs.yml", strict=strict, site_dir=folder / "site", quiet=True)


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                          text=True).stdout


def git_init(folder: Path) -> None:
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "Sam SENCO")
    git(folder, "config", "user.email", "sam@example.org")
    git(folder, "config", "commit.gpgsign", "false")


def commit_all(folder: Path, message: str, author: str | None = None) -> None:
    git(folder, "add", "-A")
    extra = ["--author", author] if author else []
    git(folder, "commit", "-q", "-m", message, *extra)


class Elements(HTMLParser):
    """Every element of a page: (tag, {attribute: value}, text inside if script)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


