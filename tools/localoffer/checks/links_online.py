"""`check --links online`: do the offers' web links still open? Above all, the Local Offer.

Opt-in, for a scheduled CI job: it needs the network, so `localoffer check` never does it by
itself. Each address is asked once per run (HEAD, then GET where a server refuses HEAD), a
few at a time, each with a timeout; answers are kept in a cache file for a day, so a rerun
does not ask again. Only the standard library: urllib follows redirects and speaks HTTPS.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from localoffer.borough import Borough
from localoffer.checks.base import error, warning
from localoffer.checks.local_offer_address import is_local_offer_link, local_offer_addresses
from localoffer.model import Finding, Offer

RULE = "links/unreachable"
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 4
CACHE_SECONDS = 24 * 60 * 60
_USER_AGENT = "localoffer link check (+https://github.com/)"


@dataclass(frozen=True)
class Answer:
    ok: bool
    reason: str  # "HTTP 404", "did not answer within 10 seconds", ...


@dataclass(frozen=True)
class OnlineLinks:
    """How to ask: the timeout per address, how many at a time, and the cache file."""

    cache_path: Path | None = None
    timeout: float = DEFAULT_TIMEOUT
    workers: int = DEFAULT_WORKERS

    def findings(self, offers: Iterable[Offer], borough: Borough) -> list[Finding]:
        offers = list(offers)
        urls = sorted({link.url.strip() for offer in offers for link in offer.links
                       if link.url.strip().lower().startswith(("https://", "http://"))})
        answers = self._answers(urls)
        addresses = local_offer_addresses(borough)
        found: list[Finding] = []
        for offer in offers:
            found.extend(_offer_findings(offer, answers, addresses, self.timeout))
        return found

    def _answers(self, urls: list[str]) -> dict[str, Answer]:
        cache = _read_cache(self.cache_path)
        now = time.time()
        fresh = {url: Answer(entry["ok"], entry["reason"]) for url, entry in cache.items()
                 if url in urls and now - entry.get("at", 0) < CACHE_SECONDS}
        todo = [url for url in urls if url not in fresh]
        from concurrent.futures import ThreadPoolExecutor  # here: the hook never needs threads

        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            for url, answer in zip(todo, pool.map(lambda url: ask(url, self.timeout), todo)):
                fresh[url] = answer
                cache[url] = {"ok": answer.ok, "reason": answer.reason, "at": now}
        _write_cache(self.cache_path, cache)
        return fresh


def ask(url: str, timeout: float) -> Answer:
    """Whether the address answers: a success (after redirects) or why not."""
    # Imported here, not above: urllib.request pulls in ssl, http and email, about a fifth of
    # the pre-commit hook's start-up, which never goes online.
    import urllib.error
    import urllib.request

    reason = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": _USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return Answer(True, f"HTTP {response.status}")
        except urllib.error.HTTPError as failure:
            reason = f"HTTP {failure.code}"
            if failure.code not in (403, 405, 501):
                return Answer(False, reason)  # only a refused HEAD is worth a GET
        except (TimeoutError, OSError, ValueError) as failure:
            if (isinstance(failure, TimeoutError)
                    or isinstance(getattr(failure, "reason", None), TimeoutError)
                    or "timed out" in str(failure)):
                return Answer(False, f"did not answer within {timeout:g} seconds")
            return Answer(False, f"could not be reached ({_short(failure)})")
    return Answer(False, reason)


def _short(failure: Exception) -> str:
    reason = getattr(failure, "reason", None)
    return str(reason if reason is not None else failure)[:80]


def _offer_findings(offer: Offer, answers: dict[str, Answer], addresses: tuple[str, ...],
                    timeout: float) -> Iterator[Finding]:
    seen: set[str] = set()
    for link in offer.links:
        url = link.url.strip()
        answer = answers.get(url)
        if answer is None or answer.ok or url in seen:
            continue
        seen.add(url)
        if is_local_offer_link(url, addresses):
            yield error(offer, link.line, RULE,
                        f"The link to the Local Offer does not open ({answer.reason}): {url}. "
                        "Parents need it: check the address with the Local Offer team and "
                        "correct the link.")
        else:
            yield warning(offer, link.line, RULE,
                          f"This link does not open ({answer.reason}): {url}. Check the page "
                          "still exists, then correct or remove the link.")


def _read_cache(path: Path | None) -> dict[str, dict]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {url: entry for url, entry in data.items()
            if isinstance(entry, dict) and isinstance(entry.get("ok"), bool)} \
        if isinstance(data, dict) else {}


def _write_cache(path: Path | None, cache: dict[str, dict]) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written only means asking again next time
