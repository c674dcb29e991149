"""The web editor (Decap CMS) in Chromium, saving through decap-server to a real Git repository.

A school drafts a new offer from the template and the local authority publishes it; a school
edits its own offer and only that file changes; every demo offer survives a save in the editor
with no word lost. No request may leave 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from browser_harness import (
    DESKTOP,
    REPO_ROOT,
    artifact_path,
    describe_violations,
    run_axe,
    serve_folder,
)
from localoffer.borough import load_borough
from localoffer.model.frontmatter import split_front_matter
from localoffer.site.cms_admin import find_decap, write_admin
from localoffer.site.cms_config import Backend
from localoffer.site.cms_server import decap_server, find_server

from gitrepos import git, isolated_git, set_identity
from testpaths import TODAY

pytestmark = pytest.mark.browser

LOCAL = ("http://127.0.0.1:", "data:", "blob:")
NEW_SLUG = "willow-tree-primary-school"
NEW_BRANCH = f"cms/offers/{NEW_SLUG}/offer"
FIRST_ANSWER = "Every class has a teaching assistant. Your child's teacher plans work that suits them."
SECOND_ANSWER = "We change how we teach, and we use pictures and objects in every lesson."


@dataclass
class Editor:
    """Chromium on the editor, decap-server on the repository, and what left the machine."""

    page: Any
    url: str
    repo: Path
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def field(self, key: str, nth: int = 0) -> Any:
        return self.page.locator(f'[id^="{key}-field-"]').nth(nth)

    def open(self, address: str) -> None:
        self.page.goto(self.url + address)
        login = self.page.get_by_role("button", name="Login")
        login.click()  # decap-server needs no account: Login just opens the editor

    def save(self) -> None:
        """Save a change as a new draft: its status menu appears once it is on its branch."""
        self.page.get_by_role("button", name="Save", exact=True).click()
        self.page.get_by_role("button", name="Status: Draft").wait_for()

    def answer_under(self, heading: str, answer: str) -> None:
        """Type an answer on a new paragraph under a question's heading in the body."""
        body = self.page.locator("[data-slate-editor]")
        line = body.get_by_text(f"## {heading}", exact=True)
        # A long heading wraps on screen, and End stops at the end of the line shown: so click
        # on the heading's last piece of line, then End, to be at the end of the heading.
        line.scroll_into_view_if_needed()
        end = line.evaluate("""line => {
            const range = document.createRange();
            range.selectNodeContents(line);
            const pieces = range.getClientRects();
            const last = pieces[pieces.length - 1];
            return {x: last.right - 2, y: last.top + last.height / 2};
        }""")
        self.page.mouse.click(end["x"], end["y"])
        expect(body).to_be_focused()
        self.page.keyboard.press("End")
        for key in ("Enter", "Enter"):
            self.page.keyboard.press(key)
        self.page.keyboard.type(answer, delay=5)
        # (Decap's lines are joined with zero-width spaces in the text it shows.)
        try:
            expect(body).to_contain_text(re.compile(re.escape(f"## {heading}") + r"[\s\ufeff]*"
                                                    + re.escape(answer)))
        except AssertionError:
            shown = body.inner_text()
            at = shown.find(answer[:12])
            artifact_path("cms", "answer.txt").write_text(repr(shown[max(0, at - 400):at + 200]))
            raise
        # The preview shows it once Decap has taken the change in (it waits for typing to
        # pause, then draws the box again): only then is the next click safe.
        expect(self.page.frame_locator("#preview-pane").locator("body")).to_contain_text(answer)

    def set_status(self, status: str) -> None:
        self.page.get_by_role("button", name="Status: Draft").click()
        self.page.get_by_role("menuitem", name=status).click()
        self.page.get_by_role("button", name=f"Status: {status}").wait_for()

    def publish_from_workflow(self, name: str) -> None:
        """The reviewer: the Workflow board, the entry in Ready, Publish now."""
        self.page.goto(self.url + "admin/#/workflow")
        self.page.get_by_text(name).first.click()
        self.page.get_by_role("button", name="Publish", exact=True).click()
        self.page.get_by_role("menuitem", name="Publish now").click()
        self.page.get_by_text("Entry published").wait_for()

    def git(self, *args: str) -> str:
        return git(self.repo, *args)


def localoffer(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "localoffer", *args], cwd=folder,
                          capture_output=True, text=True)


@pytest.fixture
def cms_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo borough in a new Git repository, its main branch checked out."""
    isolated_git(monkeypatch, tmp_path / "home")
    repo = tmp_path / "local-offer"
    repo.mkdir()
    for name in ("offers", "docs"):
        shutil.copytree(REPO_ROOT / name, repo / name)
    for name in ("localoffer.yml", "mkdocs.yml"):
        shutil.copy(REPO_ROOT / name, repo / name)
    (repo / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    set_identity(repo, "Rita Reviewer", "rita@calderbrook.example")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Calderbrook's offers")
    return repo


@pytest.fixture
def editor(cms_repo: Path, site_dir: Path, browser: Any, tmp_path: Path) -> Iterator[Editor]:
    web = tmp_path / "web"
    web.mkdir()
    shutil.copy(site_dir / "index.html", web / "index.html")
    (web / "assets").symlink_to(site_dir / "assets", target_is_directory=True)
    log = tmp_path / "decap-server.log"
    with decap_server(cms_repo, find_server(REPO_ROOT), log=log) as server:
        write_admin(web, load_borough(cms_repo / "localoffer.yml"),
                    Backend(branch=server.branch, local_port=server.port), TODAY,
                    find_decap(REPO_ROOT))
        with serve_folder(web) as url:
            context = browser.new_context(viewport=DESKTOP, device_scale_factor=1,
                                          reduced_motion="reduce")
            page = context.new_page()
            page.set_default_timeout(30_000)
            editor = Editor(page, url, cms_repo)

            def route(route: Any) -> None:
                if route.request.url.startswith(LOCAL):
                    route.continue_()
                else:
                    editor.outside.append(route.request.url)
                    route.abort()

            page.route("**/*", route)
            page.on("request", lambda request: editor.requests.append(request.url))
            page.on("dialog", lambda dialog: dialog.accept())  # "Are you sure ...?"
            try:
                yield editor
            finally:
                context.close()
    assert editor.outside == []
    assert [url for url in editor.requests if not url.startswith(LOCAL)] == []


def test_a_school_drafts_a_new_offer_and_the_local_authority_publishes_it(editor: Editor) -> None:
    # (a) A new offer from the template: the details, then two answers, saved as a draft.
    editor.open("admin/#/collections/offers/new")
    editor.field("name").fill("Willow Tree Primary School")
    editor.field("type").fill("Primary school")
    editor.page.keyboard.press("Enter")
    editor.field("urn").fill("123456")
    editor.field("age_range").fill("4-11")
    editor.field("address").fill("1 Willow Road")
    editor.field("postcode").fill("CK4 1AA")
    editor.field("website").fill("https://willow.calderbrook.example")
    editor.field("phone").fill("0161 496 0100")
    editor.field("name", 1).fill("Ms Jo Bloggs")  # the SENCO's
    editor.field("email").fill("senco@willow.calderbrook.example")
    editor.field("last_reviewed").fill("2026-11-20")
    editor.field("next_review").fill("2027-09-01")
    editor.field("approved_by").fill("Governing Body, 20 Nov 2026")
    editor.field("status").fill("Published")
    editor.page.keyboard.press("Enter")
    editor.field("maintainers").fill("@calderbrook/willow-tree")
    editor.answer_under("How will staff support my child?", FIRST_ANSWER)
    editor.answer_under("How will the curriculum be matched to my child's needs?", SECOND_ANSWER)
    editor.save()

    assert NEW_BRANCH in editor.git("branch", "--format=%(refname:short)").split()
    text = editor.git("show", f"{NEW_BRANCH}:offers/{NEW_SLUG}/offer.md")
    front_matter, _close, body_start = split_front_matter(text)
    data = yaml.safe_load(front_matter)
    assert data["name"] == "Willow Tree Primary School"
    assert data["senco"] == {"name": "Ms Jo Bloggs", "email": "senco@willow.calderbrook.example"}
    assert data["maintainers"] == ["@calderbrook/willow-tree"]
    assert str(data["last_reviewed"]) == "2026-11-20"
    assert f"## How will staff support my child?\n\n{FIRST_ANSWER}\n\n<!--\nAnswer this " in text
    assert f"## How will the curriculum be matched to my child's needs?\n\n{SECOND_ANSWER}\n" in text
    # The template's other questions are there, with their guidance, still to answer.
    assert "## Which kinds of special educational needs do you provide for?\n\n<!--\n" in text
    assert not (editor.repo / "offers" / NEW_SLUG).exists()  # main: nothing published yet

    # (b) Marked ready; the reviewer publishes it from the Workflow board.
    editor.set_status("Ready")
    editor.publish_from_workflow("Willow Tree Primary School")
    assert editor.git("log", "-1", "--format=%s", "main") == \
        f"New offer offers/{NEW_SLUG}/offer.md, written in the web editor\n"
    assert editor.git("show", f"main:offers/{NEW_SLUG}/offer.md") == text
    assert NEW_BRANCH not in editor.git("branch", "--format=%(refname:short)").split()

    checked = localoffer(editor.repo, "check", "--today", TODAY.isoformat(),
                         f"offers/{NEW_SLUG}/offer.md")
    assert checked.returncode == 1, checked.stderr  # a draft of two answers: findings to fix
    assert f"offers/{NEW_SLUG}/offer.md:" in checked.stdout
    history = localoffer(editor.repo, "history", "--rev", "main", NEW_SLUG)
    assert history.returncode == 0, history.stderr
    assert f"New offer offers/{NEW_SLUG}/offer.md, written in the web editor" in history.stdout


def test_a_school_editing_its_offer_changes_only_that_file(editor: Editor) -> None:
    editor.open("admin/oakfield-primary-school/")
    editor.page.get_by_text("Oakfield Primary School").first.click()
    approved = editor.field("approved_by")
    approved.fill("Governing Body, 26 Nov 2026")
    editor.save()
    branch = "cms/offers/oakfield-primary-school/offer"
    assert editor.git("diff", "--name-only", "main", branch).split() == [
        "offers/oakfield-primary-school/offer.md"]
    # The school's draft is in the local authority's review board too: one branch for both.
    editor.set_status("Ready")
    editor.publish_from_workflow("Oakfield Primary School")
    assert editor.git("diff", "--name-only", "main~1", "main").split() == [
        "offers/oakfield-primary-school/offer.md"]
    saved = (editor.repo / "offers" / "oakfield-primary-school" / "offer.md").read_text()
    assert "approved_by: Governing Body, 26 Nov 2026\n" in saved


DEMO_SLUGS = sorted(path.parent.name for path in (REPO_ROOT / "offers").glob("*/offer.md"))
COMMENT = "# The head teacher checks this offer each September.\n"
UNKNOWN_KEY = "funding_note: Top-up funding agreed with the LA  # kept for the LA's records\n"


def test_every_demo_offer_saved_in_the_editor_keeps_every_word(editor: Editor) -> None:
    """Open each demo offer, change one detail, save; after `localoffer fix --restore-from
    main` the file differs from main by that one line only, and passes `fix --check`. One
    offer also carries a YAML comment and a key the editor does not know."""
    assert len(DEMO_SLUGS) == 12
    beacon = editor.repo / "offers" / "beacon-hill-school" / "offer.md"
    text = beacon.read_text(encoding="utf-8")
    # At the end of the front-matter, where `localoffer fix` keeps keys it does not know.
    beacon.write_text(text.replace("\n---\n", f"\n{COMMENT}{UNKNOWN_KEY}---\n", 1),
                      encoding="utf-8")
    assert localoffer(editor.repo, "fix", "--check", "offers/beacon-hill-school/offer.md").returncode == 0
    editor.git("commit", "-q", "-am", "A note for the LA")

    editor.open("admin/")
    originals = {}
    for slug in DEMO_SLUGS:
        name = yaml.safe_load(split_front_matter(
            editor.git("show", f"main:offers/{slug}/offer.md"))[0])["name"]
        editor.page.goto(f"{editor.url}admin/#/collections/offers")
        editor.page.get_by_text(name, exact=True).click()
        expect(editor.field("name")).to_have_value(name)
        approved = editor.field("approved_by")
        originals[slug] = approved.input_value()
        approved.press("End")
        approved.type(" (seen)")
        try:
            editor.save()
        except Exception:
            editor.page.screenshot(path=str(artifact_path("cms", f"save-{slug}.png")))
            raise

    for slug in DEMO_SLUGS:
        path = f"offers/{slug}/offer.md"
        branch = f"cms/offers/{slug}/offer"
        assert editor.git("diff", "--name-only", "main", branch).split() == [path]
        saved = editor.git("show", f"{branch}:{path}")
        main = editor.git("show", f"main:{path}")
        # What the editor wrote: the same body, byte for byte.
        assert saved.split("\n---\n", 1)[1] == main.split("\n---\n", 1)[1]
        editor.git("checkout", "-q", branch)
        try:
            fixed = localoffer(editor.repo, "fix", "--restore-from", "main", path)
            assert fixed.returncode == 0, fixed.stdout + fixed.stderr
            again = localoffer(editor.repo, "fix", "--check", path)
            assert again.returncode == 0, again.stdout
            diff = editor.git("diff", "-U0", "main", "--", path)
        finally:
            editor.git("checkout", "-q", "--", ".")
            editor.git("checkout", "-q", "main")
        changed = [line for line in diff.splitlines()
                   if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert changed == [f"-approved_by: {originals[slug]}",
                           f"+approved_by: {originals[slug]} (seen)"], slug


GUIDE_IMAGES = REPO_ROOT / "docs" / "contributing" / "images" / "web-editor"
UPDATE_IMAGES = "LOCALOFFER_UPDATE_SCREENSHOTS"


def _settle(page: Any) -> None:
    """Two animation frames: editor.js's fixes run on the frame after Decap draws."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def _look(editor: Editor, axe_source: str, name: str, found: dict[str, list[dict[str, Any]]],
          picture: bool = True) -> None:
    _settle(editor.page)
    found[name] = run_axe(editor.page, axe_source)
    if picture:
        shot = artifact_path("cms", "guide", f"{name}.png")
        editor.page.screenshot(path=str(shot))
        if os.environ.get(UPDATE_IMAGES):
            GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, GUIDE_IMAGES / f"{name}.png")


def _counts(found: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    counts = {impact: 0 for impact in ("critical", "serious", "moderate", "minor")}
    for violations in found.values():
        for violation in violations:
            counts[violation["impact"]] += len(violation["nodes"])
    return counts


def _school_walk(editor: Editor, axe_source: str, found: dict[str, list[dict[str, Any]]],
                 pictures: bool) -> None:
    """A SENCO's way through: sign in, open the offer, change it, save, mark it ready; then
    the local authority's review board."""
    editor.page.goto(editor.url + "admin/oakfield-primary-school/")
    editor.page.get_by_role("button", name="Login").wait_for()
    _look(editor, axe_source, "1-sign-in", found, pictures)
    editor.page.get_by_role("button", name="Login").click()
    editor.page.get_by_text("Oakfield Primary School").first.wait_for()
    _look(editor, axe_source, "2-your-offer", found, pictures)
    editor.page.get_by_text("Oakfield Primary School").first.click()
    editor.field("approved_by").fill("Governing Body, 26 Nov 2026")
    _look(editor, axe_source, "3-editing", found, pictures)
    editor.save()
    _look(editor, axe_source, "4-saved-as-draft", found, pictures)
    editor.page.get_by_role("button", name="Status: Draft").click()
    editor.page.get_by_role("menuitem", name="Ready").wait_for()
    _look(editor, axe_source, "5-mark-ready", found, pictures)
    editor.page.get_by_role("menuitem", name="Ready").click()
    editor.page.get_by_role("button", name="Status: Ready").wait_for()
    editor.page.goto(editor.url + "admin/#/workflow")
    editor.page.get_by_text("Oakfield Primary School").first.wait_for()
    _look(editor, axe_source, "6-review-board", found, pictures)
    editor.page.goto(editor.url + "admin/settings.html")
    _look(editor, axe_source, "7-links-for-settings", found, False)


def test_the_editor_passes_axe_and_its_guide_shows_each_step(editor: Editor, axe_source: str,
                                                             browser: Any) -> None:
    ours: dict[str, list[dict[str, Any]]] = {}
    _school_walk(editor, axe_source, ours, pictures=True)
    problems = [f"{name}:\n{describe_violations(found)}" for name, found in ours.items() if found]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)

    # The same walk without our fixes (editor.js not loaded): what Decap alone fails.
    editor.git("branch", "-D", "cms/offers/oakfield-primary-school/offer")
    editor.page.route("**/admin/editor.*", lambda route: route.abort())
    editor.page.evaluate("() => localStorage.clear()")  # signed out again
    decap: dict[str, list[dict[str, Any]]] = {}
    _school_walk(editor, axe_source, decap, pictures=False)
    decap.pop("7-links-for-settings")  # our own page: not Decap's
    figures = {"axe_with_our_fixes": _counts(ours), "axe_decap_alone": _counts(decap),
               "decap_alone_by_rule": {name: {v["id"]: len(v["nodes"]) for v in found}
                                       for name, found in decap.items()}}
    artifact_path("cms", "axe.json").write_text(json.dumps(figures, indent=2) + "\n")
    # What editor.js and editor.css fix: if Decap fixes one itself, drop its fix here.
    decap_rules = sorted({violation["id"] for found in decap.values() for violation in found})
    assert decap_rules == ["aria-input-field-name", "aria-required-children",
                           "aria-required-parent", "color-contrast", "frame-title", "list"]
    for name in ("1-sign-in", "2-your-offer", "3-editing", "4-saved-as-draft", "5-mark-ready",
                 "6-review-board"):
        assert (GUIDE_IMAGES / f"{name}.png").is_file(), \
            f"docs/contributing/web-editor.md's picture {name}.png is missing: run the " \
            f"browser tests with {UPDATE_IMAGES}=1 and commit the pictures"
