"""Web pages: the main content only, as Markdown.

The page's own <main>, role="main" or <article> is the content where the page marks it; where it
does not, readability-lxml (the Readability algorithm, Apache-2.0) finds it. Menus, cookie
banners, footers and sidebars are left out either way. markdownify (MIT) then writes the
content as Markdown, keeping headings, links, lists and tables.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import lxml.html
from lxml.etree import ParserError
from markdownify import MarkdownConverter

from localoffer.errors import LocalOfferError
from localoffer.importing.document import ImportedImage, Report, decode
from localoffer.importing.pictures import publishable

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "svg", "button",
              "nav", "aside", "select", "input")
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "complementary", "dialog")
# Class or id words of a site's furniture rather than its content.
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|navbar|nav|navigation|menu|"
                        r"breadcrumbs?|footer|header|masthead|skip|sidebar|social|share|"
                        r"translate|search|popup|modal|newsletter)(?:$|[\s_-])", re.I)


def read_html(path: Path, data: bytes) -> Report:
    text = decode(path, data)
    images = _Images(path.parent)
    report = Report(path, "web page", "", images.found)
    report.address = _page_address(text)
    report.markdown = html_to_markdown(main_content(text, path), images, report.address)
    report.notes.extend(images.notes)
    return report


def main_content(text: str, path: Path) -> str:
    """The HTML of the page's main content, without its menus, banners and footers."""
    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        raise LocalOfferError("This web page could not be read as HTML. Save the page again "
                              "from the browser (Save page as, web page complete).",
                              str(path)) from None
    _strip_furniture(root)
    marked = (root.xpath("//main") or root.xpath("//*[@role='main']") or root.xpath("//article"))
    if marked:
        return "".join(lxml.html.tostring(element, encoding="unicode") for element in marked)
    body = root.find("body")
    whole = lxml.html.tostring(body if body is not None else root, encoding="unicode")
    from readability import Document

    found = Document(whole).summary(html_partial=True)
    # Readability drops short blocks it thinks are not content: trust it only if it kept
    # nearly all the words that are left once the furniture is gone.
    if _word_count(found) >= 0.9 * _word_count(whole):
        return found
    return whole


def _strip_furniture(root: Any) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        tag = element.tag.lower()
        role = (element.get("role") or "").lower()
        names = f"{element.get('id') or ''} {element.get('class') or ''}"
        inside_content = any(a.tag in ("main", "article") for a in element.iterancestors()
                             if isinstance(a.tag, str))
        furniture = (tag in _DROP_TAGS or role in _DROP_ROLES
                     or (tag in ("header", "footer") and not inside_content)
                     or (tag not in ("main", "article", "body", "html")
                         and _FURNITURE.search(names) and not inside_content))
        if furniture:
            element.drop_tree()


def _word_count(html: str) -> int:
    try:
        return len(lxml.html.fromstring(html).text_content().split())
    except (ParserError, ValueError):
        return 0


def _page_address(text: str) -> str:
    """The address a saved page came from: its canonical link or og:url, if it gives one."""
    for pattern in (r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)",
                    r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
                    r"<!-- saved from url=\(\d+\)(\S+) -->"):
        found = re.search(pattern, text, re.I)
        if found and found.group(1).startswith(("https://", "http://")):
            return found.group(1)
    return ""


class _Images:
    """Images of a saved web page: copied from the page's folder where they were saved with it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.found: list[ImportedImage] = []
        self.notes: list[str] = []

    def add(self, src: str, alt: str, address: str) -> str:
        """Where the offer's Markdown should point for this image."""
        parsed = urlparse(src)
        if parsed.scheme in ("http", "https") or (address and not parsed.scheme
                                                   and not self._local(src)):
            web = urljoin(address, src) if address else src
            self.notes.append(f"An image is on the web, not in the saved page: {web}. Save it "
                              "in the offer's images folder if the offer should show it.")
            self.found.append(ImportedImage("", None, alt, web))
            return web
        local = self._local(src)
        picture = publishable(len(self.found) + 1, local.suffix if local else ".png",
                              local.read_bytes() if local else None)
        name, data = picture.name, picture.data
        if picture.note:
            self.notes.append(picture.note)
        if local is None:
            self.notes.append(f"The image '{src}' was not saved with the page: add it to the "
                              f"offer's folder as images/{name}, or remove it.")
        self.found.append(ImportedImage(name, data, alt, src))
        return f"images/{name}"

    def _local(self, src: str) -> Path | None:
        if not src or urlparse(src).scheme:
            return None
        candidate = (self.folder / unquote(src.split("?")[0].split("#")[0])).resolve()
        inside = candidate.is_relative_to(self.folder.resolve())
        if inside and candidate.is_file() and not candidate.is_symlink():
            return candidate
        return None


class _Converter(MarkdownConverter):
    def __init__(self, images: _Images | None, address: str, **options: Any) -> None:
        super().__init__(**options)
        self._images = images
        self._address = address

    def convert_img(self, el: Any, text: str, *args: Any, **kwargs: Any) -> str:
        alt = " ".join((el.attrs.get("alt") or "").split())
        src = el.attrs.get("src") or ""
        if not src:
            return ""
        if self._images is None:  # already saved by the reader (a Word document's images)
            return f"![{alt}]({src})"
        target = self._images.add(src, alt, self._address)
        return f"![{alt}]({target})"

    def convert_a(self, el: Any, text: str, *args: Any, **kwargs: Any) -> str:
        href = el.get("href") or ""
        if href and not href.startswith(("#", "mailto:", "tel:")) and not urlparse(href).scheme:
            if self._address:
                el["href"] = urljoin(self._address, href)
            elif self._images is not None:
                self._images.notes.append(
                    f"The link '{' '.join(text.split())}' points to '{href}' on the old website: "
                    "write its full address, starting https://.")
        return super().convert_a(el, text, *args, **kwargs)


def html_to_markdown(html: str, images: _Images | None = None, address: str = "") -> str:
    """HTML as Markdown: ATX headings, '-' bullets, links, and pipe tables."""
    markdown = _Converter(images, address, heading_style="ATX", bullets="-",
                          escape_underscores=False, escape_asterisks=True,
                          strip=["span", "font"]).convert(html)
    markdown = re.sub(r"[ \t]+\n", "\n", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
