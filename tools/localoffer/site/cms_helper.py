"""The web editor's helper on this computer (`localoffer cms serve`): while a school types, the
editor asks it for the findings `localoffer check` will give (the same checks,
checks/runner.check_offer) and for the page the website will publish (offer_preview.py).

    POST /check?slug=<setting>     the findings, as JSON, each with where it is in the editor
    POST /preview?slug=<setting>   the page, as a whole HTML document in JSON

The request's body is the offer's text, as the editor would save it to
offers/<setting>/offer.md. That text is hostile: it is parsed, never run, held in memory only
(nothing is written), and refused above the borough's file size limit. The helper listens on
127.0.0.1 only, and answers only the editor's own page: a request from any other web page
(its Origin) or under another name for this computer (its Host: DNS rebinding) is refused, as
is any method but POST.
"""
from __future__ import annotations

import http.server
import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

from localoffer.borough import Borough
from localoffer.checks import CheckContext, check_offer
from localoffer.model import Severity
from localoffer.model.discover import known_slugs
from localoffer.model.files import OFFER_FILE, too_large
from localoffer.model.offer import offer_from_text
from localoffer.site.cms_findings import for_editor
from localoffer.site.offer_preview import OfferPreviewer

log = logging.getLogger(__name__)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NEW_OFFER_SLUG = "new-setting"  # an offer not named yet
REQUEST_SECONDS = 10  # a client that sends its request slower than this is dropped


@dataclass(frozen=True)
class RunningHelper:
    url: str  # http://127.0.0.1:<port>/


class EditorHelper:
    """What the helper answers, without HTTP: the findings and the page for an offer's text."""

    def __init__(self, borough: Borough, today: date, previewer: OfferPreviewer | None) -> None:
        self.borough = borough
        self.today = today
        self.previewer = previewer
        self._lock = threading.Lock()  # one request at a time: the machine stays responsive

    def check(self, content: bytes, slug: str) -> dict[str, Any]:
        path = self.borough.offers_dir / slug / OFFER_FILE
        with self._lock:
            offer = offer_from_text(content, path, self.borough)
            findings = check_offer(offer, CheckContext(self.borough, self.today,
                                                       known_slugs(self.borough)))
            described = for_editor(findings, offer)
        return {"path": offer.display_path, "findings": described,
                "errors": sum(f.severity is Severity.ERROR for f in findings),
                "warnings": sum(f.severity is Severity.WARNING for f in findings)}

    def preview(self, content: bytes, slug: str) -> dict[str, Any]:
        if self.previewer is None:
            raise LookupError
        with self._lock:
            page = self.previewer.page(content, slug)
        return {"title": page.title, "document": page.document}


class _Handler(http.server.BaseHTTPRequestHandler):
    helper: EditorHelper
    origin: str  # the editor's page's origin, e.g. http://127.0.0.1:8000
    timeout = REQUEST_SECONDS

    def version_string(self) -> str:
        return "localoffer-editor-helper"

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        if not self._from_the_editor():
            self._reply(403, {"error": "Only the web editor on this computer may use this."})
            return
        address = urlsplit(self.path)
        answer = {"/check": self.helper.check, "/preview": self.helper.preview}.get(address.path)
        if answer is None:
            self._reply(404, {"error": "There is nothing here."})
            return
        slug = (parse_qs(address.query).get("slug") or [NEW_OFFER_SLUG])[0]
        if not SLUG.fullmatch(slug) or len(slug) > 100:
            self._reply(400, {"error": "The setting's folder name may use only a-z, 0-9 and -."})
            return
        content = self._body()
        if content is None:
            return
        try:
            self._reply(200, answer(content, slug))
        except LookupError:
            self._reply(404, {"error": "The preview is not made here."})
        except ValueError as problem:
            self._reply(422, {"error": str(problem)})
        except Exception:  # never a traceback to the page: say so, and log it here
            log.exception("The editor's helper failed on %s", address.path)
            self._reply(500, {"error": "The check could not run on this text. It will run "
                                      "again when you send the offer for review."})

    def _refuse_method(self) -> None:
        self._reply(405, {"error": "Only POST is answered here."}, {"Allow": "POST"})

    do_GET = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method  # noqa: N815

    def _from_the_editor(self) -> bool:
        own_host = f"127.0.0.1:{self.server.server_address[1]}"
        return (self.headers.get("Host") == own_host
                and self.headers.get("Origin") == self.origin)

    def _body(self) -> bytes | None:
        limit = self.helper.borough.max_file_bytes
        length_text = self.headers.get("Content-Length", "")
        if not length_text.isdigit():
            self._reply(411, {"error": "Send the offer's text with its length."})
            return None
        length = int(length_text)
        if length > limit:
            self._reply(413, {"error": too_large(length, limit)})
            return None
        return self.rfile.read(length)

    def _reply(self, status: int, value: dict[str, Any],
               headers: dict[str, str] | None = None) -> None:
        data = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self._from_the_editor():
            self.send_header("Access-Control-Allow-Origin", self.origin)
        self.send_header("Vary", "Origin")
        for name, header in (headers or {}).items():
            self.send_header(name, header)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def editor_helper(helper: EditorHelper, editor_origin: str) -> Iterator[RunningHelper]:
    """Run the helper on a free port of 127.0.0.1, for pages from `editor_origin` (such as
    http://127.0.0.1:8000), until the block ends."""
    handler = type("EditorHelperHandler", (_Handler,),
                   {"helper": helper, "origin": editor_origin.rstrip("/")})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="editor-helper", daemon=True)
    thread.start()
    try:
        yield RunningHelper(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
