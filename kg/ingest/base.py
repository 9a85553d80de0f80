"""The reader interface: what a format's reader gets, and what it yields.

A reader turns one file (already decompressed, as a binary stream) into
:class:`Entry` items, one per document it holds, and :class:`Skip` items for
records that are not documents (a WARC request, an image) or that are broken
(bad JSON on line 7). Everything after that (cleaning the text, document ids,
duplicates, language) is the same for every format and happens in
:mod:`kg.ingest`, so a reader stays small.

>>> parse_date("Mon, 03 Jun 2024 09:30:00 +0200")
('2024-06-03', '2024-06-03T09:30:00+02:00')
>>> parse_date("2024-06-03")
('2024-06-03', '')
>>> parse_date("sometime")
('', '')
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import BinaryIO, Protocol, runtime_checkable

from ..corpus import Source, find_date

__all__ = ["FIELD_ROLES", "Entry", "ReadOptions", "Reader", "Skip", "parse_date"]

#: What a record's fields can be used for; ``ReadOptions.fields`` maps these to field names.
FIELD_ROLES = ("text", "title", "url", "date", "id", "author", "language")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Settings every reader gets.

    ``fields``: role (one of :data:`FIELD_ROLES`) -> field name, for JSON Lines
    and CSV records whose fields are not found by their usual names
    (``{"text": "story_body"}``; a dotted name reaches into nested objects:
    ``"article.body"``). ``language``: the language of the spaCy model
    (``"en"``); documents detected in another language are skipped (``""``
    reads every language).
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Entry:
    """One document as its reader found it: main text and metadata, not yet cleaned."""

    text: str
    position: str = ""  #: where in the file ("line 7", "offset 1024", "entry 2"); "" for a whole file
    key: str = ""  #: the record's own id (id field, feed guid, URL), used for the document id
    title: str = ""
    date: str = ""  #: publication date as the source gives it (any format :func:`parse_date` reads)
    url: str = ""
    author: str = ""
    language: str = ""  #: the language the source declares ("en", "de-CH")
    source_format: str = ""  #: kg:sourceFormat; "" = the reader's name
    warnings: tuple[str, ...] = ()
    find_date: bool = False  #: no metadata: look for a date written in the first lines (plain text)


@dataclass(frozen=True, slots=True)
class Skip:
    """A record that does not become a document.

    ``broken=True``: it should have been one but cannot be read (reported
    with its position; the build is partial). ``broken=False``: it is not
    an article at all (a WARC request record, a robots.txt, an image):
    counted by ``reason``, not an error.
    """

    position: str
    reason: str
    broken: bool = True
    detail: str = ""  #: for broken records: what exactly went wrong


@runtime_checkable
class Reader(Protocol):
    """A format: its name, the file name endings it reads in folders, how to spot it, how to read it.

    Register one with :func:`kg.ingest.register_reader`, or from another
    package through the ``kg_readers`` entry-point group (the entry point
    names a reader object or a class to instantiate).
    """

    name: str  #: short format name ("jsonl"), the documents' kg:sourceFormat
    #: endings of its files (".jsonl", ".ndjson"); compressed variants follow. Read from folders too,
    #: unless the reader has ``folder_suffixes``, the endings to take from folders
    suffixes: tuple[str, ...]
    many: bool  #: whether one file holds many documents

    def sniff(self, head: bytes) -> int:
        """How sure the first bytes (decompressed) are this format: 2 certain, 1 plausible, 0 no."""
        ...

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        """Yield the documents of ``stream`` (and the records skipped); raise nothing for a bad record."""
        ...


_TZ = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


def _iso(value: datetime, has_time: bool) -> tuple[str, str]:
    day = value.date().isoformat()
    if not has_time:
        return day, ""
    return day, value.isoformat(timespec="seconds")


def parse_date(value: object) -> tuple[str, str]:
    """(ISO day, ISO date-time or "") of a publication date as sources write it.

    ISO 8601 (``2024-06-03``, ``2024-06-03T09:30:00Z``), RFC 2822 (feeds, HTTP:
    ``Mon, 03 Jun 2024 09:30:00 +0200``), Unix timestamps (seconds or
    milliseconds) and dates written in words (``June 3, 2024``). The time is
    kept only when the source gives one; nothing depends on today's date.
    """
    if value is None or value == "":
        return "", ""
    if isinstance(value, bool):
        return "", ""
    if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"\d{9,13}(\.\d+)?", value)):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        try:
            return _iso(datetime.fromtimestamp(seconds, tz=UTC), True)
        except (OverflowError, OSError, ValueError):
            return "", ""
    text = " ".join(str(value).split())
    if not text:
        return "", ""
    iso = text.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", text) else text
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        parsed = None
    if parsed is not None:
        has_time = "T" in iso and not (parsed.time() == datetime.min.time() and parsed.tzinfo is None
                                        and not _TZ.search(iso))
        return _iso(parsed, has_time)
    try:
        rfc = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        rfc = None
    if rfc is not None:
        return _iso(rfc, True)
    words = find_date(text)
    if words:
        return date.fromisoformat(words).isoformat(), ""
    return "", ""
