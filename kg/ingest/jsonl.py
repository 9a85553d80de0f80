"""JSON Lines (``.jsonl``, ``.ndjson``, and ``.json``): one article per line, streamed.

Each line is one JSON object, read and dropped before the next, so a dump
of any size reads in constant memory. A line that is not valid JSON, not an
object, or has no text is reported with its line number and skipped; the
lines after it are still read. A ``.json`` file may also be one JSON
document (up to 64 MB): an array of article objects, one article object, or
an object with one array of articles (``{"articles": [...]}``, the shape of
news APIs).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from ..corpus import MAX_BYTES, Source
from ..errors import InputError
from .base import Entry, ReadOptions, Skip
from .records import FIELD_NAMES, _norm, record_entry
from .streams import strip_compression
from .text import read_bytes

__all__ = ["JsonLinesReader"]


def _lines(stream: BinaryIO, limit: int = MAX_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; ``None`` for a line longer than ``limit`` (skipped, not held)."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drop the rest of the over-long line in pieces
                more = stream.readline(limit)
                if not more or more.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def _error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON: {exc.msg} (column {exc.colno})"


def _has_text(obj: Mapping[str, Any], options: ReadOptions) -> bool:
    if "text" in options.fields:
        return True
    return any(_norm(k) in FIELD_NAMES["text"] for k in obj if isinstance(k, str))


class JsonLinesReader:
    """One article per line (JSON Lines); ``.json`` also as one array or object of articles."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".jsonlines", ".json")
    #: ``.json`` is read when named, not from folders: there it is more often a settings or data
    #: file (package.json, a config) than articles
    folder_suffixes = (".jsonl", ".ndjson", ".jsonlines")
    many = True

    def sniff(self, head: bytes) -> int:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        return 1 if start in (b"{", b"[") else 0

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        head = stream.peek(65536)[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
        first_line = head.split(b"\n", 1)[0]
        pretty = strip_compression(source.path.name).lower().endswith(".json") and not self._parses(first_line)
        if head[:1] == b"[" or pretty:  # one JSON document, not one object per line
            yield from self._document(stream, options)
            return
        for number, line in _lines(stream):
            position = f"line {number}"
            if line is None:
                yield Skip(position, f"line longer than {MAX_BYTES / 1e6:.0f} MB", detail="line too long")
                continue
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            try:
                obj = json.loads(line.rstrip(b"\r\n"))
            except json.JSONDecodeError as exc:
                yield Skip(position, _error(exc), detail="invalid JSON")
                continue
            except UnicodeDecodeError as exc:
                yield Skip(position, f"not UTF-8 text: {exc.reason} at byte {exc.start}", detail="not UTF-8")
                continue
            if not isinstance(obj, dict):
                yield Skip(position, f"not a JSON object but {type(obj).__name__}", detail="not a JSON object")
                continue
            yield record_entry(obj, options.fields, position)

    @staticmethod
    def _parses(line: bytes) -> bool:
        try:
            json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return False
        return True

    def _document(self, stream: BinaryIO, options: ReadOptions) -> Iterator[Entry | Skip]:
        """A whole ``.json`` document: an array of articles, an article, or ``{"articles": [...]}``."""
        data = read_bytes(stream)
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {exc.lineno}: {_error(exc)}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
        if isinstance(doc, dict) and not _has_text(doc, options):
            lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
            if len(lists) == 1:
                doc = lists[0]
        items = doc if isinstance(doc, list) else [doc]
        for number, obj in enumerate(items, 1):
            position = f"item {number}"
            if not isinstance(obj, dict):
                yield Skip(position, f"not a JSON object but {type(obj).__name__}", detail="not a JSON object")
                continue
            yield record_entry(obj, options.fields, position)
