"""The readers by name, and which one reads a given file.

Built-in readers register themselves when :mod:`kg.ingest` is imported;
other packages add theirs through the ``kg_readers`` entry-point group
(``[project.entry-points.kg_readers] docx = "mypkg.readers:DocxReader"``),
loaded on first use. A file's reader is chosen by its content first, then
its name (:func:`reader_for`), so that a ``.xml`` that is a feed, an
``.html`` that is really a feed and a ``.gz`` that holds a WARC are all read
for what they are.
"""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

from .base import Reader
from .streams import COMPRESSED_SUFFIXES, strip_compression

__all__ = ["ENTRY_POINT_GROUP", "READERS", "reader_for", "register_reader", "suffixes"]

log = logging.getLogger(__name__)

#: The entry-point group other packages register readers in.
ENTRY_POINT_GROUP = "kg_readers"

#: Reader name -> reader, in registration order (which breaks ties between equally sure sniffs).
READERS: dict[str, Reader] = {}
_plugins_loaded = False


def register_reader(reader: Reader) -> Reader:
    """Make ``reader`` available to every build (a later reader of the same name replaces it)."""
    if not isinstance(reader, Reader):
        raise TypeError(f"{reader!r} is not a reader: it needs name, suffixes, many, sniff() and read()")
    READERS[reader.name] = reader
    return reader


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
            register_reader(obj() if isinstance(obj, type) else obj)
        except Exception as exc:  # a broken plugin must not stop the build
            log.warning("cannot load reader %r from the %s entry points: %s", ep.name, ENTRY_POINT_GROUP, exc)


def readers() -> list[Reader]:
    """Every registered reader, plug-ins included."""
    _load_plugins()
    return list(READERS.values())


def suffixes() -> tuple[str, ...]:
    """The file name endings read from folders: each reader's (its ``folder_suffixes`` where it has
    them: endings it reads when a file is named, but that in a folder are usually something else),
    and for readers of many documents the same with a compression suffix (``.jsonl.gz``)."""
    out: list[str] = []
    for reader in readers():
        for suffix in getattr(reader, "folder_suffixes", reader.suffixes):
            out.append(suffix)
            if reader.many:
                out += [suffix + c for c in COMPRESSED_SUFFIXES]
    return tuple(dict.fromkeys(out))


def reader_for(name: str, head: bytes, fallback: str = "text") -> Reader | None:
    """The reader for a file called ``name`` whose decompressed content starts with ``head``.

    A certain sniff (a signature: ``WARC/1.1``, ``<rss``, ``<!DOCTYPE html``) wins;
    then the reader whose suffix the name (without its compression suffix) ends
    with; then a plausible sniff; then ``fallback`` (any file named on the
    command line is read as plain text, as before). None: nothing fits.
    """
    all_readers = readers()
    scores = [(reader.sniff(head), reader) for reader in all_readers]
    certain = [r for s, r in scores if s >= 2]
    if certain:
        return certain[0]
    inner = strip_compression(name).lower()
    by_name = [r for r in all_readers if inner.endswith(tuple(s.lower() for s in r.suffixes))]
    if by_name:
        return max(by_name, key=lambda r: max(len(s) for s in r.suffixes if inner.endswith(s.lower())))
    plausible = [r for s, r in scores if s == 1]
    if plausible:
        return plausible[0]
    return READERS.get(fallback)
