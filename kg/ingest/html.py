"""Web pages: the article's main text and metadata with trafilatura, the date with htmldate.

trafilatura finds the main text of a page and leaves out menus, cookie
banners, "related stories", comments, footers and scripts (its
precision-oriented mode, ``favor_precision``); its metadata gives the title
(``og:title``, ``<title>``, the headline), author, canonical URL and the
publication date, which it gets from htmldate (``article:published_time``,
JSON-LD, ``<time>``, the URL, then the text). Nothing is fetched: both work
on the markup they are given. Entities declared in a page's DOCTYPE are
never expanded (lxml's HTML parser, and the internal subset is dropped
first).
"""

from __future__ import annotations

import re
import warnings as _warnings
from collections.abc import Iterator
from typing import BinaryIO

from ..corpus import Source, charset_hint, decode_bytes
from ..errors import InputError
from .base import Entry, ReadOptions, Skip
from .text import read_bytes

__all__ = ["LOOKS_HTML", "HtmlReader", "page_entry"]

#: Decoded text that starts like an HTML page.
LOOKS_HTML = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)",
                        re.IGNORECASE | re.DOTALL)
_LOOKS_HTML_BYTES = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)",
                               re.IGNORECASE | re.DOTALL)
#: ``<?xml ...?>`` and ``<!DOCTYPE ... [internal subset]>``: an internal subset would show as text.
_PROLOG = re.compile(r"<\?xml[^>]*>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
#: Page furniture that HTML marks as such, pruned before extraction (trafilatura's ``prune_xpath``).
_PRUNE = [
    "//nav", "//aside", "//footer", "//form", "//dialog", "//noscript", "//template",
    "//*[@hidden]", "//*[@aria-hidden='true']",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary'"
    " or @role='search' or @role='menu' or @role='menubar' or @role='dialog' or @role='alertdialog']",
    "//*[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ :', 'abcdefghijklmnopqrstuvwxyz'), 'displaynone')"
    " or contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ :', 'abcdefghijklmnopqrstuvwxyz'),"
    " 'visibilityhidden')]",
]
#: htmldate's settings: publication (not modification) date, with the time where the page gives
#: one (the date in the URL only when the page has none: it has no time); a fixed latest date
#: (not today's) so that the same page gives the same date every day.
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "max_date": "2099-12-31",
                "outputformat": "%Y-%m-%dT%H:%M:%S%z", "deferred_url_extractor": True}


def page_entry(markup: str, *, url: str = "", position: str = "", key: str = "",
               warnings: tuple[str, ...] = (), whole: bool = False) -> Entry:
    """The main text and metadata of one page. Raises :class:`InputError` when it has no main text.

    ``whole=True``: the markup is all content (a feed entry's HTML), so trafilatura keeps
    as much as it can (``favor_recall``) instead of leaving out what may be furniture.
    """
    with _warnings.catch_warnings():  # trafilatura's downloader imports urllib3's SOCKS support, unused here
        _warnings.simplefilter("ignore")
        import trafilatura

    markup = _PROLOG.sub("", markup[:4096]) + markup[4096:]
    tree = trafilatura.load_html(markup)
    doc = None
    if tree is not None:
        lang = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
        doc = trafilatura.bare_extraction(
            tree, url=url or None, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=not whole, favor_recall=whole, deduplicate=False, prune_xpath=_PRUNE, date_extraction_params=_DATE_PARAMS)
    if doc is None or not (doc.text or "").strip():
        raise InputError("no visible text in the HTML page")
    # trafilatura gives one line per paragraph, heading or list item: a blank line between
    # them, as in a text file, so that each starts a paragraph (and a sentence)
    text = "\n\n".join(line.strip() for line in doc.text.splitlines() if line.strip()) + "\n"
    title = " ".join((doc.title or "").split())
    return Entry(text, position=position, key=key, title=title, date=doc.date or "",
                 url=doc.url or url, author=doc.author or "", language=lang, warnings=warnings)


class HtmlReader:
    """``.html``, ``.htm``, ``.xhtml`` (and any file that starts like a page): one document per file."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")
    many = False

    def sniff(self, head: bytes) -> int:
        return 2 if _LOOKS_HTML_BYTES.match(head[:2048]) else 0

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        data = read_bytes(stream)
        if not data.strip():
            raise InputError("empty document" if not data else "whitespace-only document")
        text, warnings = decode_bytes(data, declared=charset_hint(data))
        if not text.strip():
            raise InputError("whitespace-only document")
        yield page_entry(text, warnings=warnings)
