"""Read news as it is stored: files in, :class:`~kg.types.DocumentRecord` out, in one streaming pass.

One reader per format, behind one small interface (:class:`Reader`), chosen
for each file by its content and name (:func:`reader_for`):

============  ==================================  =====================================
reader        files                               library
============  ==================================  =====================================
``text``      ``.txt`` ``.md`` ``.markdown``      (decoding: :mod:`kg.corpus`)
``html``      ``.html`` ``.htm`` ``.xhtml``       trafilatura, htmldate
``jsonl``     ``.jsonl`` ``.ndjson`` ``.json``    json (standard library)
``csv``       ``.csv`` ``.tsv``                   csv (standard library)
``warc``      ``.warc``                           FastWARC
``feed``      ``.rss`` ``.atom`` ``.xml``         feedparser
============  ==================================  =====================================

Files of many documents may be compressed (``.gz``, ``.bz2``, ``.xz``,
``.zst``; recognised by content). Other packages add readers through the
``kg_readers`` entry-point group. What every reader's documents then go
through is here (:class:`Reading`): control characters replaced, page
furniture blanked (:func:`strip_furniture`), the date normalised
(:func:`parse_date`), a stable and unique document id, duplicates
(:class:`Duplicates`) and the language (:func:`detect`) checked. A broken
record is reported with its file and position and skipped; the rest of the
file, and of the input, is still read.

>>> rec = record_from_text("Acme buys Widgets.\\n\\nWas this article helpful?\\nYesNo\\n")
>>> rec.text.rstrip(), rec.source_format
('Acme buys Widgets.', 'text')
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .. import corpus
from ..corpus import Source, find_date, sanitize, slug
from ..errors import InputError
from ..types import DocumentRecord, SkippedDocument
from .base import FIELD_ROLES, Entry, Reader, ReadOptions, Skip, parse_date
from .csvfile import CsvReader
from .dedupe import Duplicates, canonical_url
from .feed import FeedReader
from .html import HtmlReader, page_entry
from .jsonl import JsonLinesReader
from .language import detect, model_language, primary
from .registry import ENTRY_POINT_GROUP, READERS, reader_for, register_reader, suffixes
from .streams import STREAM_ERRORS, open_stream, strip_compression
from .text import TextReader, strip_furniture
from .warc import WarcReader

__all__ = [
    "ENTRY_POINT_GROUP",
    "FIELD_ROLES",
    "READERS",
    "Duplicates",
    "Entry",
    "ReadOptions",
    "Reader",
    "Reading",
    "Skip",
    "canonical_url",
    "detect",
    "discover",
    "expected_documents",
    "iter_records",
    "model_language",
    "parse_date",
    "read_document",
    "reader_for",
    "record_from_text",
    "register_reader",
    "strip_furniture",
]

log = logging.getLogger(__name__)

for _reader in (TextReader(), HtmlReader(), FeedReader(), WarcReader(), JsonLinesReader(), CsvReader()):
    register_reader(_reader)


def discover(inputs: Iterable[str | Path]) -> tuple[list[Source], list[SkippedDocument]]:
    """Files and folders -> sources (see :func:`kg.corpus.discover`), folders read for every reader's endings."""
    return corpus.discover(inputs, suffixes())


def expected_documents(sources: list[Source]) -> int | None:
    """How many documents ``sources`` hold, when every one is a single-document file; else None."""
    for source in sources:
        name = source.path.name
        reader = reader_for(name, b"")
        if strip_compression(name) != name or reader is None or reader.many:
            return None
    return len(sources)


def _key_slug(key: str) -> str:
    """A record's own id (or URL, or position) as part of a document id."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", key.strip(), flags=re.IGNORECASE)
    folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^A-Za-z0-9._-]+", "_", folded)
    out = re.sub(r"\.{2,}", ".", out).strip("._-")
    if len(out) > 60 or len(out) < len(key) // 2 or not out:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        out = f"{out[:40].rstrip('._-')}-{digest}" if out else digest
    return out


def _fragment(position: str) -> str:
    """``"line 7"`` -> ``"line=7"``: a position as a fragment of the document's path."""
    return re.sub(r"\s+", "=", position.strip(), count=1)


def _document(entry: Entry, doc_id: str, path: str, source_format: str) -> DocumentRecord:
    """The record of an entry: text cleaned the same way for every format, metadata normalised."""
    text = entry.text
    title = " ".join(entry.title.split())
    if title and " ".join(next((ln for ln in text.splitlines() if ln.strip()), "").split()) != title:
        text = f"{title}\n\n{text}"  # the headline leads the text, as in a saved text page
    text, replaced = sanitize(text)
    warnings = entry.warnings
    if replaced:
        warnings = (*warnings, f"{replaced} control or invalid character(s) replaced")
    text = strip_furniture(text)
    if not text.strip():
        raise InputError("empty document (no text after removing page furniture)")
    title = title or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:300]
    day, issued = parse_date(entry.date)
    if not day and entry.find_date:
        day = find_date("\n".join(text.splitlines()[:12]))

    def clean(value: str) -> str:
        return sanitize(" ".join(value.split()))[0]

    return DocumentRecord(
        doc_id=doc_id, path=path, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=clean(title), date=day, warnings=warnings, issued=issued, url=clean(entry.url)[:2000],
        author=clean(entry.author)[:300], language=primary(entry.language), source_format=source_format,
    )


def record_from_text(text: str, name: str = "") -> DocumentRecord:
    """A record for a raw string (the Python API's ``kg.build("...")``).

    Raises :class:`InputError` when nothing but whitespace (or page furniture) is left.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    doc_id = slug(name) if name else f"text-{digest[:12]}"
    from .html import LOOKS_HTML

    if LOOKS_HTML.match(text[:2048]):
        return _document(page_entry(text), doc_id, name, "html")
    return _document(Entry(text, find_date=True), doc_id, name, "text")


class Reading:
    """One build's reading: every source through its reader, then ids, duplicates and language.

    Counts what is not built: records that are not documents (by reason),
    duplicates (each with the document it repeats) and documents skipped.
    """

    def __init__(self, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self.not_documents: Counter[str] = Counter()
        self.duplicates: list[dict[str, str]] = []
        self._seen = Duplicates()
        self._ids: set[str] = set()

    def records(self, sources: Iterable[Source], texts: Iterable[str] = ()
                ) -> Iterator[DocumentRecord | SkippedDocument]:
        """The documents of raw ``texts`` and of ``sources``, in order, each a record or the reason it is not."""
        for text in texts:
            try:
                record = record_from_text(text)
            except InputError as exc:
                yield SkippedDocument("<text>", str(exc))
                continue
            yield from self._admit(record)
        for source in sources:
            yield from self._read(source)

    def report(self) -> dict:
        """What ``report.json`` adds for reading: duplicates and records that are not documents."""
        return {
            "duplicates": sorted(self.duplicates, key=lambda d: (d["path"], d["duplicate_of"])),
            "not_documents": dict(sorted(self.not_documents.items())),
        }

    # -- one file ---------------------------------------------------------------------------

    def _read(self, source: Source) -> Iterator[DocumentRecord | SkippedDocument]:
        try:
            stream, head, compression = open_stream(source.path)
        except STREAM_ERRORS as exc:  # an OSError with an errno: cannot open; else the compressed start is damaged
            if isinstance(exc, OSError) and exc.errno is not None:
                yield SkippedDocument(source.display, f"cannot read: {exc.strerror or exc}")
            else:
                yield SkippedDocument(source.display, f"damaged or truncated compressed data: {exc}",
                                      {"reason": "damaged compressed data"})
            return
        with stream:
            reader = reader_for(source.path.name, head)
            if reader is None:
                yield SkippedDocument(source.display, "no reader for this kind of file")
                return
            last = ""
            try:
                for item in reader.read(stream, source, self.options):
                    last = item.position or last
                    if isinstance(item, Skip):
                        if item.broken:
                            yield self._broken(source, item.position, item.reason, item.detail)
                        else:
                            self.not_documents[item.reason] += 1
                        continue
                    yield from self._entry(item, source, reader)
            except InputError as exc:
                yield self._broken(source, "", str(exc), "")
            except STREAM_ERRORS as exc:
                where = f"after {last}" if last else ""
                what = f"{compression} data" if compression else "the file"
                yield self._broken(source, where, f"{what} is truncated or damaged ({exc}); the rest is not read",
                                   "truncated or damaged file")
            except Exception as exc:  # a reader's own failure must not stop the build
                log.debug("reader %s failed on %s", reader.name, source.display, exc_info=True)
                yield self._broken(source, last, f"the {reader.name} reader failed: {exc.__class__.__name__}: "
                                                  f"{exc}", f"{reader.name} reader failed")

    @staticmethod
    def _broken(source: Source, position: str, reason: str, kind: str) -> SkippedDocument:
        text = f"{position}: {reason}" if position else reason
        details = {"reason": kind or reason}
        if position:
            details["position"] = position
        return SkippedDocument(source.display, text, details)

    def _entry(self, entry: Entry, source: Source, reader: Reader) -> Iterator[DocumentRecord | SkippedDocument]:
        base = slug(source.display)
        if reader.many:
            doc_id = f"{base}-{_key_slug(entry.key or entry.position or 'document')}"
            path = f"{source.display}#{_fragment(entry.position)}" if entry.position else source.display
        else:
            doc_id, path = base, source.display
        try:
            record = _document(entry, doc_id, path, entry.source_format or reader.name)
        except InputError as exc:
            yield self._broken(source, entry.position, str(exc), str(exc))
            return
        yield from self._admit(record)

    def _admit(self, record: DocumentRecord) -> Iterator[DocumentRecord | SkippedDocument]:
        """Language and duplicate checks; a unique id."""
        detected = detect(record.text)
        expected = self.options.language
        if detected and expected and detected != expected:
            path, _, fragment = (record.path or "<text>").partition("#")
            position = fragment.replace("=", " ", 1)
            reason = (f"not in the model's language: detected '{detected}', the model reads '{expected}' "
                      f"(build it with a '{detected}' pipeline: --model NAME)")
            yield SkippedDocument(path, f"{position}: {reason}" if position else reason,
                                  {"reason": f"language '{detected}'", **({"position": position} if position else {})})
            return
        if detected:
            record = replace(record, language=detected)
        if record.doc_id in self._ids:
            digest = hashlib.sha256(record.path.encode("utf-8", "surrogatepass")).hexdigest()[:10]
            record = replace(record, doc_id=f"{record.doc_id}-{digest}")
        first = self._seen.check(record.doc_id, record.url, record.text)
        if first is not None:
            self.duplicates.append({"path": record.path, "duplicate_of": first[0], "same": first[1]})
            return
        self._ids.add(record.doc_id)
        yield record


def iter_records(sources: Iterable[Source], options: ReadOptions | None = None
                 ) -> Iterator[DocumentRecord | SkippedDocument]:
    """Read each source (see :class:`Reading`); a bad one becomes a :class:`SkippedDocument`, the rest go on."""
    return Reading(options).records(sources)


def read_document(source: Source, options: ReadOptions | None = None) -> DocumentRecord:
    """The (first) document of one file, whatever its language. Raises :class:`InputError` with the reason."""
    for item in Reading(options or ReadOptions(language="")).records([source]):
        if isinstance(item, SkippedDocument):
            raise InputError(item.reason)
        return item
    raise InputError("no document in the file")
