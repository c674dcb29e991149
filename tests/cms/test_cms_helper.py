"""The web editor's helper (`localoffer cms serve`): over real HTTP on 127.0.0.1, the findings
`localoffer check` gives for the text a school is typing, told where they are in the editor,
and the page a real `localoffer build` publishes for it; it answers only the editor's page,
only POST, within the size limit, and writes nothing."""
from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gitrepos import demo_repo, git, isolated_git
from localoffer.borough import load_borough
from localoffer.site.cms_admin import preview_styles
from localoffer.site.cms_helper import EditorHelper, RunningHelper, editor_helper
from localoffer.site.config import site_options_of
from localoffer.site.offer_preview import OfferPreviewer, theme_of
from pagecontent import content_of
from testpaths import TODAY

pytestmark = pytest.mark.slow
EDITOR = "http://127.0.0.1:8000"  # the editor's page, as `cms serve` would serve it
SLUG = "oakfield-primary-school"
OFFER = f"offers/{SLUG}/offer.md"
QUESTION = "## How will staff support my child?"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo borough in a Git repository of its own, and its site built by `localoffer
    build` (site/)."""
    monkeypatch = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("cms-helper")
    isolated_git(monkeypatch, base / "home")
    folder = demo_repo(base / "local-offer",
                       parts=("offers", "docs", "feedback", "localoffer.yml", "mkdocs.yml"))
    built = localoffer(folder, "build", "--today", TODAY.isoformat())
    assert built.returncode == 0, built.stderr
    yield folder
    monkeypatch.undo()


@pytest.fixture(scope="module")
def helper(repo: Path) -> Iterator[RunningHelper]:
    borough = load_borough(repo / "localoffer.yml")
    site = repo / "site"
    previewer = OfferPreviewer(borough, TODAY, site_options_of(repo / "mkdocs.yml"),
                               f"{EDITOR}/", preview_styles(site), theme_of(site))
    with editor_helper(EditorHelper(borough, TODAY, previewer), EDITOR) as running:
        yield running


def localoffer(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "localoffer", *args], cwd=folder,
                          capture_output=True, text=True)


def post(helper: RunningHelper, address: str, body: bytes, origin: str | None = EDITOR,
         host: str | None = None, method: str = "POST") -> tuple[int, dict[str, Any], Any]:
    port = int(helper.url.rstrip("/").rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "text/plain;charset=UTF-8"}
    if origin is not None:
        headers["Origin"] = origin
    if host is not None:
        headers["Host"] = host
    connection.request(method, address, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), json.loads(data) if data else None


def with_problems(text: str) -> str:
    """The school's edit: 'TODO' as the answer to a question, and a bad postcode."""
    start = text.index(QUESTION)
    end = text.index("\n## ", start + 1)
    text = text[:start] + f"{QUESTION}\n\nTODO\n" + text[end:]
    return text.replace("postcode: CK4 2QT\n", "postcode: nowhere\n")


def test_the_findings_are_those_of_localoffer_check_with_where_they_are(
        helper: RunningHelper, repo: Path, tmp_path: Path) -> None:
    text = with_problems((repo / OFFER).read_text(encoding="utf-8"))
    status, headers, answer = post(helper, f"/check?slug={SLUG}", text.encode("utf-8"))
    assert status == 200, answer
    assert headers["Access-Control-Allow-Origin"] == EDITOR

    # `localoffer check` on the same text, saved in a copy of the borough.
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("site", ".git"))
    (copy / OFFER).write_text(text, encoding="utf-8")
    checked = localoffer(copy, "check", "--format", "json", "--today", TODAY.isoformat(), OFFER)
    expected = [finding for finding in json.loads(checked.stdout)["findings"]
                if finding["path"] == OFFER]
    assert [{key: value for key, value in finding.items() if key != "where"}
            for finding in answer["findings"]] == expected
    assert answer["path"] == OFFER

    lines = text.split("\n")
    todo_line = lines.index("TODO") + 1
    postcode_line = lines.index("postcode: nowhere") + 1
    by_rule = {finding["rule"]: finding for finding in answer["findings"]}
    assert by_rule["sections/empty"]["line"] == todo_line
    assert by_rule["sections/empty"]["severity"] == "error"
    assert by_rule["sections/empty"]["where"] == \
        f"Your answers: under “How will staff support my child?” (line {todo_line})"
    assert by_rule["front-matter/bad-value"]["where"] == f"The box “Postcode” (line {postcode_line})"
    assert answer["errors"] == 2 and answer["warnings"] == 0


def test_a_nested_box_is_named_with_its_group(helper: RunningHelper, repo: Path) -> None:
    text = (repo / OFFER).read_text(encoding="utf-8").replace(
        "  email: senco@oakfield-primary.calderbrook.example\n", "  email: not an email\n")
    status, _headers, answer = post(helper, f"/check?slug={SLUG}", text.encode("utf-8"))
    assert status == 200
    line = text.split("\n").index("  email: not an email") + 1
    assert [finding["where"] for finding in answer["findings"]] == [
        f"The box “SENCO (or SEND lead): Email” (line {line})"]


def test_a_missing_detail_names_its_empty_box(helper: RunningHelper, repo: Path) -> None:
    text = (repo / OFFER).read_text(encoding="utf-8").replace(
        "  email: senco@oakfield-primary.calderbrook.example\n", "").replace(
        "next_review: 2027-09-01\n", "")
    status, _headers, answer = post(helper, f"/check?slug={SLUG}", text.encode("utf-8"))
    assert status == 200
    missing = [finding for finding in answer["findings"]
               if finding["rule"] == "front-matter/missing-field"]
    lines = text.split("\n")
    senco_line = lines.index("senco:") + 1
    close_line = lines.index("---", 1) + 1
    assert [finding["where"] for finding in missing] == [
        f"The box “SENCO (or SEND lead): Email”: fill it in (line {senco_line})",
        f"The box “Next review”: fill it in (line {close_line})"]
    # The messages are those of `localoffer check`, word for word.
    assert missing[0]["message"].startswith("The front-matter has no senco.email.")


def test_the_preview_is_the_page_localoffer_build_publishes(helper: RunningHelper,
                                                            repo: Path) -> None:
    for slug in (SLUG, "beacon-hill-school", "sunflower-childminding"):
        text = (repo / "offers" / slug / "offer.md").read_bytes()
        status, _headers, answer = post(helper, f"/preview?slug={slug}", text)
        assert status == 200, answer
        built = (repo / "site" / "settings" / slug / "index.html").read_text(encoding="utf-8")
        assert content_of(answer["document"]) == content_of(built), slug
        assert f'<base href="{EDITOR}/settings/{slug}/">' in answer["document"]


def test_the_preview_shows_what_the_school_typed_and_a_new_offer(helper: RunningHelper,
                                                                 repo: Path) -> None:
    text = (repo / OFFER).read_text(encoding="utf-8").replace(
        "name: Oakfield Primary School", "name: Oakfield & Hollins Primary <School>")
    status, _headers, answer = post(helper, f"/preview?slug={SLUG}", text.encode("utf-8"))
    assert status == 200
    assert "<h1 id=\"oakfield-primary-school-name\" data-pagefind-meta=\"title\">" \
           "Oakfield &amp; Hollins Primary &lt;School&gt;</h1>" in answer["document"]
    status, _headers, answer = post(helper, "/preview?slug=willow-tree-primary-school",
                                    text.encode("utf-8"))
    assert status == 200
    assert "Changes to this page" not in answer["document"]  # a new offer has no history


def test_hostile_text_is_only_parsed_and_nothing_is_written(helper: RunningHelper,
                                                            repo: Path) -> None:
    before = git(repo, "status", "--porcelain", "--ignored")
    text = (repo / OFFER).read_text(encoding="utf-8").replace(
        "name: Oakfield Primary School", "name: \"<script>alert(1)</script>\"") + \
        "\n<img src=x onerror=alert(2)>\n<script>alert(3)</script>\n"
    status, _headers, page = post(helper, f"/preview?slug={SLUG}", text.encode("utf-8"))
    assert status == 200
    assert "<script" not in page["document"] and "onerror" not in page["document"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page["document"]
    status, _headers, answer = post(helper, f"/check?slug={SLUG}", text.encode("utf-8"))
    assert "safety/raw-html" in {finding["rule"] for finding in answer["findings"]}
    status, _headers, answer = post(helper, f"/check?slug={SLUG}", b"\xff\xfe not text")
    assert status == 200
    assert [finding["rule"] for finding in answer["findings"]] == ["file/encoding"]
    status, _headers, answer = post(helper, f"/preview?slug={SLUG}", b"no front-matter")
    assert status == 422
    assert answer["error"].startswith("The page cannot be shown until the details at the top")
    assert git(repo, "status", "--porcelain", "--ignored") == before
    assert not (repo / "offers" / "new-setting").exists()


@pytest.mark.parametrize(("origin", "host"), [
    (None, None),                                  # not from a web page
    ("http://127.0.0.1:9999", None),               # another web page on this computer
    ("https://evil.example", None),                # a web page from anywhere
    (EDITOR, "localhost:{port}"),                  # another name for this computer
    (EDITOR, "evil.example:{port}"),               # DNS rebinding
])
def test_only_the_editors_own_page_may_ask(helper: RunningHelper, repo: Path,
                                           origin: str | None, host: str | None) -> None:
    port = helper.url.rstrip("/").rsplit(":", 1)[1]
    text = (repo / OFFER).read_bytes()
    status, headers, answer = post(helper, f"/check?slug={SLUG}", text, origin,
                                   host.format(port=port) if host else None)
    assert status == 403
    assert answer == {"error": "Only the web editor on this computer may use this."}
    assert "Access-Control-Allow-Origin" not in headers


def test_only_post_within_the_size_limit_with_a_plain_folder_name(helper: RunningHelper,
                                                                  repo: Path) -> None:
    for method in ("GET", "PUT", "DELETE", "OPTIONS"):
        status, headers, _answer = post(helper, f"/check?slug={SLUG}", b"", method=method)
        assert (status, headers["Allow"]) == (405, "POST"), method
    status, _headers, answer = post(helper, "/check?slug=../../etc", b"---\n---\n")
    assert status == 400
    status, _headers, _answer = post(helper, "/elsewhere", b"---\n---\n")
    assert status == 404
    # Refused on its declared length, before a byte of it is read.
    limit = load_borough(repo / "localoffer.yml").max_file_bytes
    port = int(helper.url.rstrip("/").rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", f"/check?slug={SLUG}")
    for name, value in (("Origin", EDITOR), ("Content-Length", str(limit + 1))):
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    status, answer = response.status, json.loads(response.read())
    connection.close()
    assert status == 413
    assert "Move long documents to your own website" in answer["error"]


def test_it_listens_on_127_0_0_1_only(helper: RunningHelper) -> None:
    assert helper.url.startswith("http://127.0.0.1:")
    port = int(helper.url.rstrip("/").rsplit(":", 1)[1])
    import socket
    with pytest.raises(OSError):
        socket.create_connection(("::1", port), timeout=2).close()
