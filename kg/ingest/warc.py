"""Web crawls (``.warc``, ``.warc.gz``): each HTML page fetched with status 200 is a document.

Records are read with FastWARC (Resiliparse's C++ WARC reader, which also
undoes gzip, HTTP content and transfer encodings); each page then goes
through the HTML reader (trafilatura), with the record's target URI as the
page URL unless the page names a canonical one. Request, metadata, revisit,
warcinfo and resource records, responses that are not HTML (robots.txt,
images) and error responses (404, 500, redirects) are not documents: they
are counted by reason, not errors.

A record with a bad header is reported with its offset and the reading goes
on at the next record (the next gzip member of a ``.warc.gz``, where each
record is compressed on its own as the WARC standard recommends, or the
next ``WARC/1.x`` line of an uncompressed file); a file that ends inside a
record is reported too. Offsets are those of the file (compressed offsets
for ``.warc.gz``, as CDX indexes give them).
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..corpus import MAX_BYTES, Source, charset_hint, decode_bytes
from ..errors import InputError
from .base import Entry, ReadOptions, Skip
from .html import page_entry

__all__ = ["WarcReader"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


def _member_end(f: BinaryIO, start: int) -> int | None:
    """Where the gzip member starting at ``start`` ends (None: the file ends inside it)."""
    f.seek(start)
    d = zlib.decompressobj(31)
    consumed = 0
    try:
        while not d.eof:
            chunk = f.read(_CHUNK)
            if not chunk:
                return None
            d.decompress(chunk, 0)
            while d.unconsumed_tail:
                d.decompress(d.unconsumed_tail, 0)
            consumed += len(chunk) - len(d.unused_data)
    except zlib.error:
        return None
    return start + consumed


def _next_marker(f: BinaryIO, start: int) -> int | None:
    """The offset of the next line that starts a WARC record (``WARC/1.``) after ``start``."""
    f.seek(start)
    carry = b""
    base = start
    while True:
        chunk = f.read(_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        at = data.find(b"\nWARC/1.", 1 if base == start else 0)
        if at >= 0:
            return base + at + 1
        carry = data[-8:]
        base += len(data) - len(carry)


def _plain_end(f: BinaryIO, start: int, content_length: int) -> int | None:
    """Where the uncompressed record at ``start`` ends: its header block, its content, the blank lines."""
    f.seek(start)
    head = f.read(64 << 10)
    blank = head.find(b"\r\n\r\n")
    return None if blank < 0 else start + blank + 4 + content_length + 4


def _charset(name: str) -> str:
    """A charset name Python knows (``"ISO-8859-1"`` -> ``"iso8859-1"``), or ""."""
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


class WarcReader:
    """``.warc`` (plain, gzip or Zstandard compressed): the HTML pages of a crawl."""

    name = "warc"
    suffixes = (".warc",)
    many = True

    def sniff(self, head: bytes) -> int:
        return 2 if head.startswith(b"WARC/") else 0

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        from fastwarc.warc import ArchiveIterator

        wrapper = stream.raw  # type: ignore[attr-defined]  # kg.ingest.streams.Rewound
        compression = getattr(wrapper, "compression", "")
        seekable = compression in ("", "gzip")
        if seekable:  # FastWARC reads the file itself: offsets of the file, and reading can resume
            f: BinaryIO = wrapper.file
            size = f.seek(0, 2)
        else:  # bzip2, xz, zstd: the decompressed stream, read once
            f, size = stream, -1
        start, number, pending = 0, 0, False
        last, last_length = -1, 0
        while True:
            if seekable:
                f.seek(start)
            last = -1
            try:
                for record in ArchiveIterator(f, parse_http=True, auto_decode="all"):
                    number += 1
                    last, last_length, pending = record.stream_pos, record.content_length, False
                    yield self._record(record)
            except (OSError, ValueError) as exc:
                reason = f"bad WARC record: {exc}"
                if not seekable:
                    yield Skip(f"record {number + 1}", f"{reason}; the rest of the file is not read",
                               detail="bad WARC record")
                    return
                if compression == "gzip":  # each record its own gzip member: the bad one is skipped exactly
                    bad = start if last < 0 else _member_end(f, last)
                    resume = _member_end(f, bad) if bad is not None else None
                    where = f"record {number + 1}" + (f" at offset {bad}" if bad is not None else "")
                    yield Skip(where, reason if resume is not None else f"{reason}; the rest of the file is not read",
                               detail="bad WARC record")
                    number += 1
                else:  # resume at the next line that starts a record
                    if not pending:
                        where = f"record {number + 1} at offset {start}" if last < 0 else \
                            f"record {number + 1} (after the record at offset {last})"
                        yield Skip(where, reason, detail="bad WARC record")
                        number += 1
                    resume = _next_marker(f, start if last < 0 else last)
                    pending = last >= 0  # the line found may start the bad record itself: report it once
                if resume is None or resume >= size:
                    return
                start = resume
                continue
            break
        if last >= 0 and seekable:  # did the file end where its last record does?
            if compression == "gzip":
                end = _member_end(f, last)
                cut = last if end is None else end if end < size else None
            else:
                end = _plain_end(f, last, last_length)
                cut = last if end is None or end > size else None
            if cut is not None:
                yield Skip(f"record {number + (cut != last)} at offset {cut}",
                           "truncated WARC record: the file ends inside it", detail="truncated record")

    def _record(self, record) -> Entry | Skip:
        from fastwarc.warc import WarcRecordType

        where = f"offset {record.stream_pos}"
        kind = record.record_type
        if kind != WarcRecordType.response:
            return Skip(where, f"WARC {kind} record", broken=False)
        status = record.http_headers.status_code if record.http_headers is not None else None
        if status != 200:
            return Skip(where, f"HTTP status {status}" if status else "response without HTTP headers", broken=False)
        content_type = (record.http_content_type or "").lower()
        if content_type not in _HTML_TYPES:
            return Skip(where, f"not HTML ({content_type or 'no content type'})", broken=False)
        url = record.headers.get("WARC-Target-URI") or ""
        body = record.reader.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            return Skip(where, f"page over {MAX_BYTES / 1e6:.0f} MB", detail="too large")
        try:
            markup, warnings = decode_bytes(body, declared=_charset(record.http_charset or "") or charset_hint(body))
            return page_entry(markup, url=url, position=where, key=url, warnings=warnings)
        except InputError as exc:
            return Skip(where, f"{url}: {exc}", detail=str(exc))
