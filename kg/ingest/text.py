"""Plain text and Markdown: decoded, page furniture blanked out, a date looked for in the first lines.

A saved text page has no metadata, so the date is the first calendar date
written in its first lines (:func:`kg.corpus.find_date`), and its title the
first line. Furniture (bylines, "Was this article helpful?", comment
widgets: the lexicon's ``[furniture]`` lines) is replaced by spaces, not
deleted, so character offsets still point into the file's text; every
reader's text goes through :func:`strip_furniture` the same way.

>>> strip_furniture("Acme buys Widgets.\\n\\nWas this article helpful?\\nYesNo\\n").rstrip()
'Acme buys Widgets.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import BinaryIO

from .. import corpus
from ..corpus import Source, charset_hint, decode_bytes
from ..errors import InputError
from ..ontology import load_ontology
from .base import Entry, ReadOptions, Skip

__all__ = ["TextReader", "read_bytes", "strip_furniture"]


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicon's furniture lines and stop lines, each list as one alternation (one match per line)."""
    onto = load_ontology()

    def one(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)

    return one(onto.lexicon["furniture"]["lines"]), one(onto.lexicon["furniture"]["stop_lines"])


_BULLET = re.compile(r"^[\s\u2022\u25cf\u25aa\u2023\u2043*·\-–—]+")


def strip_furniture(text: str) -> str:
    """Blank out page-furniture lines, keeping every other character where it was."""
    lines, stops = _furniture_patterns()
    out: list[str] = []
    stopped = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        probe = _BULLET.sub("", body).strip()
        if stopped or (probe and stops.match(probe)):
            stopped = True
            out.append(" " * len(body) + ending)
        elif probe and lines.match(probe):
            out.append(" " * len(body) + ending)
        else:
            out.append(line)
    return "".join(out)


def read_bytes(stream: BinaryIO, limit: int | None = None) -> bytes:
    """All of ``stream``, refusing more than ``limit`` bytes (default :data:`kg.corpus.MAX_BYTES`:
    a log or a disk image renamed ``.txt``)."""
    limit = corpus.MAX_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"too large (over {limit / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)")
    return data


class TextReader:
    """``.txt``, ``.md``, ``.markdown``, ``.text``: one document per file."""

    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".text")
    many = False

    def sniff(self, head: bytes) -> int:
        return 0  # anything can be text: chosen by name, or when nothing else fits

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        from .html import LOOKS_HTML, page_entry

        data = read_bytes(stream)
        if not data.strip():
            raise InputError("empty document" if not data else "whitespace-only document")
        hint = charset_hint(data) if b"<html" in data[:2048].lower() else ""
        text, warnings = decode_bytes(data, declared=hint)
        if not text.strip():
            raise InputError("whitespace-only document")
        if LOOKS_HTML.match(text[:2048]):  # a saved page under a text name (or in UTF-16)
            yield page_entry(text, warnings=warnings)
            return
        yield Entry(text, warnings=warnings, find_date=True)
