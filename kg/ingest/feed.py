"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``): one document per entry, with feedparser.

An entry's full content (``content:encoded``, Atom ``<content>``) is the
text where the feed has it; otherwise its summary, with a warning that the
text is partial. The HTML of either becomes text through the HTML reader's
extraction. Dates keep the offset the feed gives (feedparser's parsed dates
are in UTC, so the feed's own string is read). feedparser is given the
file's bytes, so it never fetches anything. A feed whose XML is broken is
reported with the line and column of the damage; the entries feedparser
could still read are built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..corpus import Source
from ..errors import InputError
from .base import Entry, ReadOptions, Skip
from .html import page_entry
from .text import read_bytes

__all__ = ["FeedReader"]

_FEED_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:rss[\s>]|feed[\s>]|rdf:RDF[\s>])", re.IGNORECASE | re.DOTALL)

PARTIAL = "partial text: the feed gives only a summary of this entry, not its full content"


def _html_text(fragment: str, position: str, **meta: Any) -> Entry:
    """An entry's HTML (or plain) content as text, via the HTML reader."""
    if "<" not in fragment:
        fragment = "".join(f"<p>{para}</p>" for para in fragment.split("\n\n"))
    return page_entry(f"<html><body><article>{fragment}</article></body></html>", position=position,
                      whole=True, **meta)


class FeedReader:
    """RSS 0.9x/1.0/2.0 and Atom 0.3/1.0."""

    name = "feed"
    suffixes = (".rss", ".atom", ".xml")
    many = True

    def sniff(self, head: bytes) -> int:
        return 2 if _FEED_START.match(head[:4096]) else 0

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        import feedparser

        data = read_bytes(stream)
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
        if not parsed.version and not parsed.entries:
            if parsed.bozo:
                raise InputError(f"not an RSS or Atom feed: {self._where(parsed.bozo_exception)}")
            raise InputError("not an RSS or Atom feed (no <rss>, <feed> or RDF channel)")
        fmt = "atom" if parsed.version.startswith("atom") else "rss"
        language = parsed.feed.get("language", "")
        if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
            yield Skip(self._where(parsed.bozo_exception).split(":", 1)[0],
                       f"broken feed XML ({self._where(parsed.bozo_exception)}); "
                       f"the {len(parsed.entries)} entries read before it are built", detail="broken feed XML")
        for number, item in enumerate(parsed.entries, 1):
            position = f"entry {number}"
            contents = [c.get("value", "") for c in item.get("content", []) if c.get("value", "").strip()]
            warnings: tuple[str, ...] = ()
            body = max(contents, key=len) if contents else ""
            if not body:
                body = item.get("summary", "") or ""
                warnings = (PARTIAL,)
            if not body.strip():
                yield Skip(position, "entry without content or summary", detail="empty feed entry")
                continue
            url = item.get("link", "")
            meta = {"key": item.get("id") or url, "url": url, "warnings": warnings}
            try:
                entry = _html_text(body, position, **meta)
            except InputError as exc:
                yield Skip(position, str(exc), detail=str(exc))
                continue
            authors = [a.get("name", "") for a in item.get("authors", []) if a.get("name")]
            yield Entry(entry.text, position=position, key=meta["key"], title=item.get("title", "") or "",
                        date=item.get("published") or item.get("updated") or "", url=url,
                        author="; ".join(authors) or item.get("author", "") or "",
                        language=item.get("language", "") or language, source_format=fmt, warnings=warnings)

    @staticmethod
    def _where(exc: BaseException) -> str:
        line = getattr(exc, "getLineNumber", lambda: None)()
        column = getattr(exc, "getColumnNumber", lambda: None)()
        message = getattr(exc, "getMessage", lambda: str(exc))()
        return f"line {line}, column {column}: {message}" if line else str(message)
